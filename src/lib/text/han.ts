/**
 * “A Chinese character”, one definition for the site, the search and the ingest CLI: a
 * character of the Han script (Unicode Script=Han) — every CJK unified ideograph (the basic
 * block and all extensions, supplementary planes included), the compatibility ideographs,
 * 〇 and 々; not punctuation, full-width Latin or kana.
 */

/** Pattern source for one Han character, for composing a regular expression with the `u` flag. */
export const HAN = '\\p{Script=Han}';

const ONE = /^\p{Script=Han}$/u;
const ANY = /\p{Script=Han}/u;
const ALL = /\p{Script=Han}/gu;

/** True when `char` is one Han character. Half of a surrogate pair (`text[i]`) is not. */
export function isHan(char: string | undefined): boolean {
  return char !== undefined && ONE.test(char);
}

/** Which UTF-16 code units of the basic plane are Han characters: built once, from the definition above. */
let hanCodes: Uint8Array | undefined;

/**
 * True when the UTF-16 code unit `code` (`text.charCodeAt(i)`) is a Han character of the basic
 * plane, for loops that must stay linear on megabytes of text; a surrogate is not.
 */
export function isHanCode(code: number): boolean {
  hanCodes ??= codeTable(ONE);
  return hanCodes[code] === 1;
}

/** A table of the basic plane's code units that `one` matches (surrogates never do). */
function codeTable(one: RegExp): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && one.test(String.fromCharCode(c))) table[c] = 1;
  return table;
}

/** True when `text` contains at least one Han character. */
export function hasHan(text: string): boolean {
  return ANY.test(text);
}

/** Number of Han characters in `text` (a supplementary-plane character counts once). */
export function countHan(text: string): number {
  return text.match(ALL)?.length ?? 0;
}

/**
 * CJK punctuation, as the body of a character class: the CJK Symbols and Punctuation block
 * (U+3000–303F, with the ideographic space), the full-width punctuation forms, curly quotes, the
 * ellipsis, the em dash, the middle dot and the bullet. Not Han characters (`isHan` is false).
 */
export const CJK_PUNCTUATION =
  '\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2018\\u2019\\u201c\\u201d\\u2026\\u2014\\u00b7\\u2022';

const PUNCTUATION_ONE = new RegExp(`^[${CJK_PUNCTUATION}]$`);

/** True when `char` is one CJK punctuation mark. */
export function isCjkPunctuation(char: string | undefined): boolean {
  return char !== undefined && PUNCTUATION_ONE.test(char);
}

let punctuationCodes: Uint8Array | undefined;

/** True when the UTF-16 code unit `code` is a CJK punctuation mark (as `isHanCode`, for linear loops). */
export function isCjkPunctuationCode(code: number): boolean {
  punctuationCodes ??= codeTable(PUNCTUATION_ONE);
  return punctuationCodes[code] === 1;
}

/**
 * Characters set in the full-width cell of CJK type, as the body of a character class: the basic
 * plane's CJK blocks from the radicals to the unified ideographs (CJK punctuation, kana, bopomofo
 * and the compatibility blocks among them), the compatibility ideographs and the half- and
 * full-width forms. Between two of them, a gap in a PDF's layout is not a space of the text.
 */
export const CJK_WIDE = '\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef';
