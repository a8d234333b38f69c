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
 * index, so a large site is indexed in parts (`PART_PAGES`), two at once on threads of their own
 * (partWorker.mjs: writing a part's bundle keeps a service busy on about one core), which
 * mergeIndex.ts then merges into one index (docs/performance.md measures both).
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join, relative, sep } from 'node:path';
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
import { ANSWERS_DIR } from './answers.ts';
import { writeAnswers } from './siteAnswers.ts';
import { FILTER_KEYS, idLetter, pageId, type PageFilters } from './schema.ts';
import { buildDictionary, type Dictionary, type SearchTerms } from '../query/terms.ts';
import { bundleDir, publicResultIds } from '../pagefind/publicBundles.ts';
import { PUBLIC_IDS_FILE, type PublicIdsFile } from '../pagefind/publicIndex.ts';
import { formatMismatch, installedPagefindVersion } from '../pagefind/version.ts';

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
 * most this many pages, two at a time (`PARTS_AT_ONCE`), merged into one index afterwards
 * (mergeIndex.ts): the index step's largest process stays near 1.5 GB at any size (1.6 GB at
 * 10,000 cases; parts of 1,500 pages took 2 GB, the build's peak once Astro's store no longer held
 * the bodies). Parts cost the search nothing once merged, and smaller ones cost the step no CPU
 * time (docs/performance.md). `CASEBOOK_INDEX_PART_PAGES` overrides it.
 */
export const PART_PAGES = 300;

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
  /** Why the parts were left as Pagefind wrote them, for its browser `mergeIndex` (pagefind/version.ts), if they were. */
  unmerged?: string;
}

export interface IndexOptions {
  /** The Pagefind version to assume. @default the installed one (pagefind/version.ts) */
  pagefindVersion?: string | undefined;
  /** Most pages in one part. @default CASEBOOK_INDEX_PART_PAGES, else PART_PAGES */
  partPages?: number;
}

/** A page of the built site as the index step keeps it: its text until its part is sent, the rest until the facets are written. */
type SitePage = { file: string; url: string; date: string; text: string | undefined } & Omit<PageRecord, 'text'>;

/** What every part's records are made with. */
interface RecordContext {
  dict: Dictionary;
  known: ReturnType<typeof recordIndex>;
  t2s: SearchTerms['t2s'];
  /** Give each record its meta and filters through Pagefind's API (the index is not merged, so no fragment is rewritten). */
  publicFields: boolean;
}

/** Seconds of each phase, measured lap by lap. */
function phaseClock() {
  const started = performance.now();
  const phases = { read: 0, parts: 0, merge: 0, answers: 0 };
  let phaseStart = started;
  return {
    phases,
    lap(phase: keyof typeof phases) {
      const now = performance.now();
      phases[phase] = Math.round(now - phaseStart) / 1000;
      phaseStart = now;
    },
    seconds: () => Math.round(performance.now() - started) / 1000,
  };
}

/** Every page with a `data-pagefind-body`, newest first (pages without a date last): the index numbers its pages in this order, and search-facets.json relies on it. */
async function readPages(dist: string): Promise<SitePage[]> {
  const pages: SitePage[] = [];
  for await (const file of htmlFiles(dist)) {
    const parsed = pageRecord(await readFile(file, 'utf8'));
    if (!parsed) continue;
    // Everything kept comes from a copy: a value sliced out of the page's HTML would keep the
    // whole HTML alive (V8's sliced strings): 613 MB of heap at 10,000 cases for 38 MB of records.
    const record = JSON.parse(JSON.stringify(parsed)) as PageRecord;
    pages.push({ file, url: pageUrl(dist, file), date: record.sort['date'] ?? '', ...record });
  }
  if (pages.length === 0) throw new Error('No page has data-pagefind-body: the search index would be empty.');
  pages.sort((a, b) => (b.date > a.date ? 1 : b.date < a.date ? -1 : 0) || (a.file < b.file ? -1 : 1));
  return pages;
}

