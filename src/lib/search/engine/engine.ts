/**
 * The query strategy over an index of character bigrams (indexText.ts: any string of two or
 * more letters, digits or Han characters is a Pagefind exact phrase; one character is a
 * prefix search; a known term — a measure's name or alias, a place name — is one whole word),
 * so the index answers exactly which pages contain a word:
 *
 * 1. each query word, each other name of a measure word (cases only) and the pages tagged
 *    with the measure (cases only) are looked up; a page is a result when every word is
 *    satisfied (levels: literal 3, alias 2, tag 1). The count comes from the index, the filter
 *    counts and the order by date from every page's facet values (search-facets.json, loaded
 *    once, pageFacets.ts);
 * 2. results are ordered before anything is read: cases first, the words found joined, the
 *    weakest level, Pagefind's relevance of the bigrams (or the date);
 * 3. only the results on screen (`target`, more with `need`) are read — their fragments —
 *    and checked literally (match.ts) for the excerpt, the highlight and the final order;
 * 4. with fewer results than a page, related pages are found from the index too: the pieces
 *    of each word (every substring of two units or more) are looked up and the pages whose
 *    pieces cover more than half of the query are “related” (match.ts `literalPieces`).
 *
 * With an empty query, the facet values browse the cases. Pagefind is passed in
 * (`PagefindLike`, types.ts), so the strategy runs in unit tests without a browser.
 *
 * The steps live by concern: lookups.ts asks the index (and caches every answer),
 * candidates.ts finds and orders the whole results (1, 2), related.ts the related pages (4),
 * match.ts checks the pages read (3), hits.ts makes them results. This module composes them.
 */
import { ANSWER_RESULTS, fromAnswer } from '../index/answers.ts';
import { DATED_TYPES, isCaseId, isPageType } from '../index/schema.ts';
import { parseQuery, type ParsedQuery } from '../query/query.ts';
import type { Dictionary, TermMeasure } from '../query/terms.ts';
import type { SortOrder } from '../query/url.ts';
import { askIndex, dateOrder, wholeCandidates, type IndexAnswers, type WholeCandidate } from './candidates.ts';
import { facetCounts, isEmptySelection, matchesSelection, type Selection } from './facets.ts';
import { plainHit, toHit } from './hits.ts';
import { IndexLookups } from './lookups.ts';
import { rank, type Ranked } from './match.ts';
import { MAX_RELATED, relatedCandidates, type RelatedCandidate } from './related.ts';
import type { EngineOptions, PagefindLike, QueryOptions, SearchOutcome } from './types.ts';

const EMPTY_QUERY_STATS = { candidates: 0, verified: 0, stages: [] as string[] };

/** The outcome of a query without a word (only quotes or punctuation). */
function emptyOutcome(query: ParsedQuery, hints: TermMeasure[]): SearchOutcome {
  return {
    query,
    hints,
    results: [],
    related: [],
    fallback: false,
    pieces: [],
    counts: {},
    browse: false,
    total: 0,
    caseTotal: 0,
    truncated: false,
    stats: EMPTY_QUERY_STATS,
  };
}

/** What the index found for a query, filtered by the selection, before any page is read. */
interface Found {
  parsed: ParsedQuery;
  answers: IndexAnswers;
  /** Every page any word finds. */
  pool: Set<string>;
  /** Pages matching whole, unfiltered: the filter counts are of these. */
  whole: WholeCandidate[];
  /** Pages matching whole, within the selection. */
  matching: WholeCandidate[];
  /** Related pages, within the selection. */
  related: RelatedCandidate[];
  stages: string[];
}

