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

/** True when `text` contains at least one Han character. */
export function hasHan(text: string): boolean {
  return ANY.test(text);
}

/** Number of Han characters in `text` (a supplementary-plane character counts once). */
export function countHan(text: string): number {
  return text.match(ALL)?.length ?? 0;
}
