/**
 * Literal verification and ranking. Pagefind only proposes candidates; a page is a result
 * when its normalised text literally contains every query word (or, for a measure name or
 * alias, another name of the same measure, or the page is tagged with that measure).
 * Pages that contain only pieces of the query (县管校聘改革 → 县管校聘) are “related”:
 * listed after the results, or instead of them when nothing matches whole. Pages that share
 * nothing longer than single characters with the query (the over-matches of Pagefind's
 * Chinese segmentation: 减负 → 减…负…) are dropped.
 */
import { normalizeWithMap, type CharMap, type Normalized } from '../query/normalize.ts';
import { MATCHED_META_KEYS, typeRank, type PageFilters, type PageMeta } from '../index/schema.ts';
import type { ParsedQuery } from '../query/query.ts';

/** A page as Pagefind's fragment describes it. */
export interface PageDoc {
  /** Pagefind's page id. */
  id: string;
  /** Page URL (base applied). */
  url: string;
  /** Full indexed text of the page. */
  content: string;
  meta: PageMeta;
  filters: PageFilters;
  /** Pagefind's score for the query that proposed the page (0 when found otherwise). */
  score: number;
}

/** A page with its normalised text, prepared once. */
export interface PreparedDoc extends PageDoc {
  type: string;
  title: string;
  norm: Normalized;
  normTitle: string;
  /** The page's own metadata (region, reporting body, author), normalised, fields separated by U+0000. */
  normMeta: string;
}

export function prepareDoc(doc: PageDoc, t2s?: CharMap): PreparedDoc {
  return {
    ...doc,
    type: doc.filters['type']?.[0] ?? 'page',
    title: doc.meta['title'] ?? '',
    norm: normalizeWithMap(doc.content, { t2s, compact: true }),
    normTitle: normalizeWithMap(doc.meta['title'] ?? '', { t2s, compact: true }).text,
    normMeta: MATCHED_META_KEYS.map((k) => normalizeWithMap(doc.meta[k] ?? '', { t2s, compact: true }).text).join(
      '\u0000',
    ),
  };
}

/** How a word is satisfied on a page: 3 literally, 2 by another name of its measure, 1 by the page's measure tag, 0 not. */
export type Level = 0 | 1 | 2 | 3;

/** A literal occurrence in normalised page text, with the index of the query word (-1: the joined phrase). */
export interface Occurrence {
  start: number;
  end: number;
  word: number;
  term: string;
}

export interface Analysis {
  /** Every word is satisfied (level ≥ 1). */
  whole: boolean;
  /** Per word. */
  levels: Level[];
  /** Weakest word level. */
  minLevel: Level;
  /** The words joined without space occur literally (multi-word queries). */
  phrase: boolean;
  /** Share of the query (in units, see `units`) found literally, 0–1. */
  coverage: number;
  /** Pieces of unsatisfied words found on the page (partial matches). */
  pieces: string[];
  /** Units of the longest literal piece or word found. */
  longest: number;
  /** Literal occurrences (capped per term). */
  occurrences: Occurrence[];
  /** Total occurrences counted (capped per term). */
  count: number;
  /** A word or phrase occurs in the title. */
  titleHit: boolean;
  /** The literal strings found, longest first (to highlight). */
  terms: string[];
}

const MAX_OCCURRENCES = 50;

/** Start indices of `needle` in `hay`, at most `cap`. */
export function findAll(hay: string, needle: string, cap = MAX_OCCURRENCES): number[] {
  const out: number[] = [];
  if (!needle) return out;
  for (let at = hay.indexOf(needle); at >= 0 && out.length < cap; at = hay.indexOf(needle, at + needle.length))
    out.push(at);
  return out;
}

/** A word's units: ASCII letter/digit runs count as one unit (1980), every other character as one. */
export function units(word: string): string[] {
  return word.match(/[a-z0-9]+|[\s\S]/gu) ?? [];
}

function isAlnum(unit: string): boolean {
  return /^[a-z0-9]+$/.test(unit);
}

