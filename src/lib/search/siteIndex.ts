/**
 * The site's search index, written into a built site (`dist/pagefind/`) through Pagefind's Node
 * API: every page with a `data-pagefind-body` becomes a custom record — its body text as character
 * bigrams (indexText.ts), plus the filters, meta and sort keys the search uses.
 *
 * It runs as its own step of `npm run build`, after `astro build` has exited
 * (scripts/search-index.ts), so the build's peak memory is the larger of Astro's and the
 * index's, not their sum. Pagefind's service holds about 1 MB per page until it writes an
 * index, so a large site is indexed in parts (`PART_PAGES`; docs/performance.md measures both).
 */
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { chunkSize } from './chunkSize.ts';
import { pageRecord, type PageRecord } from '../pagefindRecord.ts';
import { INDEX_LANGUAGE, PART_FILTER, toIndexText } from './indexText.ts';
import { MATCHED, matchedMeasures, matchFilter } from './mentions.ts';
import { encodePageFacets, PAGE_FACETS_FILE } from './pageFacets.ts';
import { NOT_CASE_FILTER, type PageFilters } from './schema.ts';
import { buildDictionary, type SearchTerms } from './terms.ts';

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
 * Most pages in one Pagefind index: the service holds about 1.1 MB per page until it writes the
 * index (2.8 GB for 2,500 pages), so a bigger site is indexed in parts of at most this many
 * pages, one after another, and the browser merges them (mergeIndex). Parts are date ranges,
 * newest first, so a search sorted by date reads them in order (engine.ts).
 * `CASEBOOK_INDEX_PART_PAGES` overrides it.
 */
export const PART_PAGES = 2500;

/**
 * The result id (fragment hash) and URL of every page of a written index part. A fragment file
 * is Pagefind's signature then JSON, gzipped: one page, or a group of pages by hash.
 */
async function fragmentUrls(bundle: string): Promise<Array<{ id: string; url: string }>> {
  const dir = join(bundle, 'fragment');
  const out: Array<{ id: string; url: string }> = [];
  for (const name of await readdir(dir)) {
    const text = gunzipSync(await readFile(join(dir, name))).toString('utf8');
    const json = JSON.parse(text.slice(text.indexOf('{'))) as Record<string, unknown>;
    const urlOf = (page: unknown) => (page as { url?: unknown } | null)?.url;
    const url = urlOf(json);
    if (typeof url === 'string') out.push({ id: name.replace(/\.pf_fragment$/, ''), url });
    else
      for (const [hash, page] of Object.entries(json)) {
        const grouped = urlOf(page);
        if (typeof grouped === 'string') out.push({ id: hash, url: grouped });
      }
  }
  return out;
}

/** What `indexSite` did, for the build log. */
export interface IndexSummary {
  pages: number;
  parts: number;
  seconds: number;
}

/**
 * Indexes the built site in `dist`: every page with a `data-pagefind-body` becomes a custom
 * record, in one or more parts (`PART_PAGES`), and search-terms.json learns the filter values
 * and the parts.
 */
