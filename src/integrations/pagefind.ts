/**
 * Search indexing as part of `astro build` (as Starlight does): after the pages are written,
 * every page with a `data-pagefind-body` becomes a Pagefind custom record through Pagefind's
 * Node API — its body text as character bigrams (src/lib/search/indexText.ts), plus the
 * filters, meta and sort keys the search uses — and the index is written to dist/pagefind/.
 *
 * Pages are read one at a time, so this process holds one page, not the site; Pagefind's
 * own service holds the records until `writeFiles` (docs/performance.md measures it).
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { pageRecord } from '../lib/pagefindRecord.ts';
import { INDEX_LANGUAGE, toIndexText } from '../lib/search/indexText.ts';
import { MATCH_FILTER, matchedMeasures } from '../lib/search/mentions.ts';
import { buildDictionary, type SearchTerms } from '../lib/search/terms.ts';

/** Records sent to the Pagefind service at once. */
const IN_FLIGHT = 8;

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'pagefind') yield* htmlFiles(path);
    } else if (e.name.endsWith('.html')) yield path;
  }
}

/** URL of a built file: base + directory, as the site links it (trailingSlash: always). */
function pageUrl(base: string, dist: string, file: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  const path = rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
  return base.replace(/\/?$/, '/') + path;
}

/** The search dictionary the build wrote (search-terms.json): the traditional → simplified map and the measures' names. */
async function readTerms(dist: string): Promise<SearchTerms> {
  const path = join(dist, 'search-terms.json');
  try {
    return JSON.parse(await readFile(path, 'utf8')) as SearchTerms;
  } catch (error) {
    throw new Error(`The search index needs ${path} (src/pages/search-terms.json.ts): ${String(error)}`);
  }
}

export default function pagefindIndex(): AstroIntegration {
  let base = '/';
  return {
    name: 'casebook-pagefind',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const dist = fileURLToPath(dir);
        const terms = await readTerms(dist);
        const { t2s } = terms;
        const dict = buildDictionary(terms);
        const { index, errors } = await pagefind.createIndex({});
        if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
        let pages = 0;
        const inFlight = new Set<Promise<void>>();
        const add = async (file: string) => {
          const record = pageRecord(await readFile(file, 'utf8'));
          if (!record) return;
          if (record.filters['type']?.includes('case')) record.filters[MATCH_FILTER] = matchedMeasures(record.text, record.filters['measure'] ?? [], dict, t2s);
          const response = await index.addCustomRecord({
            url: pageUrl(base, dist, file),
            content: toIndexText(record.text, t2s),
            language: INDEX_LANGUAGE,
            meta: record.meta,
            filters: record.filters,
            sort: record.sort,
          });
          if (response.errors.length) throw new Error(`Pagefind rejected ${file}: ${response.errors.join('; ')}`);
          pages++;
        };
        for await (const file of htmlFiles(dist)) {
          const job = add(file).finally(() => inFlight.delete(job));
          inFlight.add(job);
          if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
        }
        await Promise.all(inFlight);
        if (pages === 0) throw new Error('No page has data-pagefind-body: the search index would be empty.');
        const written = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
        await index.deleteIndex();
        await pagefind.close();
        logger.info(`Indexed ${pages} pages in ${Math.round(performance.now() - started) / 1000} s`);
      },
    },
  };
}
