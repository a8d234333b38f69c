/**
 * The text Pagefind indexes, as overlapping character bigrams, so that the index itself
 * answers "which pages contain this string" exactly (docs/search.md, "Index").
 *
 * A page's text becomes one Pagefind word per letter, digit or Han character ("unit"): the
 * unit and the next one (县管 管校 校聘 …). Pagefind numbers words by position, so a query
 * string of n ≥ 2 units is the quoted phrase of its n − 1 bigrams, and Pagefind's exact
 * phrase search (positions in a row) returns exactly the pages containing the string. Units
 * are normalised like the query (NFKC, traditional → simplified); Pagefind lowercases.
 *
 * Characters that are not units stay in the word, before its unit, so the text can be
 * rebuilt for excerpts (`fromIndexText`); Pagefind drops them from what it indexes (it keeps
 * only alphanumerics, Rust's `char::is_alphanumeric`). Whitespace, quotation marks and
 * book-title marks are ignorable, as in the literal matcher (normalize.ts `compact`):
 * 完成“县管校聘”改革 contains 县管校聘改革. Other punctuation ends a bigram: the unit before
 * it is a word of its own, so no string is found across 。 or ，.
 *
 * The last unit (and one before a break) is a one-unit word: a single-character query is a
 * prefix search (every word starting with the character), which therefore finds every page
 * containing the character, also at the end of the text.
 *
 * Known terms (the measures' names and aliases and the place names of search-terms.json) are
 * indexed whole as well, in front of the bigrams (`indexContent`): a query for one is then a
 * single word looked up instead of a phrase of bigrams whose every occurrence must be loaded
 * (docs/search.md).
 */
import { IGNORABLE, normalize, type CharMap } from '../query/normalize.ts';
import { termMatcher } from './termMatcher.ts';

/** The language of the index records: one Pagefind neither segments nor stems, so each bigram stays one word. */
export const INDEX_LANGUAGE = 'und';

/** What Pagefind indexes (Rust `char::is_alphanumeric`: Alphabetic or Numeric). */
const UNIT = /^[\p{Alphabetic}\p{N}]$/u;
const SPACE = /^\s$/u;
const ZERO_WIDTH = /^[\u200b-\u200d\u2060\ufeff\u00ad]$/u;
/** Stands for whitespace inside an index word: neither whitespace nor alphanumeric for Pagefind. */
const SPACE_MARK = '\u2063';

/**
 * Marks both ends of a whole-term word, so that no prefix search for a bigram or a shorter term
 * meets it: a letter (Pagefind keeps only letters and digits in a word) that Chinese text does
 * not use, and that is dropped from the texts (`toIndexText`), so that the index has no other
 * word starting with it. Pagefind's plain search for a word that is in no page falls back to the
 * longest word that begins it: with no such word, a term's lookup finds nothing, never a shorter
 * word's pages.
 */
const TERM_MARK = '\u16a0';
/** Ends the word of the cases a measure term finds without containing it (`namedWord`). */
const NAMED_MARK = '\u16a1';

/** isUnit's answers so far: a page's characters repeat, and the Unicode property test is slow (the index step calls it for every character). */
const units = new Map<string, boolean>();

export function isUnit(ch: string): boolean {
  const code = ch.charCodeAt(0);
  if (ch.length === 1 && code >= 0x4e00 && code <= 0x9fff) return true; // CJK Unified Ideographs: most of the text
  let unit = units.get(ch);
  if (unit === undefined) units.set(ch, (unit = UNIT.test(ch)));
  return unit;
}

function normalizeUnit(ch: string, t2s: CharMap | undefined): string {
  let out = '';
  for (const c of ch.normalize('NFKC')) out += t2s?.[c] ?? c;
  return out;
}

/** The index words of `text` (see the module comment), joined by spaces: a Pagefind record's content. */
export function toIndexText(text: string, t2s?: CharMap): string {
  const words: string[] = [];
  let prefix = '';
  /** The previous unit's word, still waiting for its partner (the next unit), and whether a break came since. */
  let open: { word: string; broken: boolean } | undefined;
  const close = () => {
    if (open) words.push(open.word);
    open = undefined;
  };
  for (const raw of text) {
    if (ZERO_WIDTH.test(raw) || raw === TERM_MARK || raw === NAMED_MARK) continue; // the marks: see TERM_MARK
    if (SPACE.test(raw)) {
      if (!prefix.endsWith(SPACE_MARK) && (open || words.length || prefix)) prefix += SPACE_MARK;
      continue;
    }
    if (IGNORABLE.test(raw)) {
      prefix += raw;
      continue;
    }
    if (!isUnit(raw)) {
      if (open) open.broken = true;
      prefix += raw;
      continue;
    }
    for (const unit of normalizeUnit(raw, t2s)) {
      if (!isUnit(unit)) {
        if (open) open.broken = true;
        prefix += unit;
        continue;
      }
      if (open && !open.broken) open.word += unit;
      close();
      open = { word: prefix + unit, broken: false };
      prefix = '';
    }
  }
  if (open) {
    // The last unit's word keeps what follows it (the text's final punctuation).
    const last = open as { word: string };
    words.push(last.word + prefix.replaceAll(SPACE_MARK, ''));
  } else if (prefix) words.push(prefix);
  return words.join(' ');
}

/** Most occurrences of a term indexed per page: enough for Pagefind to rank pages by how often they use it. */
export const TERM_REPEAT = 5;

function unitsOnly(term: string): boolean {
  for (const ch of term) if (!isUnit(ch) || ch === TERM_MARK || ch === NAMED_MARK) return false;
  return true;
}

