/**
 * The engine's contract: the part of Pagefind's JS API it uses (passed in, so unit tests run
 * without a browser), its options, and what a search returns.
 */
import type { FacetCounts } from './facets.ts';
import type { Analysis } from './match.ts';
import type { PageFilters, PageMeta } from '../index/schema.ts';
import type { ParsedQuery } from '../query/query.ts';
import type { TermMeasure } from '../query/terms.ts';
import type { AnswerFile } from '../index/answers.ts';
import type { PageFacets } from '../index/pageFacets.ts';

/** What Pagefind's fragment data gives us (a subset of `result.data()`). */
export interface FragmentData {
  url: string;
  content: string;
  meta: PageMeta;
  filters: PageFilters;
}

export interface PagefindResult {
  id: string;
  score: number;
  /** Fragment of the page; its `content` is the page's text as indexed (siteIndex.ts). */
  data(): Promise<FragmentData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
}

/** The part of Pagefind's JS API the strategy uses. */
export interface PagefindLike {
  /** The pages a term finds; `null` lists every page. */
  search(term: string | null): Promise<PagefindResponse | null>;
}

export interface EngineOptions {
  /** Every page's facet values and the date order (pageFacets.ts): loaded to filter, count, sort by date or browse. */
  pageFacets: () => Promise<PageFacets>;
  /** Results per page; fewer whole results than this also looks up related pages (pieces of the query). @default 20 */
  pageSize?: number;
  /** Results read (their text loaded, for excerpts) per query unless the caller says how many (`need`). @default pageSize */
  target?: number;
  /**
   * The answer of a known term (answers.ts), if the site has one: a query of that one word, with
   * no filter, in the order of relevance, is answered from it without the index.
   */
  answer?: (term: string) => Promise<AnswerFile | undefined>;
  /** The phrases the index holds whole besides the dictionary's terms (phrases.ts): each one lookup. */
  phrases?: () => Promise<ReadonlySet<string>>;
}

/** Per-query choices of the caller. */
export interface QueryOptions {
  /** Compute the filter counts (loads search-facets.json once). The dialog shows none. @default true */
  counts?: boolean;
  /**
   * Look up related pages (pieces of the query) beside fewer whole results than a page; false:
   * only when nothing matches whole (the dialog lists them then, and only then). @default true
   */
  related?: boolean;
}

/** How a result matched: the words themselves, an alias, the measure tag, or only pieces. */
export type MatchKind = 'literal' | 'alias' | 'tag' | 'partial';

export interface Hit {
  id: string;
  type: string;
  /** Link to the page, with the terms to highlight there. */
  url: string;
  title: string;
  titleHtml: string;
  excerptHtml: string;
  meta: PageMeta;
  filters: PageFilters;
  /** Measure ids of the page (case pages), for chips. */
  measures: string[];
  kind: MatchKind;
  /** The literal strings found on the page (to highlight there). */
  terms: string[];
  /** Why a non-literal result is listed: the aliases (`alias`), measure names (`tag`) or pieces (`partial`) found. */
  reason: string[];
  analysis?: Analysis | undefined;
}

export interface SearchOutcome {
  query: ParsedQuery;
  /** Measures the query names, for a hint above the results. */
  hints: TermMeasure[];
  /** Results after filters (all of them: the UI pages through them). */
  results: Hit[];
  /** Pages containing only pieces of the query (after filters). */
  related: Hit[];
  /** No page matched whole: `results` is empty and `related` is what there is. */
  fallback: boolean;
  /** Pieces found when falling back (县管校聘改革 → 县管校聘). */
  pieces: string[];
  /** Result count per filter value. */
  counts: FacetCounts;
  /** Browsing (empty query): `results` holds only the first `limit`, `total` all. */
  browse: boolean;
  /** Exact number of results (after filters): of `results`, or of `related` when falling back. */
  total: number;
  /** How many of them are case pages. */
  caseTotal: number;
  /** Not every result is in `results` yet (its text is read when more are asked for). */
  truncated: boolean;
  stats: { candidates: number; verified: number; stages: string[] };
}