/**
 * Greedy longest pieces of `word` that occur in `hay`, left to right. A piece counts when it
 * has two units or more, or is one letter/digit run of two characters or more (1980):
 * single Chinese characters match almost any page and say nothing. `hay` is the page's text,
 * or a test of whether the page contains a piece (the engine asks the index).
 */
export function literalPieces(
  word: string,
  hay: string | ((piece: string) => boolean),
): { pieces: string[]; covered: number; total: number; longest: number } {
  const has = typeof hay === 'string' ? (piece: string) => hay.includes(piece) : hay;
  const u = units(word);
  const pieces: string[] = [];
  let covered = 0;
  let longest = 0;
  let i = 0;
  while (i < u.length) {
    let found = 0;
    for (let len = u.length - i; len >= 1; len--) {
      if (len === 1 && !(isAlnum(u[i]!) && u[i]!.length >= 2)) break;
      if (has(u.slice(i, i + len).join(''))) {
        found = len;
        break;
      }
    }
    if (found) {
      pieces.push(u.slice(i, i + found).join(''));
      covered += found;
      longest = Math.max(longest, found);
      i += found;
    } else i += 1;
  }
  return { pieces, covered, total: u.length, longest };
}

/** What checking a page has found so far, word by word. */
interface Tally {
  doc: PreparedDoc;
  levels: Level[];
  occurrences: Occurrence[];
  terms: Set<string>;
  pieces: string[];
  covered: number;
  total: number;
  longest: number;
  titleHit: boolean;
}

type Word = ParsedQuery['words'][number];

/** Records every occurrence of `term` in the page's text for word `wi` (-1: the joined phrase). */
function addOccurrences(tally: Tally, term: string, wi: number): void {
  for (const at of findAll(tally.doc.norm.text, term))
    tally.occurrences.push({ start: at, end: at + term.length, word: wi, term });
}

/** The word itself, in the text or in the page's own region or reporting body (no occurrence then). */
function matchLiteral(tally: Tally, w: Word, wi: number, size: number): boolean {
  const { doc } = tally;
  const own = findAll(doc.norm.text, w.text);
  if (!own.length && !doc.normMeta.includes(w.text)) return false;
  tally.levels.push(3);
  tally.covered += size;
  tally.longest = Math.max(tally.longest, size);
  tally.terms.add(w.text);
  for (const at of own) tally.occurrences.push({ start: at, end: at + w.text.length, word: wi, term: w.text });
  if (own.length && doc.normTitle.includes(w.text)) tally.titleHit = true;
  return true;
}

/** Another name of the word's measure in the text (2), or the page's measure tag (1); 0: neither. */
function matchVariants(tally: Tally, w: Word, wi: number): Level {
  const { doc, occurrences } = tally;
  let level: Level = 0;
  for (const v of w.variants) {
    const found = findAll(doc.norm.text, v);
    if (!found.length) continue;
    level = 2;
    tally.terms.add(v);
    for (const at of found) {
      // a shorter variant inside a longer one already found is the same mention
      if (occurrences.some((o) => o.word === wi && at >= o.start && at + v.length <= o.end)) continue;
      occurrences.push({ start: at, end: at + v.length, word: wi, term: v });
    }
    if (doc.normTitle.includes(v)) tally.titleHit = true;
  }
  const tagged = doc.filters['measure'] ?? [];
  if (level === 0 && w.measures.some((id) => tagged.includes(id))) level = 1;
  return level;
}

/** The longest pieces of an unsatisfied, unquoted word that the text contains. */
function matchPieces(tally: Tally, w: Word, wi: number): void {
  const p = literalPieces(w.text, tally.doc.norm.text);
  tally.covered += p.covered;
  tally.longest = Math.max(tally.longest, p.longest);
  for (const piece of p.pieces) {
    tally.pieces.push(piece);
    tally.terms.add(piece);
    addOccurrences(tally, piece, wi);
  }
}

/** One query word against the page: the word, another name or the tag, else its pieces. */
function matchWord(tally: Tally, w: Word, wi: number): void {
  const size = units(w.text).length;
  tally.total += size;
  if (matchLiteral(tally, w, wi, size)) return;
  const level = matchVariants(tally, w, wi);
  tally.levels.push(level);
  if (level > 0) tally.covered += size;
  else if (!w.quoted) matchPieces(tally, w, wi);
}