/**
 * Whether `term` (normalised, compact) can be indexed whole: two units or more, nothing else,
 * lower case. A two-unit term is one bigram too, but its word lists every occurrence of it; the
 * whole word at most TERM_REPEAT.
 */
export function isIndexedTerm(term: string): boolean {
  return unitsOnly(term) && term === term.toLowerCase() && [...term].length >= 2;
}

/** The index word of a whole term (`isIndexedTerm`); Pagefind's search for it matches that word only. */
export function termWord(term: string): string {
  return TERM_MARK + term + TERM_MARK;
}

/**
 * The index word on the cases that a measure's name or alias `term` finds without containing it:
 * they contain another name of the measure or are tagged with it (mentions.ts). Built of the
 * term's letters and digits (what Pagefind keeps of a word).
 */
export function namedWord(term: string): string {
  return (
    TERM_MARK +
    [...term]
      .filter((ch) => isUnit(ch) && ch !== TERM_MARK && ch !== NAMED_MARK)
      .join('')
      .toLowerCase() +
    NAMED_MARK
  );
}

/** Whether an index word is a whole term's (`termWord`, `namedWord`), not the text's. */
export function isTermWord(word: string): boolean {
  return word.length > 2 && word.startsWith(TERM_MARK) && (word.endsWith(TERM_MARK) || word.endsWith(NAMED_MARK));
}

/** Whether two index words are one term's whole word and named word (looked up together). */
export function sameTerm(a: string, b: string): boolean {
  return isTermWord(a) && isTermWord(b) && a.slice(0, -1) === b.slice(0, -1);
}

/** The known terms of a record (terms.ts, mentions.ts). */
export interface RecordTerms {
  /** Terms indexed whole where the text contains them (`isIndexedTerm`). */
  whole: Iterable<string>;
  /** How often the text contains each term (termMatcher.ts, at most TERM_REPEAT), if counted already (the index step counts every term at once). */
  counts?: ReadonlyMap<string, number>;
  /** Measure terms that find the page without being in its text: their `namedWord` unless the text contains them. */
  named?: Iterable<string>;
}

/**
 * A record's content: the whole-term words of the terms its text contains (compact, as the
 * literal matcher compares, match.ts; one word per occurrence, at most TERM_REPEAT) and the
 * named words of the `named` terms it does not contain, then the bigram words of the text
 * (`toIndexText`). `termsOf` gets the text as the literal matcher reads it.
 */
export function indexContent(text: string, termsOf: (norm: string) => RecordTerms, t2s?: CharMap): string {
  const bigrams = toIndexText(text, t2s);
  const norm = normalize(fromIndexText(bigrams), { t2s, compact: true });
  const terms = termsOf(norm);
  const whole = terms.whole instanceof Set ? (terms.whole as ReadonlySet<string>) : new Set(terms.whole);
  const counts = terms.counts ?? termMatcher(whole).count(norm, TERM_REPEAT);
  const words: string[] = [];
  for (const [term, count] of counts) {
    if (!whole.has(term)) continue;
    for (let i = 0; i < count; i++) words.push(termWord(term));
  }
  // A term with other characters is looked up by its bigrams, not literally: its word stays, for every page it names.
  for (const term of new Set(terms.named ?? []))
    if (!(unitsOnly(term) && norm.includes(term))) words.push(namedWord(term));
  return words.length ? `${words.join(' ')} ${bigrams}` : bigrams;
}

/** The page text back from its index words (for excerpts): what was indexed, with ignorable and other marks in place. */
export function fromIndexText(content: string): string {
  let out = '';
  for (const word of content.split(' ')) {
    if (!word) continue;
    let units = 0;
    let text = '';
    for (const ch of word) {
      if (isUnit(ch) && ++units === 2) continue; // the partner: the next word's own unit
      text += ch === SPACE_MARK ? ' ' : ch;
    }
    if (units <= 2) out += text; // more units: a whole-term word, not text
  }
  return out;
}

/** How a query word is looked up in the index. */
export type IndexQuery =
  /** Pagefind's exact phrase search over the word's bigrams. */
  | { kind: 'phrase'; term: string }
  /** One unit: prefix search (every page containing it). */
  | { kind: 'unit'; term: string }
  /** No letter, digit or Han character: nothing to look up. */
  | { kind: 'none' };

/**
 * The index lookup for one normalised query word (normalize.ts, compact). Non-unit
 * characters break the bigram as in the text, so 县管，校聘 is the phrase 县管 管 校聘; a last
 * piece of one unit after a break (县管，校) is left out of the phrase (rare: the phrase then
 * finds a superset, which the verification of the results on screen narrows).
 */
export function indexQuery(word: string): IndexQuery {
  const pieces: string[][] = [[]];
  for (const ch of normalizeUnit(word, undefined)) {
    if (isUnit(ch)) pieces[pieces.length - 1]!.push(ch.toLowerCase());
    else if (!IGNORABLE.test(ch) && !SPACE.test(ch) && pieces[pieces.length - 1]!.length) pieces.push([]);
  }
  const runs = pieces.filter((p) => p.length);
  const units = runs.reduce((n, r) => n + r.length, 0);
  if (units === 0) return { kind: 'none' };
  if (units === 1) return { kind: 'unit', term: runs[0]![0]! };
  const words: string[] = [];
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    if (last && run.length === 1 && words.length) return;
    for (let j = 0; j < run.length; j++) {
      const next = run[j + 1];
      if (next !== undefined) words.push(run[j]! + next);
      else if (!last) words.push(run[j]!);
    }
  });
  return { kind: 'phrase', term: `"${words.join(' ')}"` };
}
