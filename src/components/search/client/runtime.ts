/**
 * Loads the search on first use: Pagefind's JS/WASM (from the built site, under the
 * configured base) and the dictionary (search-terms.json), then builds the strategy; the
 * vocabulary (search-vocabulary.json) only when a query needs it.
 * One instance per page; a failed load can be retried.
 */
import { joinBase } from '../../../lib/urls.ts';
import { createSearchEngine, type PagefindLike, type SearchEngine } from '../../../lib/search/engine.ts';
import { buildDictionary, emptyDictionary, type SearchTerms } from '../../../lib/search/terms.ts';
import type { VocabularyFile } from '../../../lib/search/vocabulary.ts';
import { vocabularyTools, type VocabularyTools } from '../../../lib/search/vocabularyTools.ts';
import { INDEX_LANGUAGE } from '../../../lib/search/indexText.ts';
import {
  decodePageFacets,
  PAGE_FACETS_FILE,
  type PageFacets,
  type PageFacetsFile,
} from '../../../lib/search/pageFacets.ts';

interface PagefindModule extends PagefindLike {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
}

let engine: Promise<SearchEngine> | undefined;
let vocabulary: Promise<VocabularyTools | undefined> | undefined;

/** URL of a file of the built site, under the configured base. */
export function siteUrl(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

async function loadTerms(): Promise<SearchTerms | undefined> {
  try {
    const r = await fetch(siteUrl('search-terms.json'));
    return r.ok ? ((await r.json()) as SearchTerms) : undefined;
  } catch {
    return undefined;
  }
}

/** The site has no search index (built without Pagefind): a publishing mistake, not a passing fault. */
export class IndexMissingError extends Error {}

async function loadPagefind(): Promise<PagefindModule> {
  const url = siteUrl('pagefind/pagefind.js');
  try {
    return (await import(/* @vite-ignore */ url)) as PagefindModule;
  } catch (error) {
    const status = await fetch(url, { method: 'HEAD' }).then(
      (r) => r.status,
      () => 0,
    );
    throw status === 404 ? new IndexMissingError(url) : error;
  }
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

export function getEngine(): Promise<SearchEngine> {
  engine ??= (async () => {
    const [pagefind, terms] = await Promise.all([loadPagefind(), loadTerms()]);
    await pagefind.options({ excerptLength: 20 });
    // Pagefind picks the index and the query segmentation by <html lang>; the index is one of
    // bigrams (src/lib/search/indexText.ts) that must not be segmented as Chinese. init()
    // reads the attribute synchronously, so it is swapped for that call only.
    const html = document.documentElement;
    const lang = html.getAttribute('lang');
    html.setAttribute('lang', INDEX_LANGUAGE);
    const ready = pagefind.init();
    if (lang === null) html.removeAttribute('lang');
    else html.setAttribute('lang', lang);
    await ready;
    return createSearchEngine(pagefind, terms ? buildDictionary(terms) : emptyDictionary, {
      pageFacets: loadPageFacets,
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
