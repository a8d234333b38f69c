/**
 * Loads the search on first use. The dictionary (search-terms.json) comes first: with it the
 * strategy runs, and a known term (with the phrase list, a frequent phrase) is answered from
 * its answer file (answers.ts) at once.
 * Pagefind — its code, the index's entry and metadata, its WebAssembly — is loaded by `warm()`,
 * all at once (the dictionary names the files: `index.start`), on the page's main thread so that
 * the preloaded files are the ones it uses (a worker would fetch them again); or when a search
 * first needs it. The list of phrases the index holds whole (search-phrases.json) loads with
 * Pagefind, or before it when a one-word query asks whether its answer exists. The vocabulary
 * (search-vocabulary.json) only when a query needs it.
 * One instance per page; a failed load can be retried.
 */
import { joinBase } from '../../../lib/site/urls.ts';
import { answerPath, answerUnderBase, isAnswerFor, type AnswerFile } from '../../../lib/search/index/answers.ts';
import { createSearchEngine, type SearchEngine } from '../../../lib/search/engine/engine.ts';
import type { PagefindLike } from '../../../lib/search/engine/types.ts';
import {
  PUBLIC_IDS_FILE,
  publicIds,
  publicIndex,
  type PublicIdsFile,
} from '../../../lib/search/pagefind/publicIndex.ts';
import { buildDictionary, emptyDictionary, type SearchTerms } from '../../../lib/search/query/terms.ts';
import type { VocabularyFile } from '../../../lib/search/query/vocabulary.ts';
import { vocabularyTools, type VocabularyTools } from '../../../lib/search/query/vocabularyTools.ts';
import { INDEX_LANGUAGE } from '../../../lib/search/index/indexText.ts';
import { PHRASES_FILE, type PhrasesFile } from '../../../lib/search/index/phrases.ts';
import {
  decodePageFacets,
  PAGE_FACETS_FILE,
  type PageFacets,
  type PageFacetsFile,
} from '../../../lib/search/index/pageFacets.ts';

interface PagefindModule extends PagefindLike {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  mergeIndex(path: string): Promise<void>;
}

let terms: Promise<SearchTerms | undefined> | undefined;
let engine: Promise<SearchEngine> | undefined;
let pagefind: Promise<PagefindModule> | undefined;
let vocabulary: Promise<VocabularyTools | undefined> | undefined;
let phrases: Promise<ReadonlySet<string>> | undefined;

