/**
 * Answers: the search's own first page for each word the index holds whole — a known term (a
 * measure's name or alias, a place name: what people search most) or one of the casebook's
 * frequent phrases (phrases.ts) — computed when the site is built (siteAnswers.ts runs this
 * engine over the built index) and served as small files (`search-answers/<key>.json`, 2–5 kB
 * on the wire). A query that is one such word, with no filter, in the order of relevance, is
 * answered from its file: one request instead of Pagefind's code, WebAssembly and metadata, the
 * term's chunk and the pages' fragments, which on a slow phone connection take seconds
 * (docs/performance.md). Everything else — more results, filters, the date order, other
 * queries — is searched as before, and gives the same results: an answer is the engine's output.
 */
import type { FacetCounts } from '../engine/facets.ts';
import type { Hit, MatchKind, SearchOutcome } from '../engine/types.ts';
import type { PageMeta } from './schema.ts';

export const ANSWERS_DIR = 'search-answers';
/** Results an answer holds: the search page's first page (the dialog shows the first few). */
export const ANSWER_RESULTS = 20;

/** A result as an answer stores it: what the result lists show. */
export interface AnswerHit {
  id: string;
  type: string;
  url: string;
  titleHtml: string;
  excerptHtml: string;
  meta: PageMeta;
  measures: string[];
  kind: MatchKind;
  reason: string[];
}

export interface AnswerFile {
  version: 1;
  /** The index's tag (mergeIndex.ts): an answer of another build is not used. */
  tag: string;
  /** The query word, normalised (normalize.ts, compact). */
  term: string;
  total: number;
  caseTotal: number;
  truncated: boolean;
  /** Filter counts of the unfiltered results. */
  counts: FacetCounts;
  results: AnswerHit[];
  related: AnswerHit[];
}

/** The file name of a term's answer: its UTF-8 bytes in hex (ASCII, no collisions, no escaping on any host). */
export function answerKey(term: string): string {
  return [...new TextEncoder().encode(term)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function answerPath(term: string): string {
  return `${ANSWERS_DIR}/${answerKey(term)}.json`;
}

/** The fields of a page's meta a result line shows (render.ts). */
const SHOWN_META = ['title', 'region', 'body', 'date'] as const;

function toAnswerHit(hit: Hit): AnswerHit {
  const meta: PageMeta = {};
  for (const key of SHOWN_META) if (hit.meta[key]) meta[key] = hit.meta[key];
  const { id, type, url, titleHtml, excerptHtml, measures, kind, reason } = hit;
  return { id, type, url, titleHtml, excerptHtml, meta, measures, kind, reason };
}

function fromAnswerHit(hit: AnswerHit): Hit {
  return { ...hit, title: hit.meta['title'] ?? '', filters: {}, terms: [] };
}

/** The answer file of an outcome (the engine's search for `term`, with counts). */
export function toAnswer(term: string, tag: string, outcome: SearchOutcome): AnswerFile {
  return {
    version: 1,
    tag,
    term,
    total: outcome.total,
    caseTotal: outcome.caseTotal,
    truncated: outcome.truncated,
    counts: outcome.counts,
    results: outcome.results.map(toAnswerHit),
    related: outcome.related.map(toAnswerHit),
  };
}

/** The outcome an answer stands for (its query and hints are the caller's: parsed in the browser). */
export function fromAnswer(
  answer: AnswerFile,
  query: SearchOutcome['query'],
  hints: SearchOutcome['hints'],
): SearchOutcome {
  const results = answer.results.map(fromAnswerHit);
  return {
    query,
    hints,
    results,
    related: answer.related.map(fromAnswerHit),
    fallback: false,
    pieces: [],
    counts: answer.counts,
    browse: false,
    total: answer.total,
    caseTotal: answer.caseTotal,
    truncated: answer.truncated,
    stats: { candidates: answer.total, verified: results.length, stages: ['answer'] },
  };
}

/** Whether `value` (parsed JSON) is an answer of this index for this term. */
export function isAnswerFor(value: unknown, term: string, tag: string): value is AnswerFile {
  const a = value as Partial<AnswerFile> | null;
  return (
    !!a &&
    a.version === 1 &&
    a.term === term &&
    a.tag === tag &&
    Array.isArray(a.results) &&
    Array.isArray(a.related) &&
    typeof a.total === 'number'
  );
}

/** An answer with its links under the site's base (answers are written with root paths: /cases/…). */
export function answerUnderBase(answer: AnswerFile, base: string): AnswerFile {
  const b = base.replace(/\/+$/, '');
  const rebase = (hit: AnswerHit): AnswerHit => ({ ...hit, url: b + hit.url });
  return b ? { ...answer, results: answer.results.map(rebase), related: answer.related.map(rebase) } : answer;
}