/** The shown results of a query, read and checked (match.ts), as the results list shows them. */
async function readShown(lookups: IndexLookups, dict: Dictionary, found: Found, target: number) {
  const { parsed, matching, related, answers } = found;
  const fallback = found.whole.length === 0;
  // Read and check only what is shown: the first `target` results and related pages.
  const results = fallback
    ? []
    : await lookups.analysed(
        matching.slice(0, target).map((x) => x.id),
        parsed,
      );
  const relatedShown = await lookups.analysed(
    related.slice(0, fallback ? target : MAX_RELATED).map((x) => x.id),
    parsed,
  );
  const ranked = rank([...results, ...relatedShown]);
  const ranks = answers.ranks;
  const order = (list: Ranked[]) => (ranks ? [...list].sort((a, b) => dateOrder(ranks)(a.doc.id, b.doc.id)) : list);
  return {
    hits: order(ranked.whole).map((r) => toHit(r, parsed, false, dict)),
    related: order(ranked.related).map((r) => toHit(r, parsed, true, dict)),
    verified: results.length + relatedShown.length,
  };
}

/** The outcome: the shown results with the exact totals and filter counts of every result. */
function outcomeOf(
  found: Found,
  hints: TermMeasure[],
  shown: Awaited<ReturnType<typeof readShown>>,
  selection: Selection,
  withCounts: boolean,
): SearchOutcome {
  const { answers, whole, matching, related: relatedIds } = found;
  const fallback = whole.length === 0;
  const base = fallback ? relatedIds.map((x) => x.id) : whole.map((x) => x.id);
  const facets = answers.facets;
  const counts =
    withCounts && facets
      ? facetCounts(
          base.map((id) => ({ filters: facets.filters.get(id) ?? {} })),
          selection,
        )
      : {};
  const total = fallback ? relatedIds.length : matching.length;
  const { hits, related } = shown;
  return {
    query: found.parsed,
    hints,
    results: hits,
    related,
    fallback,
    pieces: fallback ? [...new Set(related.flatMap((h) => h.terms))].sort((a, b) => b.length - a.length) : [],
    counts,
    browse: false,
    total,
    caseTotal: (fallback ? relatedIds : matching).filter((x) => isCaseId(x.id)).length,
    truncated: (fallback ? related.length : hits.length) < total,
    stats: { candidates: found.pool.size, verified: shown.verified, stages: found.stages },
  };
}

/** One engine's lookups and settings: what each step of a search reads. */
interface Engine {
  lookups: IndexLookups;
  dict: Dictionary;
  options: EngineOptions;
  pageSize: number;
  defaultTarget: number;
}

/** A query of one word the index holds whole (a known term or phrase), in the order of relevance, without filter: its answer file (answers.ts), if any. */
async function knownAnswer(
  engine: Engine,
  parsed: ParsedQuery,
  hints: TermMeasure[],
  { selection, sort, target }: { selection: Selection; sort: SortOrder; target: number },
): Promise<SearchOutcome | undefined> {
  const word = parsed.words.length === 1 ? parsed.words[0]! : undefined;
  const { answer } = engine.options;
  if (!answer || !word || word.quoted) return undefined;
  if (target > ANSWER_RESULTS || sort !== 'relevance' || !isEmptySelection(selection)) return undefined;
  if (!(await engine.lookups.indexedWhole(word.text))) return undefined;
  const file = await answer(word.text).catch(() => undefined);
  return file ? fromAnswer(file, parsed, hints) : undefined;
}

/** Steps 1, 2 and 4: the results and related pages from the index, within the selection. */
async function find(
  { lookups, pageSize }: Engine,
  parsed: ParsedQuery,
  selection: Selection,
  sort: SortOrder,
  opts: QueryOptions,
): Promise<Found> {
  const stages = ['index'];
  const filtering = !isEmptySelection(selection);
  const answers = await askIndex(lookups, parsed, sort, (opts.counts ?? true) || filtering);
  const { pool, whole } = wholeCandidates(parsed, answers);
  const keep = (id: string) => !filtering || matchesSelection(answers.facets?.filters.get(id) ?? {}, selection);
  // Related pages: only pieces of the query, looked up while there are few whole results.
  let related: RelatedCandidate[] = [];
  if (whole.length < pageSize && (opts.related !== false || whole.length === 0)) {
    stages.push('pieces');
    related = await relatedCandidates(lookups, parsed, answers, whole);
  }
  const matching = whole.filter((x) => keep(x.id));
  return { parsed, answers, pool, whole, matching, related: related.filter((x) => keep(x.id)), stages };
}