/** URL of a file of the built site, under the configured base. */
export function siteUrl(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** Asks the browser to fetch `url` now, for a later `fetch()` (or `import()`, as a module) of this page to take. */
function preload(url: string, kind: 'fetch' | 'module'): void {
  const link = document.createElement('link');
  if (kind === 'module') link.rel = 'modulepreload';
  else Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous' });
  link.href = url;
  document.head.append(link);
}

function loadTerms(): Promise<SearchTerms | undefined> {
  terms ??= fetch(siteUrl('search-terms.json')).then(
    async (r) => (r.ok ? ((await r.json()) as SearchTerms) : undefined),
    () => undefined,
  );
  return terms;
}

/** The site has no search index (built without Pagefind): a publishing mistake, not a passing fault. */
export class IndexMissingError extends Error {}

async function importPagefind(): Promise<PagefindModule> {
  const url = siteUrl('pagefind/pagefind.js');
  const index = (await loadTerms())?.index;
  preload(url, 'module');
  for (const file of index?.start ?? []) preload(siteUrl(`pagefind/${file}`), 'fetch');
  let module: PagefindModule;
  try {
    module = (await import(/* @vite-ignore */ url)) as PagefindModule;
  } catch (error) {
    const status = await fetch(url, { method: 'HEAD' }).then(
      (r) => r.status,
      () => 0,
    );
    throw status === 404 ? new IndexMissingError(url) : error;
  }
  await module.options({ noWorker: true, excerptLength: 20, ...(index && { metaCacheTag: index.tag }) });
  // Pagefind picks the index and the query segmentation by <html lang>; the index is one of
  // bigrams (src/lib/search/index/indexText.ts) that must not be segmented as Chinese. init()
  // reads the attribute synchronously, so it is swapped for that call only.
  const html = document.documentElement;
  const lang = html.getAttribute('lang');
  html.setAttribute('lang', INDEX_LANGUAGE);
  const ready = module.init();
  if (lang === null) html.removeAttribute('lang');
  else html.setAttribute('lang', lang);
  await ready;
  // An index left in parts (pagefind/version.ts): Pagefind merges them itself (publicIndex.ts).
  for (const bundle of index?.public?.bundles ?? []) await module.mergeIndex(siteUrl(bundle));
  return module;
}

/** Starts loading Pagefind (once; again after a failure). */
function loadPagefind(): Promise<PagefindModule> {
  pagefind ??= importPagefind();
  pagefind.catch(() => {
    pagefind = undefined;
  });
  return pagefind;
}

/** The phrases this build's index holds whole (phrases.ts); none if the list cannot be loaded (their bigrams are searched). */
function loadPhrases(): Promise<ReadonlySet<string>> {
  phrases ??= Promise.all([fetch(siteUrl(PHRASES_FILE)), loadTerms()]).then(
    async ([response, loaded]) => {
      const file = response.ok ? ((await response.json()) as PhrasesFile) : undefined;
      return new Set(file?.version === 1 && file.tag === loaded?.index?.tag ? file.phrases : []);
    },
    () => new Set<string>(),
  );
  return phrases;
}

/** Starts loading what every search of the index needs, all at once: call when a search is likely. */
export function warm(): void {
  void loadPagefind().catch(() => undefined);
  void loadPhrases();
}

/** What to tell the reader when a search fails. */
export function searchErrorKey(error: unknown): 'search.unavailable' | 'search.error' {
  return error instanceof IndexMissingError ? 'search.unavailable' : 'search.error';
}

/** The facet values and date order of every page (search-facets.json), for the search page's filters, counts and date order. */
async function loadPageFacets(): Promise<PageFacets> {
  const response = await fetch(siteUrl(PAGE_FACETS_FILE));
  if (!response.ok) throw new Error(`${PAGE_FACETS_FILE}: HTTP ${response.status}`);
  return decodePageFacets((await response.json()) as PageFacetsFile);
}

const answers = new Map<string, Promise<AnswerFile | undefined>>();

/** The answer (answers.ts) of a known term or phrase of this build, or undefined (then the index is searched). */
function loadAnswer(term: string, tag: string): Promise<AnswerFile | undefined> {
  let answer = answers.get(term);
  if (!answer) {
    answer = fetch(siteUrl(answerPath(term)))
      .then(async (response) => {
        const found: unknown = response.ok ? await response.json() : undefined;
        return isAnswerFor(found, term, tag) ? answerUnderBase(found, import.meta.env.BASE_URL) : undefined;
      })
      .catch(() => undefined);
    answers.set(term, answer);
  }
  return answer;
}

let publicIdMap: Promise<ReadonlyMap<string, string>> | undefined;

/** Pagefind's page ids → the site's result ids, for an index left in parts (publicIndex.ts); loaded once. */
function loadPublicIds(tag: string | undefined): Promise<ReadonlyMap<string, string>> {
  publicIdMap ??= fetch(siteUrl(PUBLIC_IDS_FILE)).then(async (r) => {
    if (!r.ok) throw new Error(`${PUBLIC_IDS_FILE}: HTTP ${r.status}`);
    return publicIds((await r.json()) as PublicIdsFile, tag);
  });
  publicIdMap.catch(() => {
    publicIdMap = undefined;
  });
  return publicIdMap;
}

/** The search, ready as soon as the dictionary is: Pagefind is loaded when a search first needs it (or by `warm()`). */
export function getEngine(): Promise<SearchEngine> {
  engine ??= (async () => {
    const loaded = await loadTerms();
    const tag = loaded?.index?.tag;
    const search = async (term: string | null) => (await loadPagefind()).search(term);
    const index: PagefindLike = loaded?.index?.public ? publicIndex(search, () => loadPublicIds(tag)) : { search };
    return createSearchEngine(index, loaded ? buildDictionary(loaded) : emptyDictionary, {
      pageFacets: loadPageFacets,
      // Not warm(): a phrase's answer needs no Pagefind, which would share the bandwidth with it.
      phrases: loadPhrases,
      ...(tag && { answer: (term: string) => loadAnswer(term, tag) }),
    });
  })();
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}

/** The pinyin/did-you-mean vocabulary and its code, fetched on first need; undefined if it cannot be loaded (retried next time). */
export function getVocabulary(): Promise<VocabularyTools | undefined> {
  vocabulary ??= fetch(siteUrl('search-vocabulary.json'))
    .then(async (r) => (r.ok ? vocabularyTools((await r.json()) as VocabularyFile) : undefined))
    .catch(() => undefined);
  void vocabulary.then((v) => {
    if (!v) vocabulary = undefined;
  });
  return vocabulary;
}
