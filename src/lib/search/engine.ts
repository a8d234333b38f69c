/**
 * The query strategy. Pagefind (1.6, ICU segmentation) finds every page for a plain
 * Chinese query but over-matches on single characters; so it only generates candidates,
 * and each candidate's full text (Pagefind's fragment) is checked literally (match.ts):
 *
 * 1. candidates: Pagefind's exact phrase search, the plain query, the measure's name and
 *    aliases for a measure word, the pages tagged with that measure;
 * 2. if fewer than a page of results: each word character by character (finds words that
 *    start mid-word in Pagefind's segmentation, e.g. 团化 inside 集团化), each word alone;
 * 3. if still no result: every case page (bounded by `maxScan`), so a string that occurs
 *    in a case is never missed because of how Pagefind segmented it.
 *
 * Candidates are read in ranking order (cases, exact-phrase hits, score) in batches until a
 * page of results is confirmed (`target`); the rest are read when more are asked for, so a
 * big corpus costs a few batches of fragments, not every candidate. Results are the pages
 * containing every word (or an alias), ranked by match.ts; pages with only pieces of the
 * query are “related”. Filters and counts are computed on the verified results. With an
 * empty query, Pagefind's own filtering browses the cases.
 *
 * Pagefind is passed in (`PagefindLike`), so the strategy runs in unit tests without a browser.
 */
import { buildExcerpt, markTerms } from './excerpt.ts';
import { FACETS, facetCounts, matchesSelection, toPagefindFilters, type Facet, type FacetCounts, type Selection } from './facets.ts';
import { analyse, prepareDoc, rank, type Analysis, type PageDoc, type PreparedDoc, type Ranked } from './match.ts';
import { normalize, normalizeWithMap } from './normalize.ts';
import { hasHan } from '../han.ts';
import { parseQuery, type ParsedQuery } from './query.ts';
import type { Dictionary, TermMeasure } from './terms.ts';
import { DATED_TYPES, isPageType, type PageFilters, type PageMeta } from './schema.ts';
import { withHighlight, type SortOrder } from './url.ts';
import { escapeHtml } from '../highlight.ts';

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
  data(): Promise<FragmentData>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  /** Counts per filter value among the results (Pagefind's `filters`). */
  filters?: Record<string, Record<string, number>>;
}

/** The part of Pagefind's JS API the strategy uses. */
export interface PagefindLike {
  search(
    term: string | null,
    options?: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> },
  ): Promise<PagefindResponse | null>;
  /** All filter values with counts; also loads every filter index, so searches then count all filters. */
  filters?(): Promise<Record<string, Record<string, number>>>;
}

export interface EngineOptions {
  /** Results per page; fewer whole results than this triggers stage 2. @default 20 */
  pageSize?: number;
  /** Most candidate pages verified (their text loaded) per query; the likeliest first. @default 150 */
  maxCandidates?: number;
  /**
   * Verification stops once this many results are confirmed (the rest of the candidates stay
   * unread, `truncated`); the UI asks for more with `need`. Bounds the bytes on big corpora.
   * @default pageSize
   */
  target?: number;
  /** Most case pages read by the stage-3 scan (on top of `maxCandidates`). @default 400 */
  maxScan?: number;
  /** Most pages other than cases (measure, theme, region, source pages) verified per query: they rank after the cases, so only the likeliest are read. @default 12 */
  maxOtherPages?: number;
  /** Candidates read per round when verifying. @default 16 */
  batch?: number;
  /** Most other names of a measure word queried separately (the measure's name first). @default 6 */
  maxVariants?: number;
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
  total: number;
  /** Candidates were left unread because enough results were confirmed: `total` is a lower bound. */
  truncated: boolean;
  stats: { candidates: number; verified: number; stages: string[] };
}

const EMPTY_QUERY_STATS = { candidates: 0, verified: 0, stages: [] as string[] };

function dateKey(doc: { meta: PageMeta }): string {
  return doc.meta['datekey'] ?? '';
}

