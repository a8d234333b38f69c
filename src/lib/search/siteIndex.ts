/**
 * Search indexing as part of `astro build` (as Starlight does): after the pages are written,
 * every page with a `data-pagefind-body` becomes a Pagefind custom record through Pagefind's
 * Node API — its body text as character bigrams (src/lib/search/indexText.ts), plus the
 * filters, meta and sort keys the search uses — and the index is written to dist/pagefind/.
 *
 * Pages are read one at a time, so this process holds one page, not the site; Pagefind's
 * own service holds the records until `writeFiles`, so large sites are indexed in parts
 * (`PART_PAGES`; docs/performance.md measures it).
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { pageRecord } from '../lib/pagefindRecord.ts';
import { INDEX_LANGUAGE, PART_FILTER, toIndexText } from '../lib/search/indexText.ts';
import { MATCH_FILTER, matchedMeasures } from '../lib/search/mentions.ts';
import { buildDictionary, type SearchTerms } from '../lib/search/terms.ts';

/** Records sent to the Pagefind service at once. */
const IN_FLIGHT = 8;

async function* htmlFiles(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('pagefind')) yield* htmlFiles(path); // not the index's own bundle directories
    } else if (e.name.endsWith('.html')) yield path;
  }
}

/**
 * URL of a built file as the index stores it: from the site root, without the base, which
 * Pagefind's browser side adds (its `baseUrl` is where the bundle is served from, e.g. /casebook/).
 */
function pageUrl(dist: string, file: string): string {
  const rel = relative(dist, file).split(sep).join('/');
  return `/${rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel}`;
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

/**
 * Most pages in one Pagefind index: the service holds about 1 MB per page until it writes the
 * index, so a bigger site is indexed in parts of at most this many pages, one after another, and
 * the browser merges them (mergeIndex). Parts are date ranges, newest first, so a search sorted
 * by date reads them in order (engine.ts). `CASEBOOK_INDEX_PART_PAGES` overrides it.
 */
export const PART_PAGES = 4000;
/** Pagefind's default index chunk size (positions per chunk file); parts get proportionally smaller chunks, so a query fetches about as many bytes of postings as from one index. */
const CHUNK_POSITIONS = 20000;

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'casebook-pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const dist = fileURLToPath(dir);
        const terms = await readTerms(dist);
        const { t2s } = terms;
        const dict = buildDictionary(terms);
        // Pass 1: which pages are indexed, and their dates (for date-ordered parts).
        const pages: Array<{ file: string; date: string }> = [];
        for await (const file of htmlFiles(dist)) {
          const record = pageRecord(await readFile(file, 'utf8'));
          if (record) pages.push({ file, date: record.sort['date'] ?? '' });
        }
        if (pages.length === 0) throw new Error('No page has data-pagefind-body: the search index would be empty.');
        pages.sort((a, b) => (b.date > a.date ? 1 : b.date < a.date ? -1 : 0) || (a.file < b.file ? -1 : 1));
        const limit = Number(process.env['CASEBOOK_INDEX_PART_PAGES']) || PART_PAGES;
        const count = Math.ceil(pages.length / limit);
        const size = Math.ceil(pages.length / count);
        const dirs: string[] = [];
        // Read by the Pagefind service when it starts (createIndex after close()).
        if (count > 1) process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = String(Math.round(CHUNK_POSITIONS / count));
        for (let part = 0; part < count; part++) {
          const { index, errors } = await pagefind.createIndex({});
          if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
          const inFlight = new Set<Promise<void>>();
          const add = async (file: string) => {
            const record = pageRecord(await readFile(file, 'utf8'));
            if (!record) return;
            if (record.filters['type']?.includes('case'))
              record.filters[MATCH_FILTER] = matchedMeasures(record.text, record.filters['measure'] ?? [], dict, t2s);
            if (count > 1) record.filters[PART_FILTER] = [String(part)];
            const response = await index.addCustomRecord({
              url: pageUrl(dist, file),
              content: toIndexText(record.text, t2s),
              language: INDEX_LANGUAGE,
              meta: record.meta,
              filters: record.filters,
              sort: record.sort,
            });
            if (response.errors.length) throw new Error(`Pagefind rejected ${file}: ${response.errors.join('; ')}`);
          };
          for (const { file } of pages.slice(part * size, (part + 1) * size)) {
            const job = add(file).finally(() => inFlight.delete(job));
            inFlight.add(job);
            if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
          }
          await Promise.all(inFlight);
          const name = part === 0 ? 'pagefind' : `pagefind-${part}`;
          const written = await index.writeFiles({ outputPath: join(dist, name) });
          if (written.errors.length)
            throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
          await index.deleteIndex();
          // Stops the service, so its memory is returned before the next part.
          await pagefind.close();
          if (part > 0) dirs.push(`${name}/`);
        }
        // The browser learns the other parts from the dictionary it loads anyway.
        if (dirs.length)
          await writeFile(
            join(dist, 'search-terms.json'),
            JSON.stringify({ ...terms, indexParts: dirs } satisfies SearchTerms),
          );
        logger.info(
          `Indexed ${pages.length} pages in ${count} part(s) in ${Math.round(performance.now() - started) / 1000} s`,
        );
      },
    },
  };
}