export async function indexSite(dist: string): Promise<IndexSummary> {
  const started = performance.now();
  // What an earlier run wrote is replaced whole: its parts, and what it added to the terms.
  const { indexParts: _parts, facets: _facets, ...terms } = await readTerms(dist);
  for (const e of await readdir(dist, { withFileTypes: true }))
    if (e.isDirectory() && /^pagefind(-\d+)?$/.test(e.name)) await rm(join(dist, e.name), { recursive: true });
  const { t2s } = terms;
  const dict = buildDictionary(terms);
  // Each page is read and parsed once; its record (text, filters, meta, sort) is kept until its part is sent.
  const pages: Array<{ file: string; date: string; record: PageRecord | undefined }> = [];
  /** Facet values by page URL, for search-facets.json (pageFacets.ts). */
  const facetsByUrl = new Map<string, PageFilters>();
  for await (const file of htmlFiles(dist)) {
    const parsed = pageRecord(await readFile(file, 'utf8'));
    if (!parsed) continue;
    // Everything kept comes from a copy: a value sliced out of the page's HTML would keep the
    // whole HTML alive (V8's sliced strings): 613 MB of heap at 10,000 cases for 38 MB of records.
    const record = JSON.parse(JSON.stringify(parsed)) as PageRecord;
    pages.push({ file, date: record.sort['date'] ?? '', record });
    facetsByUrl.set(pageUrl(dist, file), record.filters); // encodePageFacets reads only the facets
  }
  if (pages.length === 0) throw new Error('No page has data-pagefind-body: the search index would be empty.');
  pages.sort((a, b) => (b.date > a.date ? 1 : b.date < a.date ? -1 : 0) || (a.file < b.file ? -1 : 1));
  const limit = Number(process.env['CASEBOOK_INDEX_PART_PAGES']) || PART_PAGES;
  const count = Math.ceil(pages.length / limit);
  const size = Math.ceil(pages.length / count);
  const dirs: string[] = [];
  const pageFacets: Array<{ id: string; filters: PageFilters }> = [];
  for (let part = 0; part < count; part++) {
    const slice = pages.slice(part * size, (part + 1) * size);
    const contents = slice.map((page) => toIndexText(page.record!.text, t2s));
    // Pagefind's chunk units: a page's words, plus one per distinct word (chunkSize.ts).
    const units = contents.reduce((n, c) => {
      const words = c.split(' ');
      return n + words.length + new Set(words).size;
    }, 0);
    // Read by the Pagefind service when it starts (createIndex after close()).
    process.env['PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE'] = String(chunkSize(units));
    const { index, errors } = await pagefind.createIndex({});
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    const inFlight = new Set<Promise<void>>();
    const add = async (page: (typeof pages)[number], content: string) => {
      const record = page.record!;
      page.record = undefined; // sent: the service holds it now
      if (record.filters['type']?.includes('case')) {
        for (const id of matchedMeasures(record.text, record.filters['measure'] ?? [], dict, t2s))
          record.filters[matchFilter(id)] = [MATCHED];
      } else record.filters[NOT_CASE_FILTER] = [MATCHED];
      if (count > 1) record.filters[PART_FILTER] = [String(part)];
      const response = await index.addCustomRecord({
        url: pageUrl(dist, page.file),
        content,
        language: INDEX_LANGUAGE,
        meta: record.meta,
        filters: record.filters,
        sort: record.sort,
      });
      if (response.errors.length) throw new Error(`Pagefind rejected ${page.file}: ${response.errors.join('; ')}`);
    };
    for (const [i, page] of slice.entries()) {
      const job = add(page, contents[i]!).finally(() => inFlight.delete(job));
      inFlight.add(job);
      if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    const name = part === 0 ? 'pagefind' : `pagefind-${part}`;
    const written = await index.writeFiles({ outputPath: join(dist, name) });
    if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
    await index.deleteIndex();
    // Stops the service, so its memory is returned before the next part.
    await pagefind.close();
    if (part > 0) dirs.push(`${name}/`);
    for (const { id, url } of await fragmentUrls(join(dist, name)))
      pageFacets.push({ id, filters: facetsByUrl.get(url) ?? {} });
  }
  const facetsFile = encodePageFacets(pageFacets);
  await writeFile(join(dist, PAGE_FACETS_FILE), JSON.stringify(facetsFile));
  // The browser learns the filter values and the other parts from the dictionary it loads anyway.
  await writeFile(
    join(dist, 'search-terms.json'),
    JSON.stringify({
      ...terms,
      facets: facetsFile.values,
      ...(dirs.length && { indexParts: dirs }),
    } satisfies SearchTerms),
  );
  return { pages: pages.length, parts: count, seconds: Math.round(performance.now() - started) / 1000 };
}