/** Creates the search strategy over a Pagefind instance and the shipped dictionary. */
export function createSearchEngine(pagefind: PagefindLike, dict: Dictionary, options: EngineOptions = {}) {
  const { pageSize = 20, maxCandidates = 150, maxScan = 400, maxOtherPages = 12, maxVariants = 6, batch = 16 } = options;
  const defaultTarget = options.target ?? pageSize;
  const docs = new Map<string, Promise<PreparedDoc>>();
  let filtersLoaded: Promise<unknown> | undefined;
  let caseList: Promise<PagefindResult[]> | undefined;
  /** Every case page (no text loaded): to verify cases first, and for the stage-3 scan. */
  const allCases = () => (caseList ??= run(null, { type: 'case' }));

  function load(result: PagefindResult): Promise<PreparedDoc> {
    let doc = docs.get(result.id);
    if (!doc) {
      doc = result.data().then((d): PreparedDoc => {
        const page: PageDoc = { id: result.id, url: d.url, content: d.content, meta: d.meta ?? {}, filters: d.filters ?? {}, score: 0 };
        return prepareDoc(page, dict.t2s);
      });
      docs.set(result.id, doc);
    }
    return doc;
  }

  async function run(term: string | null, filters?: Record<string, unknown>): Promise<PagefindResult[]> {
    const r = await pagefind.search(term, filters ? { filters } : {});
    return r?.results ?? [];
  }

  function toHit(r: Ranked, parsed: ParsedQuery, partial: boolean): Hit {
    const { doc, analysis } = r;
    const kind: MatchKind = partial ? 'partial' : analysis.minLevel === 3 ? 'literal' : analysis.minLevel === 2 ? 'alias' : 'tag';
    const own = new Set(parsed.words.map((w) => w.text));
    const reason =
      kind === 'alias'
        ? analysis.terms.filter((x) => !own.has(x) && x !== parsed.phrase)
        : kind === 'tag'
          ? parsed.words.flatMap((w, i) => (analysis.levels[i] === 1 ? w.measures.map((id) => dict.byId.get(id)?.name ?? id) : []))
          : kind === 'partial'
            ? analysis.terms
            : [];
    const titleNorm = normalizeWithMap(doc.title, { t2s: dict.t2s, compact: true });
    const skip = doc.title && doc.content.startsWith(doc.title) ? doc.title.length : 0;
    const excerpt = analysis.occurrences.length
      ? buildExcerpt(doc.content, doc.norm, analysis.occurrences, { skipBefore: skip }).html
      : escapeHtml(doc.meta['summary'] ?? doc.content.slice(skip, skip + 90));
    return {
      id: doc.id,
      type: doc.type,
      url: withHighlight(doc.url, analysis.terms),
      title: doc.title,
      titleHtml: markTerms(doc.title, titleNorm, analysis.terms),
      excerptHtml: excerpt,
      meta: doc.meta,
      filters: doc.filters,
      measures: doc.filters['measure'] ?? [],
      kind,
      terms: analysis.terms,
      reason,
      analysis,
    };
  }

  function plainHit(doc: PreparedDoc): Hit {
    return {
      id: doc.id,
      type: doc.type,
      url: doc.url,
      title: doc.title,
      titleHtml: escapeHtml(doc.title),
      excerptHtml: escapeHtml(doc.meta['summary'] ?? ''),
      meta: doc.meta,
      filters: doc.filters,
      measures: doc.filters['measure'] ?? [],
      kind: 'literal',
      terms: [],
      reason: [],
    };
  }

  /** Full search for a non-empty query. */
  async function query(raw: string, selection: Selection = {}, sort: SortOrder = 'relevance', need = 0): Promise<SearchOutcome> {
    const target = Math.max(defaultTarget, need);
    const parsed = parseQuery(raw, dict);
    const hints = parsed.hints.map((id) => dict.byId.get(id)).filter((m): m is TermMeasure => !!m);
    if (!parsed.words.length) {
      return { query: parsed, hints, results: [], related: [], fallback: false, pieces: [], counts: {}, browse: false, total: 0, truncated: false, stats: EMPTY_QUERY_STATS };
    }
    const candidates = new Map<string, PagefindResult>();
    const scores = new Map<string, number>();
    const analysed = new Map<string, Ranked>();
    const stages: string[] = [];

    const exact = new Set<string>();
    const cases = new Set((await allCases()).map((r) => r.id));
    const collect = async (lists: Array<Promise<PagefindResult[]>>, exactHits = false) => {
      for (const list of await Promise.all(lists)) {
        for (const r of list) {
          if (!candidates.has(r.id)) candidates.set(r.id, r);
          if (exactHits) exact.add(r.id);
          scores.set(r.id, Math.max(scores.get(r.id) ?? 0, r.score || 0));
        }
      }
    };
    /**
     * Loads and checks pending candidates in the order results are ranked and found — cases
     * first (they rank first), Pagefind's exact-phrase hits, then score — in batches, until
     * `target` results are confirmed or the budget is spent.
     */
    let unread = 0;
    const verify = async (budget = maxCandidates, until = target) => {
      const priority = (id: string) => (cases.has(id) ? 2 : 0) + (exact.has(id) ? 1 : 0);
      const others = [...analysed.keys()].filter((id) => !cases.has(id)).length;
      let otherBudget = maxOtherPages - others;
      const pending = [...candidates.values()]
        .filter((r) => !analysed.has(r.id))
        .sort((a, b) => priority(b.id) - priority(a.id) || (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) || a.id.localeCompare(b.id))
        .filter((r) => cases.has(r.id) || otherBudget-- > 0)
        .slice(0, Math.max(0, budget - analysed.size));
      let ranked = rank([...analysed.values()]);
      let at = 0;
      while (at < pending.length && ranked.whole.length < until) {
        const round = pending.slice(at, (at += batch));
        for (const doc of await Promise.all(round.map(load))) {
          const withScore = { ...doc, score: scores.get(doc.id) ?? 0 };
          analysed.set(doc.id, { doc: withScore, analysis: analyse(withScore, parsed) });
        }
        ranked = rank([...analysed.values()]);
      }
      unread = pending.length - Math.min(at, pending.length);
      return ranked;
    };

    // Stage 1: the query as typed, aliases, pages tagged with a named measure.
    stages.push('plain');
    const first: Array<Promise<PagefindResult[]>> = [run(parsed.normalized)];
    for (const w of parsed.words) {
      const names = new Set(w.measures.map((id) => normalize(dict.byId.get(id)?.name ?? '', { compact: true })));
      const variants = [...w.variants].sort((a, b) => Number(names.has(b)) - Number(names.has(a)));
      for (const v of variants.slice(0, maxVariants)) first.push(run(v));
      for (const id of w.measures) {
        first.push(run(null, { measure: id }));
      }
    }
    // Pagefind's exact phrase search: precise where its segmentation agrees, verified first.
    await Promise.all([collect(parsed.words.map((w) => run(`"${w.text}"`)), true), collect(first)]);
    let ranked = await verify();

    // Stage 2: character by character, and word by word.
    if (ranked.whole.length < pageSize) {
      stages.push('pieces');
      const second: Array<Promise<PagefindResult[]>> = [];
      for (const w of parsed.words) {
        const chars = [...w.text];
        if (hasHan(w.text) && chars.length > 1) second.push(run(chars.join(' ')));
        if (parsed.words.length > 1) second.push(run(w.text));
      }
      if (second.length) {
        await collect(second);
        ranked = await verify();
      }
    }

    // Stage 3: nothing matched whole: read the case pages themselves.
    if (ranked.whole.length === 0) {
      stages.push('scan');
      await collect([allCases().then((all) => all.slice(0, maxScan))]);
      ranked = await verify(maxCandidates + maxScan);
    }

    const fallback = ranked.whole.length === 0;
    const base = fallback ? ranked.related : ranked.whole;
    const counts = facetCounts(
      base.map((r) => r.doc),
      selection,
    );
    const keep = (r: Ranked) => matchesSelection(r.doc.filters, selection);
    let results = (fallback ? [] : ranked.whole.filter(keep)).map((r) => toHit(r, parsed, false));
    let related = ranked.related.filter(keep).map((r) => toHit(r, parsed, true));
    if (sort === 'date') {
      const byDate = (a: Hit, b: Hit) => dateKey(b).localeCompare(dateKey(a));
      results = [...results].sort(byDate);
      related = [...related].sort(byDate);
    }
    const pieces = fallback ? [...new Set(ranked.related.flatMap((r) => r.analysis.terms))].sort((a, b) => b.length - a.length) : [];
    return {
      query: parsed,
      hints,
      results,
      related,
      fallback,
      pieces,
      counts,
      browse: false,
      total: fallback ? related.length : results.length,
      truncated: unread > 0,
      stats: { candidates: candidates.size, verified: analysed.size, stages },
    };
  }

  /** Browsing with an empty query: the cases (or the selected page types), newest first, filtered by Pagefind. */
  async function browse(selection: Selection = {}, limit = pageSize): Promise<SearchOutcome> {
    const fixed: Record<string, string> = selection.type?.length ? {} : { type: 'case' };
    // Pagefind counts only the filters whose index is loaded; load them all once.
    filtersLoaded ??= pagefind.filters?.() ?? Promise.resolve({});
    await filtersLoaded;
    // Pagefind drops pages without the sort key from a sorted search: sort only dated page types.
    const types = selection.type?.length ? selection.type : ['case'];
    const dated = types.every((type) => isPageType(type) && DATED_TYPES.has(type));
    const sorted = await pagefind.search(null, { filters: toPagefindFilters(selection, undefined, fixed), ...(dated && { sort: { date: 'desc' } }) });
    const list = sorted?.results ?? [];
    const counts: FacetCounts = {};
    await Promise.all(
      FACETS.map(async (facet: Facet) => {
        const fx = facet === 'type' ? {} : fixed;
        const r = await pagefind.search(null, { filters: toPagefindFilters(selection, facet, fx) });
        const c = r?.filters?.[facet] ?? {};
        counts[facet] = Object.fromEntries(Object.entries(c).filter(([, n]) => n > 0));
      }),
    );
    const shown = await Promise.all(list.slice(0, limit).map(load));
    return {
      query: parseQuery('', dict),
      hints: [],
      results: shown.map(plainHit),
      related: [],
      fallback: false,
      pieces: [],
      counts,
      browse: true,
      total: list.length,
      truncated: false,
      stats: { candidates: list.length, verified: shown.length, stages: ['browse'] },
    };
  }

  /** Looks a measure up by id (the `measure` filter values, for chips). */
  function measureById(id: string): TermMeasure | undefined {
    return dict.byId.get(id);
  }

  return { query, browse, measureById, dictionary: dict };
}

export type SearchEngine = ReturnType<typeof createSearchEngine>;
