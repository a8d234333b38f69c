/**
 * Text normalisation shared by the query and the page text, so that what a person types
 * and what a page says compare literally: NFKC (full-width digits, letters and punctuation
 * → half-width: １９８０ → 1980, ％ → %), lower case, traditional → simplified characters
 * (from a build-time map of the corpus's characters, see terms.ts), zero-width characters
 * dropped. `compact` also drops all whitespace (Chinese text has none between words) and
 * quotation marks and book-title marks, which people do not type: the text's
 * 完成“县管校聘”改革 matches the query 县管校聘改革.
 *
 * Works code point by code point and keeps, for every output character, the index of the
 * input character it came from, so a match in normalised text maps back to the original.
 */

/** Traditional → simplified, one character to one character. */
export type CharMap = Readonly<Record<string, string>>;

export interface Normalized {
  /** The normalised text. */
  text: string;
  /** `map[i]` = UTF-16 index in the input of the character that produced `text[i]`; `map[text.length]` = input length. */
  map: number[];
}

export interface NormalizeOptions {
  /** Traditional → simplified map (from search-terms.json). */
  t2s?: CharMap | undefined;
  /** Drop all whitespace (page text, single words). @default false */
  compact?: boolean | undefined;
}

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
/** Dropped in compact text: quotation marks, book-title marks, corner brackets, middle dots. */
export const IGNORABLE = /["'“”‘’《》〈〉「」『』〖〗·•]/;
const SPACE = /\s/;

/** Normalised characters so far, per traditional → simplified map: texts repeat their characters, and NFKC is slow. */
const normalized = new WeakMap<CharMap, Map<string, string>>();
const NO_MAP: CharMap = {};

function normalizeChar(ch: string, t2s: CharMap | undefined): string {
  const map = t2s ?? NO_MAP;
  let known = normalized.get(map);
  if (!known) normalized.set(map, (known = new Map()));
  let out = known.get(ch);
  if (out === undefined) {
    out = '';
    for (const c of ch.normalize('NFKC').toLowerCase()) out += map[c] ?? c;
    known.set(ch, out);
  }
  return out;
}

/** Normalises `input`, keeping the position map. */
export function normalizeWithMap(input: string, options: NormalizeOptions = {}): Normalized {
  const { t2s, compact = false } = options;
  let text = '';
  const map: number[] = [];
  let i = 0;
  let lastWasSpace = true;
  for (const ch of input) {
    const at = i;
    i += ch.length;
    if (ZERO_WIDTH.test(ch)) continue;
    for (const c of normalizeChar(ch, t2s)) {
      if (compact && IGNORABLE.test(c)) continue;
      if (SPACE.test(c)) {
        if (compact || lastWasSpace) continue;
        text += ' ';
        map.push(at);
        lastWasSpace = true;
        continue;
      }
      text += c;
      map.push(at);
      lastWasSpace = false;
    }
  }
  if (!compact && text.endsWith(' ')) {
    text = text.slice(0, -1);
    map.pop();
  }
  map.push(input.length);
  return { text, map };
}

/** Normalises `input` (see the module comment). */
export function normalize(input: string, options: NormalizeOptions = {}): string {
  return normalizeWithMap(input, options).text;
}

/** The input range [start, end) that produced normalised text [from, to). */
export function originalRange(input: string, norm: Normalized, from: number, to: number): [number, number] {
  const start = norm.map[from]!;
  if (to <= from) return [start, start];
  const last = norm.map[to - 1]!;
  const cp = input.codePointAt(last)!;
  return [start, last + (cp > 0xffff ? 2 : 1)];
}