/** The words joined (multi-word queries), found literally. */
function matchPhrase(tally: Tally, phrase: string): boolean {
  if (!phrase || !tally.doc.norm.text.includes(phrase)) return false;
  tally.terms.add(phrase);
  addOccurrences(tally, phrase, -1);
  if (tally.doc.normTitle.includes(phrase)) tally.titleHit = true;
  return true;
}

/** Checks a page against the query: levels per word, occurrences, coverage. */
export function analyse(doc: PreparedDoc, query: ParsedQuery): Analysis {
  const tally: Tally = {
    doc,
    levels: [],
    occurrences: [],
    terms: new Set(),
    pieces: [],
    covered: 0,
    total: 0,
    longest: 0,
    titleHit: false,
  };
  query.words.forEach((w, wi) => matchWord(tally, w, wi));
  const phrase = matchPhrase(tally, query.phrase);
  const { levels, occurrences, total } = tally;
  occurrences.sort((a, b) => a.start - b.start || b.end - a.end);
  const minLevel = (levels.length ? Math.min(...levels) : 0) as Level;
  return {
    whole: levels.length > 0 && minLevel > 0,
    levels,
    minLevel,
    phrase,
    coverage: total ? tally.covered / total : 0,
    pieces: [...new Set(tally.pieces)],
    longest: tally.longest,
    occurrences,
    count: occurrences.filter((o) => o.word >= 0).length,
    titleHit: tally.titleHit,
    terms: [...tally.terms].sort((a, b) => b.length - a.length),
  };
}

/** Minimum share of the query a partial (related) result must contain. */
export const MIN_RELATED_COVERAGE = 0.5;

/** Whether a page that does not match whole is still worth listing as related. */
export function isRelated(a: Analysis): boolean {
  return !a.whole && a.coverage > MIN_RELATED_COVERAGE && a.longest >= 2;
}

export interface Ranked {
  doc: PreparedDoc;
  analysis: Analysis;
}

/**
 * Results: cases before other pages; then the exact phrase (multi-word queries), the
 * weakest word's level (literal, alias, tag), the title, mentions, Pagefind's score.
 */
export function compareWhole(x: Ranked, y: Ranked): number {
  const a = x.analysis;
  const b = y.analysis;
  return (
    typeRank(x.doc.type) - typeRank(y.doc.type) ||
    Number(b.phrase) - Number(a.phrase) ||
    b.minLevel - a.minLevel ||
    Number(b.titleHit) - Number(a.titleHit) ||
    b.count - a.count ||
    y.doc.score - x.doc.score ||
    x.doc.url.localeCompare(y.doc.url)
  );
}

/** Related pages: cases first, then most of the query, longest piece, mentions. */
export function compareRelated(x: Ranked, y: Ranked): number {
  const a = x.analysis;
  const b = y.analysis;
  return (
    typeRank(x.doc.type) - typeRank(y.doc.type) ||
    b.coverage - a.coverage ||
    b.longest - a.longest ||
    b.count - a.count ||
    y.doc.score - x.doc.score ||
    x.doc.url.localeCompare(y.doc.url)
  );
}

/**
 * Whether a page is a result. Aliases and measure tags widen the search for case pages
 * only; other pages (measure, theme, region, source pages) must contain the words
 * themselves: the measure a query names is shown as a hint anyway.
 */
export function isWhole(doc: PreparedDoc, a: Analysis): boolean {
  return a.whole && (doc.type === 'case' || a.minLevel === 3 || a.phrase);
}

/** Splits analysed pages into results and related pages, each ranked; the rest is dropped. */
export function rank(items: Ranked[]): { whole: Ranked[]; related: Ranked[] } {
  return {
    whole: items.filter((i) => isWhole(i.doc, i.analysis)).sort(compareWhole),
    related: items.filter((i) => !isWhole(i.doc, i.analysis) && isRelated(i.analysis)).sort(compareRelated),
  };
}