/** Pagefind's record of a page: its text as bigrams and its known terms as whole words (indexText.ts). */
function recordOf(page: SitePage, text: string, ctx: RecordContext) {
  const terms = recordTerms(
    { isCase: page.filters['type']?.includes('case') ?? false, measures: page.filters['measure'] ?? [] },
    ctx.dict,
    ctx.known,
  );
  const record = { url: page.url, content: indexContent(text, terms, ctx.t2s), language: INDEX_LANGUAGE };
  if (!ctx.publicFields) return record;
  const { meta = {}, filters = {} } = readerFragment({ url: page.url, content: '' }, page);
  const defined = <T>(entries: Record<string, T | undefined>) =>
    Object.fromEntries(Object.entries(entries).filter(([, v]) => v !== undefined)) as Record<string, T>;
  return { ...record, meta: defined(meta), filters: defined(filters) };
}

/** Parts indexed at once, each in its own thread and Pagefind service (partWorker.mjs). */
const PARTS_AT_ONCE = Math.min(2, availableParallelism());

/** What a part's thread reports: nothing, or what went wrong (with the index of the record Pagefind rejected). */
interface PartOutcome {
  error?: string;
  record?: number;
}

/** Indexes `pages` in one run of Pagefind's indexer (in a thread) and writes its bundle to `dir`. */
function indexPart(pages: SitePage[], dir: string, ctx: RecordContext): Promise<void> {
  const records = pages.map((page) => {
    const text = page.text!;
    page.text = undefined; // the thread gets a copy
    return recordOf(page, text, ctx);
  });
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./partWorker.mjs', import.meta.url), { workerData: { records, dir } });
    worker.once('message', ({ error, record }: PartOutcome) => {
      if (error === undefined) resolve();
      else reject(new Error(record === undefined ? error : `Pagefind rejected ${pages[record]!.file}: ${error}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the indexing thread exited with ${code}`)));
  });
}

/** Indexes the parts `PARTS_AT_ONCE` at a time; part n holds pages [n·size, (n+1)·size). */
async function indexParts(pages: SitePage[], dirs: string[], size: number, ctx: RecordContext): Promise<void> {
  let next = 0;
  const thread = async () => {
    for (let n = next++; n < dirs.length; n = next++)
      await indexPart(pages.slice(n * size, (n + 1) * size), dirs[n]!, ctx);
  };
  await Promise.all(Array.from({ length: PARTS_AT_ONCE }, thread));
}

/** How the index was written: what search-terms.json says of it, and its pages in its order. */
interface WrittenIndex {
  terms: NonNullable<SearchTerms['index']>;
  pages: SitePage[];
}

/** The index's files beside Pagefind's: the pages' facets, the dictionary with the index's tag and first files, the phrases. */
async function writeIndexFiles(dist: string, index: WrittenIndex, terms: SearchTerms, phrases: string[]) {
  const { tag } = index.terms;
  const facetsFile = encodePageFacets(
    tag,
    index.pages.map((p) => ({ filters: p.filters, date: p.date || undefined })),
  );
  await writeFile(join(dist, PAGE_FACETS_FILE), JSON.stringify(facetsFile));
  const indexed: SearchTerms = { ...terms, index: index.terms };
  await writeFile(join(dist, TERMS_FILE), JSON.stringify(indexed));
  const phrasesFile = { version: 1, tag, phrases } satisfies PhrasesFile;
  await writeFile(join(dist, PHRASES_FILE), JSON.stringify(phrasesFile));
  return indexed;
}

