/**
 * The site's search index, written into a built site (`dist/pagefind/`) through Pagefind's Node
 * API: every page with a `data-pagefind-body` becomes a custom record — its body text as character
 * bigrams and the known terms it contains as whole words (indexText.ts). What a result shows
 * (title, region, date …, the facet values) is added to its fragment when the parts are merged,
 * so Pagefind indexes only the text.
 *
 * It runs as its own step of `npm run build`, after `astro build` has exited
 * (scripts/search-index.ts), so the build's peak memory is the larger of Astro's and the
 * index's, not their sum. Pagefind's service holds about 1 MB per page until it writes an
 * index, so a large site is indexed in parts (`PART_PAGES`), which mergeIndex.ts then merges
 * into one index (docs/performance.md measures both).
 */
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import * as pagefind from 'pagefind';
import { pageRecord, type PageRecord } from './pageRecord.ts';
import { chunkSizes } from '../pagefind/chunkSize.ts';
import { fromIndexText, INDEX_LANGUAGE, indexContent, isTermWord, sameTerm } from './indexText.ts';
import { mergeIndexParts } from '../pagefind/mergeIndex.ts';
import { recordIndex, recordTerms } from './mentions.ts';
import { normalize } from '../query/normalize.ts';
import { frequentPhrases, PHRASES_FILE, type PhrasesFile } from './phrases.ts';
import { chineseSegmenter } from '../query/question.ts';
import { encodePageFacets, PAGE_FACETS_FILE } from './pageFacets.ts';
import { bundleStartFiles, type FragmentJson, type PagefindEntry } from '../pagefind/files.ts';
import { writeAnswers } from './siteAnswers.ts';
import { FILTER_KEYS, idLetter, type PageFilters } from './schema.ts';
import { buildDictionary, type SearchTerms } from '../query/terms.ts';

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

/** Bytes of the files in `dirs`. */
async function bytesIn(dirs: string[]): Promise<number> {
  let bytes = 0;
  for (const dir of dirs) for (const name of await readdir(dir)) bytes += (await stat(join(dir, name))).size;
  return bytes;
}

const TERMS_FILE = 'search-terms.json';

/** The search dictionary the build wrote (search-terms.json): the traditional → simplified map and the measures' names. */
async function readTerms(dist: string): Promise<SearchTerms> {
  const path = join(dist, TERMS_FILE);
  try {
    return JSON.parse(await readFile(path, 'utf8')) as SearchTerms;
  } catch (error) {
    throw new Error(`The search index needs ${path} (src/pages/search-terms.json.ts): ${String(error)}`);
  }
}

/**
 * Most pages in one run of Pagefind's indexer: it holds about 1.4 MB per page until it writes
 * (3.1 GB for 2,127 pages of the 10,000-case bench), so a bigger site is indexed in parts of at
 * most this many pages, one after another, merged into one index afterwards (mergeIndex.ts):
 * the index step stays near 1 GB at any size (parts of 1,500 pages took 2 GB, the build's peak
 * once Astro's store no longer held the bodies). Parts cost the search nothing once merged, and
 * smaller ones cost the step no CPU time (docs/performance.md). `CASEBOOK_INDEX_PART_PAGES`
 * overrides it.
 */
export const PART_PAGES = 600;

/**
 * A page's fragment as the browser reads it (`result.data()`): the text rebuilt from the
 * bigrams, without the whole-term words (what excerpts and the literal check read, match.ts),
 * the page's meta (title, region, date …: schema.ts) and facet values (shown as measure chips;
 * the index itself has no filters: the search filters and counts from search-facets.json).
 */
function readerFragment(page: FragmentJson, shown: Pick<PageRecord, 'meta' | 'filters'>): FragmentJson {
  const filters: PageFilters = {};
  for (const key of FILTER_KEYS) if (shown.filters[key]) filters[key] = shown.filters[key];
  return { ...page, content: fromIndexText(page.content), meta: shown.meta, filters };
}

/** What `indexSite` did, for the build log. */
export interface IndexSummary {
  pages: number;
  parts: number;
  /** The whole step, the answers included. */
  seconds: number;
  /** Answers written (answers.ts). */
  answers: number;
  /** Seconds of each phase: reading the pages, Pagefind's indexing of the parts, the merge (and facets), the answers. */
  phases: { read: number; parts: number; merge: number; answers: number };
}

/**
 * Indexes the built site in `dist`: every page with a `data-pagefind-body` becomes a custom
 * record, indexed in one or more parts (`PART_PAGES`) merged into `dist/pagefind/`;
 * search-facets.json gets every page's facet values and the date order, search-terms.json the
 * index's tag and first files, search-phrases.json the phrases indexed whole (phrases.ts), and
 * search-answers/ the answers of the known terms (answers.ts).
 */
