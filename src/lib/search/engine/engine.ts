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
 * (`PagefindLike`), so the strategy runs in unit tests without a browser.
 */
import { ANSWER_RESULTS, fromAnswer, type AnswerFile } from '../index/answers.ts';
import { MAX_META_CHARS, MAX_TITLE_CHARS, truncateText } from '../query/bounds.ts';
import { buildExcerpt, markTerms } from './excerpt.ts';
import { facetCounts, isEmptySelection, matchesSelection, type FacetCounts, type Selection } from './facets.ts';
import {
  analyse,
  literalPieces,
  MIN_RELATED_COVERAGE,
  prepareDoc,
  rank,
  units,
  type Analysis,
  type Level,
  type PageDoc,
  type PreparedDoc,
  type Ranked,
} from './match.ts';
import { indexQuery, namedWord, termWord } from '../index/indexText.ts';
import { normalizeWithMap } from '../query/normalize.ts';
import type { PageFacets } from '../index/pageFacets.ts';
import { parseQuery, type ParsedQuery } from '../query/query.ts';
import type { Dictionary, TermMeasure } from '../query/terms.ts';
import { DATED_TYPES, isCaseId, isPageType, type PageFilters, type PageMeta } from '../index/schema.ts';
import { withHighlight, type SortOrder } from '../query/url.ts';
import { escapeHtml } from '../../text/highlight.ts';

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

/** Related pages read and shown beside the results. */
const MAX_RELATED = 10;
/** Longest query word whose pieces are looked up for related pages (its pieces: n·(n−1)/2 lookups). */
const MAX_PIECE_UNITS = 12;

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

const EMPTY_QUERY_STATS = { candidates: 0, verified: 0, stages: [] as string[] };

/** Longest summary shown in place of an excerpt. */
const SUMMARY_CHARS = 200;

/** A page's meta as a result shows it: each value bounded (bounds.ts). */
function shownMeta(meta: PageMeta): PageMeta {
  const out: PageMeta = {};
  for (const [key, value] of Object.entries(meta) as Array<[keyof PageMeta, string | undefined]>)
    if (value !== undefined)
      out[key] = truncateText(
        value,
        key === 'title' ? MAX_TITLE_CHARS : key === 'summary' ? SUMMARY_CHARS : MAX_META_CHARS,
      );
  return out;
}