/** The parts merged into one index in `dist/pagefind/` (mergeIndex.ts); its pages in its order. */
async function mergeParts(dist: string, partDirs: string[], pages: SitePage[]) {
  const byUrl = new Map(pages.map((p) => [p.url, p]));
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
  const entry = JSON.parse(await readFile(join(dist, 'pagefind', 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const ordered = merged.pages.map(({ url }) => pageAt(url));
  return { terms: { tag: merged.tag, start: bundleStartFiles(entry, merged.tag) }, pages: ordered };
}

/**
 * The parts as Pagefind wrote them, in `dist/pagefind/`, `dist/pagefind-1/` …, for its browser
 * `mergeIndex` (pagefind/publicIndex.ts): the site's result id of each of Pagefind's pages goes
 * to search-ids.json.
 */
async function publishParts(dist: string, parts: number, pages: SitePage[]) {
  const others = Array.from({ length: parts - 1 }, (_, n) => bundleDir(n + 1));
  const number = new Map(pages.map((p, n) => [p.url, n]));
  const tag = contentTag(pages.map((p) => p.url).join('\n'));
  const resultIdOf = (url: string) => {
    const n = number.get(url);
    if (n === undefined) throw new Error(`The index holds a page the site does not: ${url}`);
    return pageId(idLetter(pages[n]!.filters['type']?.[0]), tag, n);
  };
  const ids = await publicResultIds(dist, others, resultIdOf);
  await writeFile(join(dist, PUBLIC_IDS_FILE), JSON.stringify({ version: 1, tag, pages: ids } satisfies PublicIdsFile));
  return { terms: { tag, start: [], public: { bundles: others.map((b) => `${b}/`) } }, pages };
}

/** A tag of `text` (six letters and digits), as the merged index tags its files. */
function contentTag(text: string): string {
  return BigInt(`0x${createHash('sha256').update(text).digest('hex').slice(0, 15)}`)
    .toString(36)
    .padStart(6, '0')
    .slice(0, 6);
}

/**
 * Indexes the built site in `dist`: every page with a `data-pagefind-body` becomes a custom
 * record, indexed in one or more parts (`PART_PAGES`) merged into `dist/pagefind/`;
 * search-facets.json gets every page's facet values and the date order, search-terms.json the
 * index's tag and first files, search-phrases.json the phrases indexed whole (phrases.ts), and
 * search-answers/ the answers of the known terms (answers.ts). With another Pagefind than the
 * one whose private format the merge knows (pagefind/version.ts), the parts stay as Pagefind
 * wrote them, for its browser `mergeIndex`, without answers; `unmerged` says why.
 */
export async function indexSite(dist: string, options: IndexOptions = {}): Promise<IndexSummary> {
  const clock = phaseClock();
  const terms = await readTerms(dist);
  // What an earlier run wrote is replaced whole.
  for (const e of await readdir(dist, { withFileTypes: true }))
    if (e.isDirectory() && /^pagefind(-\d+)?$/.test(e.name)) await rm(join(dist, e.name), { recursive: true });
  for (const file of [PUBLIC_IDS_FILE, ANSWERS_DIR]) await rm(join(dist, file), { recursive: true, force: true });
  const { t2s } = terms;
  const dict = buildDictionary(terms);
  const pages = await readPages(dist);
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
  clock.lap('read');
  const unmerged = formatMismatch(options.pagefindVersion ?? installedPagefindVersion(), 'The installed Pagefind');
  const limit = options.partPages ?? (Number(process.env['CASEBOOK_INDEX_PART_PAGES']) || PART_PAGES);
  const count = Math.ceil(pages.length / limit);
  const size = Math.ceil(pages.length / count);
  const ctx: RecordContext = { dict, known, t2s, publicFields: unmerged !== undefined };
  const work = await mkdtemp(join(tmpdir(), 'casebook-index-'));
  let answers = 0;
  try {
    const partDirs = Array.from({ length: count }, (_, n) =>
      unmerged ? join(dist, bundleDir(n)) : join(work, String(n)),
    );
    await indexParts(pages, partDirs, size, ctx);
    clock.lap('parts');
    const index: WrittenIndex = unmerged
      ? await publishParts(dist, count, pages)
      : await mergeParts(dist, partDirs, pages);
    const indexed = await writeIndexFiles(dist, index, terms, phrases);
    clock.lap('merge');
    // The answers are read from the merged index (siteAnswers.ts): without one, the browser searches every query.
    const { tag } = index.terms;
    if (!unmerged) answers = await writeAnswers(dist, indexed, { tag, pages: pages.length, phrases });
    clock.lap('answers');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  const summary: IndexSummary = {
    pages: pages.length,
    parts: count,
    seconds: clock.seconds(),
    answers,
    phases: clock.phases,
  };
  return unmerged ? { ...summary, unmerged } : summary;
}