/** Full search for a non-empty query. */
async function search(
  engine: Engine,
  raw: string,
  { selection, sort, need, opts }: { selection: Selection; sort: SortOrder; need: number; opts: QueryOptions },
): Promise<SearchOutcome> {
  const { dict } = engine;
  const target = need > 0 ? need : engine.defaultTarget;
  const parsed = parseQuery(raw, dict);
  const hints = parsed.hints.map((id) => dict.byId.get(id)).filter((m): m is TermMeasure => !!m);
  const answered = await knownAnswer(engine, parsed, hints, { selection, sort, target });
  if (answered) return answered;
  if (!parsed.words.length) return emptyOutcome(parsed, hints);
  // Everything up to here is answered by the index; only the pages shown are read.
  const found = await find(engine, parsed, selection, sort, opts);
  const shown = await readShown(engine.lookups, dict, found, target);
  return outcomeOf(found, hints, shown, selection, opts.counts ?? true);
}

/** Browsing with an empty query: the cases (or the selected page types), newest first, from the facet values of every page. */
async function browse({ lookups, dict }: Engine, selection: Selection, limit: number): Promise<SearchOutcome> {
  const [facets] = await Promise.all([lookups.pageFacets(), lookups.allPages()]);
  const within: Selection = selection.type?.length ? selection : { ...selection, type: ['case'] };
  // Dated types are listed newest first, as a date sort lists them: pages without a date left out.
  const dated = within.type!.every((type) => isPageType(type) && DATED_TYPES.has(type));
  const list = [...facets.filters]
    .filter(([id, filters]) => matchesSelection(filters, within) && (!dated || facets.rank.has(id)))
    .map(([id]) => id);
  // The `type` counts under the other facets only; the others among the listed types.
  const counts = facetCounts(
    [...facets.filters.values()].map((filters) => ({ filters })),
    within,
  );
  const shown = await lookups.loadIds(list.slice(0, limit));
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
    caseTotal: within.type!.includes('case') ? list.length : 0,
    truncated: shown.length < list.length,
    stats: { candidates: list.length, verified: shown.length, stages: ['browse'] },
  };
}

/** Creates the search strategy over a Pagefind instance and the shipped dictionary. */
export function createSearchEngine(pagefind: PagefindLike, dict: Dictionary, options: EngineOptions) {
  const { pageSize = 20 } = options;
  const engine: Engine = {
    lookups: new IndexLookups(pagefind, dict, options),
    dict,
    options,
    pageSize,
    defaultTarget: options.target ?? pageSize,
  };
  /** Outcomes by query, selection, order and size: the same search again costs nothing (the index is static). */
  const outcomes = new Map<string, Promise<SearchOutcome>>();

  /** Full search for a non-empty query. */
  function query(
    raw: string,
    selection: Selection = {},
    sort: SortOrder = 'relevance',
    need = 0,
    opts: QueryOptions = {},
  ): Promise<SearchOutcome> {
    const key = JSON.stringify([raw.trim(), selection, sort, need, opts.counts ?? true, opts.related ?? true]);
    let outcome = outcomes.get(key);
    if (!outcome) {
      outcome = search(engine, raw, { selection, sort, need, opts });
      outcomes.set(key, outcome);
      outcome.catch(() => outcomes.delete(key));
    }
    return outcome;
  }

  return {
    query,
    browse: (selection: Selection = {}, limit = pageSize) => browse(engine, selection, limit),
    /** Looks a measure up by id (the `measure` filter values, for chips). */
    measureById: (id: string): TermMeasure | undefined => dict.byId.get(id),
    dictionary: dict,
  };
}

export type SearchEngine = ReturnType<typeof createSearchEngine>;
