/**
 * Excerpts built around the literal matches (not Pagefind's, which centre on single
 * characters for Chinese): the window holding the most distinct query words, preferring
 * the text after the page title, with every match wrapped in <mark>.
 */
import { literalRanges, markRanges, type Range } from '../../text/highlight.ts';
import { cutPoint } from '../../text/bodyText.ts';
import { HAN } from '../../text/han.ts';
import { CLAUSE_END, SENTENCE_END } from '../../text/sentences.ts';
import { originalRange, type Normalized } from '../query/normalize.ts';
import type { Occurrence } from './match.ts';

export interface ExcerptOptions {
  /** Characters of original text in the excerpt. @default 90 */
  length?: number;
  /** Characters shown before the first match. @default 24 */
  before?: number;
  /** Original-text offset before which matches are only used if there are no others (the title). @default 0 */
  skipBefore?: number;
}

export interface Excerpt {
  /** HTML: escaped text with <mark> around matches and … where cut. */
  html: string;
  /** Plain text of the excerpt. */
  text: string;
}

/** A Pagefind block separator after a Chinese character or CJK punctuation mark. */
const AFTER_CHINESE_SEPARATOR = new RegExp(`(${HAN}|[\\uff00-\\uffef\\u3000-\\u303f“”‘’])\\. `, 'gu');

/** Joins Pagefind's block separators (“摘要. 正文”) back into readable text. */
function tidy(text: string): string {
  return text.replace(AFTER_CHINESE_SEPARATOR, '$1 ');
}

/** Runs of this many characters without whitespace count as running text. */
const PROSE = 160;

/** Length of the whitespace-free run of `text` around `at`, up to `PROSE` (all the score uses). */
function runLength(text: string, at: number): number {
  let a = at;
  let b = at;
  while (a > 0 && at - a < PROSE && !/\s/.test(text[a - 1]!)) a--;
  while (b < text.length && b - a < PROSE && !/\s/.test(text[b]!)) b++;
  return b - a;
}

/** Occurrences an excerpt's place is chosen among (each is compared with the others): a page repeating a word thousands of times costs no more. */
const CANDIDATES = 200;

/** A sentence's or clause's end (../../text/sentences.ts), or a space: Pagefind's text joins blocks with one. */
const EXCERPT_BREAK = new RegExp(`[${SENTENCE_END}${CLAUSE_END}\\s]`);

/** Where to start an excerpt for a match at `at`: after a sentence end or space within `before` characters, else `before` back. */
function excerptStart(text: string, at: number, before: number): number {
  for (let i = at - 1; i >= Math.max(0, at - before); i--) {
    if (EXCERPT_BREAK.test(text[i]!)) return i + 1;
  }
  return Math.max(0, at - before);
}

/** Cuts an excerpt of `content` (original text) around the best occurrence and marks all occurrences in it. */
export function buildExcerpt(
  content: string,
  norm: Normalized,
  occurrences: readonly Occurrence[],
  options: ExcerptOptions = {},
): Excerpt {
  const { length = 90, before = 24, skipBefore = 0 } = options;
  const ranges = occurrences.map((o) => ({ word: o.word, range: originalRange(content, norm, o.start, o.end) }));
  const usable = ranges.filter((r) => r.range[0] >= skipBefore);
  const pool = (usable.length ? usable : ranges).slice(0, CANDIDATES);
  let start = skipBefore < content.length ? skipBefore : 0;
  if (pool.length) {
    let bestScore = -1;
    for (const r of pool) {
      const from = excerptStart(content, r.range[0], before);
      const to = from + length;
      const words = new Set(pool.filter((o) => o.range[0] >= from && o.range[1] <= to).map((o) => o.word)).size;
      // Prefer running text (a paragraph: long, no spaces) to labels, lists and notes.
      const score = words * 1000 + Math.min(runLength(content, r.range[0]), PROSE);
      if (score > bestScore) {
        bestScore = score;
        start = from;
      }
    }
  }
  // Never inside a number (…000人次 for 31000人次) or a surrogate pair.
  // (An empty range [at, at): no sentence end is looked for, only the number moved out of.)
  start = cutPoint(content, start, start, start, 'start');
  const wantedEnd = Math.min(content.length, start + length);
  const end = cutPoint(content, wantedEnd, wantedEnd, wantedEnd, 'end');
  const inside = ranges
    .map((r) => r.range)
    .filter(([a, b]) => a < end && b > start)
    .map(([a, b]): Range => [Math.max(a, start) - start, Math.min(b, end) - start]);
  const html =
    (start > 0 ? '…' : '') + markRanges(content.slice(start, end), inside, tidy) + (end < content.length ? '…' : '');
  const text = (start > 0 ? '…' : '') + tidy(content.slice(start, end)) + (end < content.length ? '…' : '');
  return { html, text };
}

/** Marks every occurrence of `terms` (normalised) in `text` (original), for titles. */
export function markTerms(text: string, norm: Normalized, terms: readonly string[]): string {
  return markRanges(text, normalizedRanges(text, norm, terms));
}

/** Original-text ranges of every occurrence of `terms` (normalised, longest first wins) in `norm`. */
export function normalizedRanges(text: string, norm: Normalized, terms: readonly string[]): Range[] {
  return literalRanges(norm.text, terms).map(([a, b]) => originalRange(text, norm, a, b));
}
