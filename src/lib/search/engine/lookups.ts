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
import type { EngineOptions, PagefindLike, PagefindResponse, PagefindResult } from './types.ts';

/** Every page's facet values, with each page's place in the date order. */
export type RankedFacets = PageFacets & { rank: ReadonlyMap<string, number> };

/** The index lookups of one engine, with their caches. */
export class IndexLookups {
  readonly #docs = new Map<string, Promise<PreparedDoc>>();
  /** Every Pagefind result seen, by page id: what `data()` reads a page's fragment through. */
  readonly #resultsById = new Map<string, PagefindResult>();
  readonly #lookups = new Map<string, Promise<Set<string>>>();
  readonly #scores = new Map<string, Promise<Map<string, number>>>();
  readonly #termSearches = new Map<string, Promise<PagefindResult[]>>();
  #facets: Promise<RankedFacets> | undefined;
  #everyPage: Promise<PagefindResult[]> | undefined;

  readonly pagefind: PagefindLike;
  readonly dict: Dictionary;
  readonly options: EngineOptions;

  constructor(pagefind: PagefindLike, dict: Dictionary, options: EngineOptions) {
    this.pagefind = pagefind;
    this.dict = dict;
    this.options = options;
  }

  #remember(results: PagefindResult[]): PagefindResult[] {
    for (const r of results) if (!this.#resultsById.has(r.id)) this.#resultsById.set(r.id, r);
    return results;
  }

  #ids(response: PagefindResponse | null): Set<string> {
    return new Set(this.#remember(response?.results ?? []).map((x) => x.id));
  }

  /** A page's fragment, normalised once (match.ts `prepareDoc`). */
  #load(result: PagefindResult): Promise<PreparedDoc> {
    return cached(this.#docs, result.id, () =>
      result.data().then((d): PreparedDoc => {
        const page: PageDoc = {
          id: result.id,
          url: d.url,
          content: d.content,
          meta: d.meta ?? {},
          filters: d.filters ?? {},
          score: 0,
        };
        return prepareDoc(page, this.dict.t2s);
      }),
    );
  }

  /** The pages of these ids that a lookup has seen, read (in this order). */
  loadIds(ids: string[]): Promise<PreparedDoc[]> {
    return Promise.all(
      ids
        .map((id) => this.#resultsById.get(id))
        .filter((r): r is PagefindResult => !!r)
        .map((r) => this.#load(r)),
    );
  }

  /** Reads the pages' text and checks them literally (match.ts), for the excerpts and the final order. */
  async analysed(ids: string[], parsed: ParsedQuery): Promise<Ranked[]> {
    const read = await this.loadIds(ids);
    return read.map((doc) => ({ doc, analysis: analyse(doc, parsed) }));
  }

  /**
   * The search for a known term's whole word (indexText.ts): its pages are exactly those whose
   * text contains the term, scored by how often, in one lookup.
   */
  #termSearch(term: string): Promise<PagefindResult[]> {
    return cached(this.#termSearches, term, () =>
      this.pagefind.search(termWord(term)).then((r) => this.#remember(r?.results ?? [])),
    );
  }

  /** The cases a measure's name or alias finds without containing it (mentions.ts), from the index. */
  namedLookup(term: string): Promise<Set<string>> {
    return cached(this.#lookups, `named\u0000${term}`, () =>
      this.pagefind.search(namedWord(term)).then((r) => this.#ids(r)),
    );
  }

  /** Whether the index holds `piece` as one word: a dictionary term or one of the index's phrases. */
  async indexedWhole(piece: string): Promise<boolean> {
    if (this.dict.indexedTerms.has(piece)) return true;
    return (await this.options.phrases?.().catch(() => undefined))?.has(piece) ?? false;
  }

  /** Pages containing `piece` (a normalised query word or part of one), exactly, from the index. */
  lookup(piece: string): Promise<Set<string>> {
    return cached(this.#lookups, piece, async () => {
      const q = indexQuery(piece);
      if (await this.indexedWhole(piece)) return new Set((await this.#termSearch(piece)).map((x) => x.id));
      return q.kind === 'none' ? new Set<string>() : this.#ids(await this.pagefind.search(q.term));
    });
  }

  /** Pagefind's relevance (BM25 over the bigrams, or the term's whole word) of the pages for a word: orders results before their text is read. */
  relevance(piece: string): Promise<Map<string, number>> {
    return cached(this.#scores, piece, async () => {
      const q = indexQuery(piece);
      const term = q.kind === 'phrase' ? q.term.slice(1, -1) : q.kind === 'unit' ? q.term : '';
      const scored = (list: PagefindResult[]) => new Map(list.map((x) => [x.id, x.score || 0]));
      if (await this.indexedWhole(piece)) return scored(await this.#termSearch(piece));
      return term ? scored((await this.pagefind.search(term))?.results ?? []) : new Map<string, number>();
    });
  }

  /** Facet values and date order of every page (loaded once): results are counted, filtered and sorted without reading their text. */
  pageFacets(): Promise<RankedFacets> {
    return (this.#facets ??= this.options
      .pageFacets()
      .then((f) => ({ ...f, rank: new Map(f.byDate.map((id, i) => [id, i])) })));
  }

  /** Every page of the index (no file loaded): what a browsed page's text is read through. */
  allPages(): Promise<PagefindResult[]> {
    return (this.#everyPage ??= this.pagefind.search(null).then((r) => this.#remember(r?.results ?? [])));
  }
}

function cached<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  let found = cache.get(key);
  if (!found) {
    found = make();
    cache.set(key, found);
  }
  return found;
}
