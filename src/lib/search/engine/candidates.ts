/**
 * Steps 1 and 2 of the strategy (engine.ts): which pages contain every query word, from the
 * index alone, and their order before any page is read.
 */
import { isCaseId } from '../index/schema.ts';
import type { ParsedQuery } from '../query/query.ts';
import type { SortOrder } from '../query/url.ts';
import type { IndexLookups, RankedFacets } from './lookups.ts';
import type { Level } from './match.ts';

/** What the index says of a query's words: all that ranking needs, no page read. */
export interface IndexAnswers {
  /** Per word: the pages containing it. */
  literal: Set<string>[];
  /** Per word: the cases with another name of its measure, or its tag. */
  named: Set<string>[];
  /** The pages containing the words joined (multi-word queries). */
  joined: Set<string>;
  /** Per word: Pagefind's relevance of each page. */
  scores: Map<string, number>[];
  /** Every page's facet values, when the query filters, counts or sorts by date. */
  facets: RankedFacets | undefined;
  /** Each page's place in the date order, when sorting by date. */
  ranks: ReadonlyMap<string, number> | undefined;
}

/** Looks every word up at once (only the index; no page text is read). */
export async function askIndex(
  lookups: IndexLookups,
  parsed: ParsedQuery,
  sort: SortOrder,
  needFacets: boolean,
): Promise<IndexAnswers> {
  const none = Promise.resolve(new Set<string>());
  const [literal, named, joined, scores, facets] = await Promise.all([
    Promise.all(parsed.words.map((w) => lookups.lookup(w.text))),
    // Cases with another name of the word's measure, or its tag: one word of the index (mentions.ts).
    Promise.all(parsed.words.map((w) => (w.measures.length ? lookups.namedLookup(w.text) : none))),
    parsed.phrase ? lookups.lookup(parsed.phrase) : none,
    Promise.all(parsed.words.map((w) => lookups.relevance(w.text))),
    needFacets || sort === 'date' ? lookups.pageFacets() : Promise.resolve(undefined),
  ]);
  return { literal, named, joined, scores, facets, ranks: sort === 'date' ? facets?.rank : undefined };
}

/** 3: the word itself; 2: another name or the tag (which of the two, the page's text tells once read); 0: neither. */
export function levelOf(answers: IndexAnswers, id: string, wi: number): Level {
  if (answers.literal[wi]!.has(id)) return 3;
  if (!isCaseId(id)) return 0; // aliases and tags widen the search for cases only
  return answers.named[wi]!.has(id) ? 2 : 0;
}

/** Pagefind's relevance of a page, summed over the words. */
export function scoreOf(answers: IndexAnswers, id: string): number {
  return answers.scores.reduce((sum, m) => sum + (m.get(id) ?? 0), 0);
}

/**
 * The index order of candidates: cases first; then by date when sorting by date, else by
 * `relevance`; then by id, so that equal pages keep one order.
 */
export function indexOrder<T extends { id: string }>(
  ranks: ReadonlyMap<string, number> | undefined,
  relevance: (a: T, b: T) => number,
): (a: T, b: T) => number {
  const typeOf = (id: string) => (isCaseId(id) ? 0 : 1);
  return (a, b) =>
    typeOf(a.id) - typeOf(b.id) || (ranks ? dateOrder(ranks)(a.id, b.id) : relevance(a, b)) || a.id.localeCompare(b.id);
}

/** Newest first; pages without a date last. */
export function dateOrder(ranks: ReadonlyMap<string, number>): (a: string, b: string) => number {
  return (a, b) => (ranks.get(a) ?? Infinity) - (ranks.get(b) ?? Infinity);
}

export interface WholeCandidate {
  id: string;
  /** The weakest word's level. */
  minLevel: Level;
  /** The page contains the words joined. */
  phrase: boolean;
}

/**
 * Pages containing every word (or, for cases, an alias or the measure tag), with the weakest
 * word's level, in index order: the joined phrase, the weakest level, Pagefind's relevance.
 * `pool` is every page any word finds.
 */
export function wholeCandidates(
  parsed: ParsedQuery,
  answers: IndexAnswers,
): { pool: Set<string>; whole: WholeCandidate[] } {
  const pool = new Set<string>();
  for (const set of [...answers.literal, ...answers.named]) for (const id of set) pool.add(id);
  const whole: WholeCandidate[] = [];
  for (const id of pool) {
    let minLevel: Level = 3;
    for (let wi = 0; wi < parsed.words.length && minLevel > 0; wi++)
      minLevel = Math.min(minLevel, levelOf(answers, id, wi)) as Level;
    if (minLevel > 0) whole.push({ id, minLevel, phrase: answers.joined.has(id) });
  }
  whole.sort(
    indexOrder<WholeCandidate>(
      answers.ranks,
      (a, b) =>
        Number(b.phrase) - Number(a.phrase) ||
        b.minLevel - a.minLevel ||
        scoreOf(answers, b.id) - scoreOf(answers, a.id),
    ),
  );
  return { pool, whole };
}
