/**
 * Loads the search on first use: Pagefind's JS/WASM (from the built site, under the
 * configured base) and the dictionary (search-terms.json), then builds the strategy.
 * One instance per page; a failed load can be retried.
 */
import { joinBase } from '../../../lib/urls.ts';
import { createSearchEngine, type PagefindLike, type SearchEngine } from '../../../lib/search/engine.ts';
import { buildDictionary, emptyDictionary, type SearchTerms } from '../../../lib/search/terms.ts';

interface PagefindModule extends PagefindLike {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
}

let engine: Promise<SearchEngine> | undefined;

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

export function getEngine(): Promise<SearchEngine> {
  engine ??= (async () => {
    const [pagefind, terms] = await Promise.all([
      import(/* @vite-ignore */ siteUrl('pagefind/pagefind.js')) as Promise<PagefindModule>,
      loadTerms(),
    ]);
    await pagefind.options({ excerptLength: 20 });
    await pagefind.init();
    return createSearchEngine(pagefind, terms ? buildDictionary(terms) : emptyDictionary);
  })();
  engine.catch(() => {
    engine = undefined;
  });
  return engine;
}
