/**
 * The search index step of `npm run build` (after `astro build`): indexes the built site in
 * dist/ (or the folder given) with src/lib/search/index/siteIndex.ts and prints one summary line.
 * Run on its own, it rebuilds the index of an existing build.
 *   npx tsx scripts/search-index.ts [dist]
 */
import { resolve } from 'node:path';
import { indexSite } from '../src/lib/search/index/siteIndex.ts';

const [dist = 'dist', ...rest] = process.argv.slice(2);
if (rest.length) {
  console.error('usage: tsx scripts/search-index.ts [dist]');
  process.exit(2);
}
try {
  const { pages, parts, seconds, answers, phases, unmerged } = await indexSite(resolve(dist));
  const { read, merge } = phases;
  if (unmerged)
    console.warn(
      `[search-index] ${unmerged}: the ${parts} part(s) stay as Pagefind wrote them (dist/pagefind*/), merged in the browser by Pagefind's mergeIndex, without answers`,
    );
  console.log(
    `[search-index] Indexed ${pages} pages in ${parts} part(s) in ${seconds} s (read ${read} s, parts ${phases.parts} s, merge ${merge} s, ${answers} answers ${phases.answers} s)`,
  );
} catch (error) {
  console.error(`[search-index] ${(error as Error).message}`);
  process.exit(1);
}
