/**
 * What the engine asks the index, each answer cached for the engine's life (the index is
 * static): the pages containing a word, the cases a measure's other names find, Pagefind's
 * relevance, every page's facet values, and the pages' text — read only for the results shown.
 */
import { indexQuery, namedWord, termWord } from '../index/indexText.ts';
import type { PageFacets } from '../index/pageFacets.ts';
import type { Dictionary } from '../query/terms.ts';
import type { ParsedQuery } from '../query/query.ts';
import { analyse, prepareDoc, type PageDoc, type PreparedDoc, type Ranked } from './match.ts';
import type { EngineOptions, PagefindLike, PagefindResult } from './types.ts';

/** Every page's facet values, with each page's place in the date order. */
export type RankedFacets = PageFacets & { rank: ReadonlyMap<string, number> };

/** The index lookups of one engine, with their caches. */
export function createLookups(pagefind: PagefindLike, dict: Dictionary, options: EngineOptions) {
  const docs = new Map<string, Promise<PreparedDoc>>();
  /** Every Pagefind result seen, by page id: what `data()` reads a page's fragment through. */
  const resultsById = new Map<string, PagefindResult>();
  const lookups = new Map<string, Promise<Set<string>>>();
  const scoreCache = new Map<string, Promise<Map<string, number>>>();
  const termSearches = new Map<string, Promise<PagefindResult[]>>();
  let facetsLoaded: Promise<RankedFacets> | undefined;
  let everyPage: Promise<PagefindResult[]> | undefined;

  const cached = <T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> => {
    let found = cache.get(key);
    if (!found) {
      found = make();
      cache.set(key, found);
    }
    return found;
  };

  function remember(results: PagefindResult[]): PagefindResult[] {
    for (const r of results) if (!resultsById.has(r.id)) resultsById.set(r.id, r);
    return results;
  }

  const idsOf = (results: PagefindResult[]) => new Set(results.map((x) => x.id));

  /** A page's fragment, normalised once (match.ts `prepareDoc`). */
  function load(result: PagefindResult): Promise<PreparedDoc> {
    return cached(docs, result.id, () =>
      result.data().then((d): PreparedDoc => {
        const page: PageDoc = {
          id: result.id,
          url: d.url,
          content: d.content,
          meta: d.meta ?? {},
          filters: d.filters ?? {},
          score: 0,
        };
        return prepareDoc(page, dict.t2s);
      }),
    );
  }

  /** The pages of these ids whose fragments a lookup has seen, read. */
  function loadIds(ids: string[]): Promise<PreparedDoc[]> {
    return Promise.all(
      ids
        .map((id) => resultsById.get(id))
        .filter((r): r is PagefindResult => !!r)
        .map(load),
    );
  }

  /**
   * The search for a known term's whole word (indexText.ts): its pages are exactly those whose
   * text contains the term, scored by how often, in one lookup.
   */
  function termSearch(term: string): Promise<PagefindResult[]> {
    return cached(termSearches, term, () => pagefind.search(termWord(term)).then((r) => remember(r?.results ?? [])));
  }

  /** The cases a measure's name or alias finds without containing it (mentions.ts), from the index. */
  function namedLookup(term: string): Promise<Set<string>> {
    return cached(lookups, `named\u0000${term}`, () =>
      pagefind.search(namedWord(term)).then((r) => idsOf(remember(r?.results ?? []))),
    );
  }

  /** Whether the index holds `piece` as one word: a dictionary term or one of the index's phrases. */
  async function indexedWhole(piece: string): Promise<boolean> {
    return dict.indexedTerms.has(piece) || ((await options.phrases?.().catch(() => undefined))?.has(piece) ?? false);
  }

  /** Pages containing `piece` (a normalised query word or part of one), exactly, from the index. */
  function lookup(piece: string): Promise<Set<string>> {
    return cached(lookups, piece, () => {
      const q = indexQuery(piece);
      return indexedWhole(piece).then((whole) =>
        whole
          ? termSearch(piece).then(idsOf)
          : q.kind === 'none'
            ? new Set<string>()
            : pagefind.search(q.term).then((r) => idsOf(remember(r?.results ?? []))),
      );
    });
  }

  /** Pagefind's relevance (BM25 over the bigrams, or the term's whole word) of the pages for a word: orders results before their text is read. */
  function relevance(piece: string): Promise<Map<string, number>> {
    return cached(scoreCache, piece, () => {
      const q = indexQuery(piece);
      const term = q.kind === 'phrase' ? q.term.slice(1, -1) : q.kind === 'unit' ? q.term : '';
      const scored = (list: PagefindResult[]) => new Map(list.map((x) => [x.id, x.score || 0]));
      return indexedWhole(piece).then((whole) =>
        whole
          ? termSearch(piece).then(scored)
          : term
            ? pagefind.search(term).then((r) => scored(r?.results ?? []))
            : new Map<string, number>(),
      );
    });
  }

  /** Facet values and date order of every page (loaded once): results are counted, filtered and sorted without reading their text. */
  const pageFacets = () =>
    (facetsLoaded ??= options.pageFacets().then((f) => ({ ...f, rank: new Map(f.byDate.map((id, i) => [id, i])) })));

  /** Every page of the index (no file loaded): what a browsed page's text is read through. */
  const allPages = () => (everyPage ??= pagefind.search(null).then((r) => remember(r?.results ?? [])));

  /** Reads the pages' text and checks them literally (match.ts), for the excerpts and the final order. */
  async function analysed(ids: string[], parsed: ParsedQuery): Promise<Ranked[]> {
    const read = await loadIds(ids);
    return read.map((doc) => ({ doc, analysis: analyse(doc, parsed) }));
  }

  return { lookup, namedLookup, relevance, pageFacets, allPages, loadIds, analysed };
}

export type Lookups = ReturnType<typeof createLookups>;