export async function indexSite(dist: string): Promise<IndexSummary> {
  const started = performance.now();
  const phases = { read: 0, parts: 0, merge: 0, answers: 0 };
  let phaseStart = started;
  const lap = (phase: keyof typeof phases) => {
    const now = performance.now();
    phases[phase] = Math.round(now - phaseStart) / 1000;
    phaseStart = now;
  };
  // What an earlier run wrote is replaced whole.
  const terms = await readTerms(dist);
  for (const e of await readdir(dist, { withFileTypes: true }))
    if (e.isDirectory() && /^pagefind(-\d+)?$/.test(e.name)) await rm(join(dist, e.name), { recursive: true });
  const { t2s } = terms;
  const dict = buildDictionary(terms);
  // Each page is read and parsed once; its text is kept until its part is sent, the rest until the merge.
  const pages: Array<{ file: string; url: string; date: string; text: string | undefined } & Omit<PageRecord, 'text'>> =
    [];
  for await (const file of htmlFiles(dist)) {
    const parsed = pageRecord(await readFile(file, 'utf8'));
    if (!parsed) continue;
    // Everything kept comes from a copy: a value sliced out of the page's HTML would keep the
    // whole HTML alive (V8's sliced strings): 613 MB of heap at 10,000 cases for 38 MB of records.
    const record = JSON.parse(JSON.stringify(parsed)) as PageRecord;
    pages.push({ file, url: pageUrl(dist, file), date: record.sort['date'] ?? '', ...record });
  }
  if (pages.length === 0) throw new Error('No page has data-pagefind-body: the search index would be empty.');
  // Newest first (pages without a date last): the merged index numbers its pages in this order, and search-facets.json relies on it.
  pages.sort((a, b) => (b.date > a.date ? 1 : b.date < a.date ? -1 : 0) || (a.file < b.file ? -1 : 1));
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  // The casebook's frequent phrases are indexed whole too (phrases.ts); every known term is looked for in every page at once.
  const phrases = frequentPhrases(
    pages.map((p) => p.text!),
    {
      normalize: (text) => normalize(text, { t2s, compact: true }),
      segment: chineseSegmenter(),
      known: dict.indexedTerms,
    },
  );
  const known = recordIndex(dict, phrases);
  lap('read');
  const limit = Number(process.env['CASEBOOK_INDEX_PART_PAGES']) || PART_PAGES;
  const count = Math.ceil(pages.length / limit);
  const size = Math.ceil(pages.length / count);
  const work = await mkdtemp(join(tmpdir(), 'casebook-index-'));
  let answers = 0;
  try {
    const partDirs: string[] = [];
    for (let part = 0; part < count; part++) {
      const { index, errors } = await pagefind.createIndex({});
      if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
      const inFlight = new Set<Promise<void>>();
      const add = async (page: (typeof pages)[number]) => {
        const text = page.text!;
        page.text = undefined; // sent: the service holds it now
        const terms = recordTerms(
          { isCase: page.filters['type']?.includes('case') ?? false, measures: page.filters['measure'] ?? [] },
          dict,
          known,
        );
        const response = await index.addCustomRecord({
          url: page.url,
          content: indexContent(text, terms, t2s),
          language: INDEX_LANGUAGE,
        });
        if (response.errors.length) throw new Error(`Pagefind rejected ${page.file}: ${response.errors.join('; ')}`);
      };
      for (const page of pages.slice(part * size, (part + 1) * size)) {
        const job = add(page).finally(() => inFlight.delete(job));
        inFlight.add(job);
        if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
      const dir = join(work, String(part));
      const written = await index.writeFiles({ outputPath: dir });
      if (written.errors.length) throw new Error(`Pagefind could not write the index: ${written.errors.join('; ')}`);
      await index.deleteIndex();
      // Stops the service, so its memory is returned before the next part.
      await pagefind.close();
      partDirs.push(dir);
    }
    lap('parts');
    const pageAt = (url: string) => {
      const page = byUrl.get(url);
      if (!page) throw new Error(`The index holds a page the site does not: ${url}`);
      return page;
    };
    const sizes = chunkSizes(await bytesIn(partDirs.map((d) => join(d, 'index'))));
    const merged = await mergeIndexParts(partDirs, join(dist, 'pagefind'), {
      fragment: (fragment) => readerFragment(fragment, pageAt(fragment.url)),
      pageKind: (fragment) => idLetter(pageAt(fragment.url).filters['type']?.[0]),
      chunkBytes: (word) => (isTermWord(word) ? sizes.terms : sizes.words),
      together: sameTerm,
    });
    const facetsFile = encodePageFacets(
      merged.tag,
      merged.pages.map(({ url }) => ({ filters: pageAt(url).filters, date: pageAt(url).date || undefined })),
    );
    await writeFile(join(dist, PAGE_FACETS_FILE), JSON.stringify(facetsFile));
    const entry = JSON.parse(await readFile(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    const indexed: SearchTerms = { ...terms, index: { tag: merged.tag, start: bundleStartFiles(entry, merged.tag) } };
    await writeFile(join(dist, TERMS_FILE), JSON.stringify(indexed));
    await writeFile(
      join(dist, PHRASES_FILE),
      JSON.stringify({ version: 1, tag: merged.tag, phrases } satisfies PhrasesFile),
    );
    lap('merge');
    answers = await writeAnswers(dist, indexed, { tag: merged.tag, pages: merged.pages.length, phrases });
    lap('answers');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return {
    pages: pages.length,
    parts: count,
    seconds: Math.round(performance.now() - started) / 1000,
    answers,
    phases,
  };
}
