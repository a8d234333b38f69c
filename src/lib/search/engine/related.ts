/**
 * Step 4 of the strategy (engine.ts): with fewer whole results than a page, the pages that
 * contain pieces of the query (every substring of two units or more of each word) covering
 * more than half of it are “related” (match.ts `literalPieces`) — found from the index too.
 */
import type { ParsedQuery } from '../query/query.ts';
import { indexOrder, levelOf, scoreOf, type IndexAnswers, type WholeCandidate } from './candidates.ts';
import type { IndexLookups } from './lookups.ts';
import { literalPieces, MIN_RELATED_COVERAGE, units } from './match.ts';

/** Related pages read and shown beside the results. */
export const MAX_RELATED = 10;
/** Longest query word whose pieces are looked up for related pages (its pieces: n·(n−1)/2 lookups). */
const MAX_PIECE_UNITS = 12;

export interface RelatedCandidate {
  id: string;
  /** Share of the query (in units) the page contains. */
  coverage: number;
  /** Units of the longest piece or word found. */
  longest: number;
}

/** The pieces of each unquoted word, looked up: the pages of each piece, and the pages outside `whole` they find. */
async function lookUpPieces(
  lookups: IndexLookups,
  parsed: ParsedQuery,
  inWhole: ReadonlySet<string>,
): Promise<{ pieceSets: Map<string, Set<string>>; candidates: Set<string> }> {
  const pieceSets = new Map<string, Set<string>>();
  const candidates = new Set<string>();
  const add = async (piece: string) => {
    const set = await lookups.lookup(piece);
    pieceSets.set(piece, set);
    for (const id of set) if (!inWhole.has(id)) candidates.add(id);
  };
  await Promise.all(
    parsed.words.map(async (w) => {
      if (w.quoted) return;
      const u = units(w.text);
      if (u.length > MAX_PIECE_UNITS) return;
      for (let i = 0; i < u.length; i++) {
        for (let j = i + 2; j <= u.length; j++) await add(u.slice(i, j).join(''));
        // a run of two or more digits or letters is a piece of its own (1980)
        if (/^[a-z0-9]{2,}$/.test(u[i]!)) await add(u[i]!);
      }
    }),
  );
  return { pieceSets, candidates };
}

/** How much of the query a page contains, by the index: whole words, or their pieces. */
function coverageOf(
  id: string,
  parsed: ParsedQuery,
  answers: IndexAnswers,
  pieceSets: ReadonlyMap<string, Set<string>>,
): Omit<RelatedCandidate, 'id'> {
  let covered = 0;
  let total = 0;
  let longest = 0;
  parsed.words.forEach((w, wi) => {
    const size = units(w.text).length;
    total += size;
    if (levelOf(answers, id, wi) > 0) {
      covered += size;
      longest = Math.max(longest, size);
      return;
    }
    if (w.quoted) return;
    const p = literalPieces(w.text, (piece) => pieceSets.get(piece)?.has(id) ?? false);
    covered += p.covered;
    longest = Math.max(longest, p.longest);
  });
  return { coverage: total ? covered / total : 0, longest };
}

/**
 * The related pages, in index order: cases first, most of the query, the longest piece,
 * Pagefind's relevance (or the date).
 */
export async function relatedCandidates(
  lookups: IndexLookups,
  parsed: ParsedQuery,
  answers: IndexAnswers,
  whole: readonly WholeCandidate[],
): Promise<RelatedCandidate[]> {
  const { pieceSets, candidates } = await lookUpPieces(lookups, parsed, new Set(whole.map((x) => x.id)));
  const related: RelatedCandidate[] = [];
  for (const id of candidates) {
    const { coverage, longest } = coverageOf(id, parsed, answers, pieceSets);
    if (coverage > MIN_RELATED_COVERAGE && longest >= 2) related.push({ id, coverage, longest });
  }
  return related.sort(
    indexOrder<RelatedCandidate>(
      answers.ranks,
      (a, b) => b.coverage - a.coverage || b.longest - a.longest || scoreOf(answers, b.id) - scoreOf(answers, a.id),
    ),
  );
}
