/**
 * A fingerprint of a document's text that stays the same whatever format the text came in: the
 * same bulletin as .txt, .md, .html, .docx or .pdf differs in markup, line breaks, running
 * headers, page numbers and punctuation widths, not in its words. The text is reduced to its Han
 * characters, letters and digits (NFKC, lower case), cut into overlapping 4-character shingles,
 * and summarised as a 64-bit SimHash: texts that share most shingles get fingerprints a few bits
 * apart, different texts about 32 bits apart. Stored in each source record (`fingerprint:`).
 */
import type { DocBlock } from '../structure/blocks.ts';

/** Fingerprints at most this many bits apart are the same text (64-bit SimHash; different texts: ~32). */
export const SAME_TEXT_BITS = 3;
/** Fewest normalised characters for a fingerprint to mean anything. */
const MIN_CHARS = 60;

/** The text reduced to what survives any format: Han characters, letters and digits. */
export function normalisedText(blocks: readonly Pick<DocBlock, 'kind' | 'text'>[]): string {
  return blocks
    .filter((b) => b.kind !== 'image')
    .map((b) => b.text)
    .join('')
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{Script=Han}a-z0-9]/gu, '');
}

/** FNV-1a over the UTF-16 units of `s`, 32 bits, from `seed`. */
function fnv(s: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** 16 hex digits, or undefined for a text too short to fingerprint. */
export function textFingerprint(blocks: readonly Pick<DocBlock, 'kind' | 'text'>[]): string | undefined {
  const text = [...normalisedText(blocks)];
  if (text.length < MIN_CHARS) return undefined;
  const weights = new Int32Array(64);
  for (let i = 0; i + 4 <= text.length; i++) {
    const shingle = text.slice(i, i + 4).join('');
    const halves = [fnv(shingle, 0x811c9dc5), fnv(shingle, 0x01000193 ^ 0x5bd1e995)];
    for (let bit = 0; bit < 64; bit++) weights[bit]! += (halves[bit >> 5]! >>> (bit & 31)) & 1 ? 1 : -1;
  }
  let hex = '';
  for (let nibble = 0; nibble < 16; nibble++) {
    let v = 0;
    for (let b = 0; b < 4; b++) if (weights[nibble * 4 + b]! > 0) v |= 1 << b;
    hex += v.toString(16);
  }
  return hex;
}

/** Bits in which two fingerprints differ. */
export function fingerprintDistance(a: string, b: string): number {
  let bits = 0;
  for (let i = 0; i < 16; i++) {
    let x = parseInt(a[i] ?? '0', 16) ^ parseInt(b[i] ?? '0', 16);
    for (; x; x &= x - 1) bits++;
  }
  return bits;
}

export const sameText = (a: string, b: string) => fingerprintDistance(a, b) <= SAME_TEXT_BITS;
