// Partitioned casebook, simulated (docs/scaling.md): two synthetic partitions built separately
// (as two CI matrix jobs would, each under its own base path), served side by side, and one
// search over both with Pagefind's mergeIndex. Prints one JSON line: the partitions' builds and
// the first-query bytes and count of the merged search against each partition alone.
//   npx tsx scripts/bench/multisite.ts --cases 200     (cases per partition)
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../tests/chromium.ts';
import { serveStatic } from '../../tests/helpers/staticServer.ts';
import { removeTempSite } from '../../tests/helpers/tempSite.ts';
import { indexQuery, INDEX_LANGUAGE, termWord } from '../../src/lib/search/index/indexText.ts';
import { normalize } from '../../src/lib/search/query/normalize.ts';
import { buildDictionary, type SearchTerms } from '../../src/lib/search/query/terms.ts';
import { prepareBenchSite } from './site.ts';
import { buildCommand, timed } from './measure.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '200' },
    queries: { type: 'string', default: '县管校聘,课后服务,集团化办学' },
  },
});
const cases = Number(values.cases);
const log = (msg: string) => process.stderr.write(`[multisite] ${msg}\n`);
const partitions = ['a', 'b'];
const dirs: string[] = [];
const root = mkdtempSync(join(tmpdir(), 'casebook-multisite-'));

// In the page: Pagefind from partition `primary`, the other partitions merged in, one search (the
// query's whole word if it is a known term, else the phrase of its bigrams, as the site's engine
// looks it up), the first 5 results read.
const SEARCH = `async ({ term, primary, merged, lang }) => {
  document.documentElement.lang = lang;
  const pf = await import('/' + primary + '/pagefind/pagefind.js');
  await pf.init();
  for (const p of merged) await pf.mergeIndex('/' + p + '/pagefind/', { language: lang });
  const found = await pf.search(term);
  await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
  return found.results.length;
}`;

try {
  const builds = [];
  for (const [i, p] of partitions.entries()) {
    const dir = prepareBenchSite(cases, i + 1);
    dirs.push(dir);
    log(`partition ${p}: ${cases} cases, building under /${p}/ …`);
    const step = await timed(buildCommand(), dir, { BASE_PATH: `/${p}/` });
    builds.push({
      partition: p,
      seconds: step.seconds,
      cpuSeconds: step.cpuSeconds,
      treePeakRssMB: step.treePeakRssMB,
    });
    symlinkSync(join(dir, 'dist'), join(root, p));
  }
  writeFileSync(join(root, 'blank.html'), '<!doctype html><html lang="zh-CN"><title>multisite</title></html>');
  writeFileSync(join(root, '404.html'), '<!doctype html><title>404</title>');
  const server = await serveStatic(root, { gzip: true });
  const url = server.url.replace(/\/$/, '');
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ args: chromiumArgs, ...(executablePath && { executablePath }) });
  const search = [];
  try {
    const dict = buildDictionary(JSON.parse(readFileSync(join(root, 'a', 'search-terms.json'), 'utf8')) as SearchTerms);
    for (const q of values.queries.split(',')) {
      const word = normalize(q, { compact: true });
      const iq = indexQuery(word);
      if (iq.kind === 'none') continue;
      const term = dict.indexedTerms.has(word) ? termWord(word) : iq.term;
      const measure = async (primary: string, merged: string[]) => {
        const context = await browser.newContext();
        const page = await context.newPage();
        await page.goto(`${url}/blank.html`);
        let bytes = 0;
        let requests = 0;
        const pending: Promise<void>[] = [];
        page.on('requestfinished', (r) => {
          requests++;
          pending.push(r.sizes().then((z) => void (bytes += z.responseBodySize + z.responseHeadersSize)));
        });
        const t0 = performance.now();
        const count = (await page.evaluate(
          `(${SEARCH})(${JSON.stringify({ term, primary, merged, lang: INDEX_LANGUAGE })})`,
        )) as number;
        const ms = Math.round(performance.now() - t0);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await Promise.all(pending);
        await context.close();
        return { count, bytes, requests, ms };
      };
      search.push({
        query: q,
        merged: await measure('a', ['b']),
        a: await measure('a', []),
        b: await measure('b', []),
      });
    }
  } finally {
    await browser.close();
    await server.close();
  }
  console.log(JSON.stringify({ casesPerPartition: cases, builds, search }));
} finally {
  for (const d of dirs) removeTempSite(d);
  rmSync(root, { recursive: true, force: true });
}