/** Creates the search strategy over a Pagefind instance and the shipped dictionary. */
export function createSearchEngine(pagefind: PagefindLike, dict: Dictionary, options: EngineOptions) {
  const { pageSize = 20 } = options;
  const defaultTarget = options.target ?? pageSize;
  const docs = new Map<string, Promise<PreparedDoc>>();
  /** Every Pagefind result seen, by page id: what `data()` reads a page's fragment through. */
  const resultsById = new Map<string, PagefindResult>();
  const lookups = new Map<string, Promise<Set<string>>>();
  const scoreCache = new Map<string, Promise<Map<string, number>>>();
  const termSearches = new Map<string, Promise<PagefindResult[]>>();
  /** Outcomes by query, selection, order and size: the same search again costs nothing (the index is static). */
  const outcomes = new Map<string, Promise<SearchOutcome>>();
  let facetsLoaded: Promise<PageFacets & { rank: ReadonlyMap<string, number> }> | undefined;
  let everyPage: Promise<PagefindResult[]> | undefined;

  function load(result: PagefindResult): Promise<PreparedDoc> {
    let doc = docs.get(result.id);
    if (!doc) {
      doc = result.data().then((d): PreparedDoc => {
        const page: PageDoc = {
          id: result.id,
          url: d.url,
          content: d.content,
          meta: d.meta ?? {},
          filters: d.filters ?? {},
          score: 0,
        };
        return prepareDoc(page, dict.t2s);
      });
      docs.set(result.id, doc);
    }
    return doc;
  }

  function remember(results: PagefindResult[]): PagefindResult[] {
    for (const r of results) if (!resultsById.has(r.id)) resultsById.set(r.id, r);
    return results;
  }

  function toHit(r: Ranked, parsed: ParsedQuery, partial: boolean): Hit {
    const { doc, analysis } = r;
    const kind: MatchKind = partial
      ? 'partial'
      : analysis.minLevel === 3
        ? 'literal'
        : analysis.minLevel === 2
          ? 'alias'
          : 'tag';
    const own = new Set(parsed.words.map((w) => w.text));
    const reason =
      kind === 'alias'
        ? analysis.terms.filter((x) => !own.has(x) && x !== parsed.phrase)
        : kind === 'tag'
          ? parsed.words.flatMap((w, i) =>
              analysis.levels[i] === 1 ? w.measures.map((id) => dict.byId.get(id)?.name ?? id) : [],
            )
          : kind === 'partial'
            ? analysis.terms
            : [];
    const title = truncateText(doc.title, MAX_TITLE_CHARS);
    const titleNorm = normalizeWithMap(title, { t2s: dict.t2s, compact: true });
    const skip = doc.title && doc.content.startsWith(doc.title) ? doc.title.length : 0;
    const excerpt = analysis.occurrences.length
      ? buildExcerpt(doc.content, doc.norm, analysis.occurrences, { skipBefore: skip }).html
      : escapeHtml(truncateText(doc.meta['summary'] ?? doc.content.slice(skip, skip + 90), SUMMARY_CHARS));
    return {
      id: doc.id,
      type: doc.type,
      url: withHighlight(doc.url, analysis.terms),
      title,
      titleHtml: markTerms(title, titleNorm, analysis.terms),
      excerptHtml: excerpt,
      meta: shownMeta(doc.meta),
      filters: doc.filters,
      measures: doc.filters['measure'] ?? [],
      kind,
      terms: analysis.terms,
      reason,
      analysis,
    };
  }

  function plainHit(doc: PreparedDoc): Hit {
    const title = truncateText(doc.title, MAX_TITLE_CHARS);
    return {
      id: doc.id,
      type: doc.type,
      url: doc.url,
      title,
      titleHtml: escapeHtml(title),
      excerptHtml: escapeHtml(truncateText(doc.meta['summary'] ?? '', SUMMARY_CHARS)),
      meta: shownMeta(doc.meta),
      filters: doc.filters,
      measures: doc.filters['measure'] ?? [],
      kind: 'literal',
      terms: [],
      reason: [],
    };
  }

  /**
   * The search for a known term's whole word (indexText.ts): its pages are exactly those whose
   * text contains the term, scored by how often, in one lookup.
   */
  function termSearch(term: string): Promise<PagefindResult[]> {
    let found = termSearches.get(term);
    if (!found) {
      found = pagefind.search(termWord(term)).then((r) => remember(r?.results ?? []));
      termSearches.set(term, found);
    }
    return found;
  }

  /** The cases a measure's name or alias finds without containing it (mentions.ts), from the index. */
  function namedLookup(term: string): Promise<Set<string>> {
    const key = `named\u0000${term}`;
    let found = lookups.get(key);
    if (!found) {
      found = pagefind.search(namedWord(term)).then((r) => new Set(remember(r?.results ?? []).map((x) => x.id)));
      lookups.set(key, found);
    }
    return found;
  }

  /** Whether the index holds `piece` as one word: a dictionary term or one of the index's phrases. */
  async function indexedWhole(piece: string): Promise<boolean> {
    return dict.indexedTerms.has(piece) || ((await options.phrases?.().catch(() => undefined))?.has(piece) ?? false);
  }

  /** Pages containing `piece` (a normalised query word or part of one), exactly, from the index. */
  function lookup(piece: string): Promise<Set<string>> {
    let found = lookups.get(piece);
    if (!found) {
      const q = indexQuery(piece);
      found = indexedWhole(piece).then((whole) =>
        whole
          ? termSearch(piece).then((list) => new Set(list.map((x) => x.id)))
          : q.kind === 'none'
            ? new Set<string>()
            : pagefind.search(q.term).then((r) => new Set(remember(r?.results ?? []).map((x) => x.id))),
      );
      lookups.set(piece, found);
    }
    return found;
  }

  /** Pagefind's relevance (BM25 over the bigrams, or the term's whole word) of the pages for a word: orders results before their text is read. */
  function relevance(piece: string): Promise<Map<string, number>> {
    let found = scoreCache.get(piece);
    if (!found) {
      const q = indexQuery(piece);
      const term = q.kind === 'phrase' ? q.term.slice(1, -1) : q.kind === 'unit' ? q.term : '';
      const scored = (list: PagefindResult[]) => new Map(list.map((x) => [x.id, x.score || 0]));
      found = indexedWhole(piece).then((whole) =>
        whole
          ? termSearch(piece).then(scored)
          : term
            ? pagefind.search(term).then((r) => scored(r?.results ?? []))
            : new Map<string, number>(),
      );
      scoreCache.set(piece, found);
    }
    return found;
  }

  /** Facet values and date order of every page (loaded once): results are counted, filtered and sorted without reading their text. */
  const pageFacets = () =>
    (facetsLoaded ??= options.pageFacets().then((f) => ({ ...f, rank: new Map(f.byDate.map((id, i) => [id, i])) })));

  /** Every page of the index (no file loaded): what a browsed page's text is read through. */
  const allPages = () => (everyPage ??= pagefind.search(null).then((r) => remember(r?.results ?? [])));

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
      outcome = search(raw, selection, sort, need, opts);
      outcomes.set(key, outcome);
      outcome.catch(() => outcomes.delete(key));
    }
    return outcome;
  }

  async function search(
    raw: string,
    selection: Selection,
    sort: SortOrder,
    need: number,
    opts: QueryOptions,
  ): Promise<SearchOutcome> {
    const target = need > 0 ? need : defaultTarget;
    const parsed = parseQuery(raw, dict);
    const hints = parsed.hints.map((id) => dict.byId.get(id)).filter((m): m is TermMeasure => !!m);
    const word = parsed.words.length === 1 ? parsed.words[0]! : undefined;
    if (
      options.answer &&
      word &&
      !word.quoted &&
      dict.indexedTerms.has(word.text) &&
      target <= ANSWER_RESULTS &&
      sort === 'relevance' &&
      isEmptySelection(selection)
    ) {
      const answer = await options.answer(word.text).catch(() => undefined);
      if (answer) return fromAnswer(answer, parsed, hints);
    }
    if (!parsed.words.length) {
      return {
        query: parsed,
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
    const stages = ['index'];
    const withCounts = opts.counts ?? true;
    const filtering = !isEmptySelection(selection);
    // Everything below is answered by the index; only the pages shown are read.
    const [literal, named, joined, scores, filters] = await Promise.all([
      Promise.all(parsed.words.map((w) => lookup(w.text))),
      // Cases with another name of the word's measure, or its tag: one word of the index (mentions.ts).
      Promise.all(
        parsed.words.map((w) => (w.measures.length ? namedLookup(w.text) : Promise.resolve(new Set<string>()))),
      ),
      parsed.phrase ? lookup(parsed.phrase) : Promise.resolve(new Set<string>()),
      Promise.all(parsed.words.map((w) => relevance(w.text))),
      withCounts || filtering || sort === 'date' ? pageFacets() : Promise.resolve(undefined),
    ]);
    const scoreOf = (id: string) => scores.reduce((sum, m) => sum + (m.get(id) ?? 0), 0);
    /** 3: the word itself; 2: another name or the tag (which of the two, the page's text tells once read); 0: neither. */
    const levelOf = (id: string, wi: number): Level => {
      if (literal[wi]!.has(id)) return 3;
      if (!isCaseId(id)) return 0; // aliases and tags widen the search for cases only
      return named[wi]!.has(id) ? 2 : 0;
    };
    const pool = new Set<string>();
    for (const set of [...literal, ...named]) for (const id of set) pool.add(id);
    /** Pages containing every word (or, for cases, an alias or the measure tag), with the weakest word's level. */
    const whole: Array<{ id: string; minLevel: Level; phrase: boolean }> = [];
    for (const id of pool) {
      let minLevel: Level = 3;
      for (let wi = 0; wi < parsed.words.length && minLevel > 0; wi++)
        minLevel = Math.min(minLevel, levelOf(id, wi)) as Level;
      if (minLevel > 0) whole.push({ id, minLevel, phrase: joined.has(id) });
    }
    const typeOf = (id: string) => (isCaseId(id) ? 0 : 1);
    const keep = (id: string) => !filtering || matchesSelection(filters?.filters.get(id) ?? {}, selection);
    const ranks = sort === 'date' ? filters?.rank : undefined;
    const byDate = (a: string, b: string) => (ranks!.get(a) ?? Infinity) - (ranks!.get(b) ?? Infinity);
    whole.sort(
      (a, b) =>
        typeOf(a.id) - typeOf(b.id) ||
        (ranks
          ? byDate(a.id, b.id)
          : Number(b.phrase) - Number(a.phrase) || b.minLevel - a.minLevel || scoreOf(b.id) - scoreOf(a.id)) ||
        a.id.localeCompare(b.id),
    );
    const matching = whole.filter((x) => keep(x.id));

    // Related pages: only pieces of the query, looked up while there are few whole results.
    let relatedIds: Array<{ id: string; coverage: number; longest: number }> = [];
    if (whole.length < pageSize && (opts.related !== false || whole.length === 0)) {
      stages.push('pieces');
      const inWhole = new Set(whole.map((x) => x.id));
      const pieceSets = new Map<string, Set<string>>();
      const candidates = new Set<string>();
      await Promise.all(
        parsed.words.map(async (w) => {
          if (w.quoted) return;
          const u = units(w.text);
          if (u.length > MAX_PIECE_UNITS) return;
          for (let i = 0; i < u.length; i++) {
            for (let j = i + 2; j <= u.length; j++) {
              const piece = u.slice(i, j).join('');
              const set = await lookup(piece);
              pieceSets.set(piece, set);
              for (const id of set) if (!inWhole.has(id)) candidates.add(id);
            }
            // a run of two or more digits or letters is a piece of its own (1980)
            if (/^[a-z0-9]{2,}$/.test(u[i]!)) {
              const set = await lookup(u[i]!);
              pieceSets.set(u[i]!, set);
              for (const id of set) if (!inWhole.has(id)) candidates.add(id);
            }
          }
        }),
      );
      for (const id of candidates) {
        let covered = 0;
        let total = 0;
        let longest = 0;
        parsed.words.forEach((w, wi) => {
          const size = units(w.text).length;
          total += size;
          if (levelOf(id, wi) > 0) {
            covered += size;
            longest = Math.max(longest, size);
            return;
          }
          if (w.quoted) return;
          const p = literalPieces(w.text, (piece) => pieceSets.get(piece)?.has(id) ?? false);
          covered += p.covered;
          longest = Math.max(longest, p.longest);
        });
        const coverage = total ? covered / total : 0;
        if (coverage > MIN_RELATED_COVERAGE && longest >= 2) relatedIds.push({ id, coverage, longest });
      }
      relatedIds.sort(
        (a, b) =>
          typeOf(a.id) - typeOf(b.id) ||
          (ranks
            ? byDate(a.id, b.id)
            : b.coverage - a.coverage || b.longest - a.longest || scoreOf(b.id) - scoreOf(a.id)) ||
          a.id.localeCompare(b.id),
      );
    }
    const fallback = whole.length === 0;
    relatedIds = relatedIds.filter((x) => keep(x.id));

    // Read and check only what is shown: the first `target` results and related pages.
    const results = fallback
      ? []
      : await analysed(
          matching.slice(0, target).map((x) => x.id),
          parsed,
        );
    const relatedShown = await analysed(
      relatedIds.slice(0, fallback ? target : MAX_RELATED).map((x) => x.id),
      parsed,
    );
    const ranked = rank([...results, ...relatedShown]);
    const order = (list: Ranked[]) => (ranks ? [...list].sort((a, b) => byDate(a.doc.id, b.doc.id)) : list);
    const hits = order(ranked.whole).map((r) => toHit(r, parsed, false));
    const related = order(ranked.related).map((r) => toHit(r, parsed, true));

    const base = fallback ? relatedIds.map((x) => x.id) : whole.map((x) => x.id);
    const counts =
      withCounts && filters
        ? facetCounts(
            base.map((id) => ({ filters: filters.filters.get(id) ?? {} })),
            selection,
          )
        : {};
    const total = fallback ? relatedIds.length : matching.length;
    const caseTotal = (fallback ? relatedIds : matching).filter((x) => isCaseId(x.id)).length;
    return {
      query: parsed,
      hints,
      results: hits,
      related,
      fallback,
      pieces: fallback ? [...new Set(related.flatMap((h) => h.terms))].sort((a, b) => b.length - a.length) : [],
      counts,
      browse: false,
      total,
      caseTotal,
      truncated: (fallback ? related.length : hits.length) < total,
      stats: { candidates: pool.size, verified: results.length + relatedShown.length, stages },
    };
  }

  /** Reads the pages' text and checks them literally (match.ts), for the excerpts and the final order. */
  async function analysed(ids: string[], parsed: ParsedQuery): Promise<Ranked[]> {
    const docs = await Promise.all(
      ids
        .map((id) => resultsById.get(id))
        .filter((r): r is PagefindResult => !!r)
        .map(load),
    );
    return docs.map((doc) => ({ doc, analysis: analyse(doc, parsed) }));
  }

  /** Browsing with an empty query: the cases (or the selected page types), newest first, from the facet values of every page. */
  async function browse(selection: Selection = {}, limit = pageSize): Promise<SearchOutcome> {
    const [facets] = await Promise.all([pageFacets(), allPages()]);
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
    const shown = await Promise.all(
      list
        .slice(0, limit)
        .map((id) => resultsById.get(id))
        .filter((r): r is PagefindResult => !!r)
        .map(load),
    );
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

  /** Looks a measure up by id (the `measure` filter values, for chips). */
  function measureById(id: string): TermMeasure | undefined {
    return dict.byId.get(id);
  }

  return { query, browse, measureById, dictionary: dict };
}

export type SearchEngine = ReturnType<typeof createSearchEngine>;
