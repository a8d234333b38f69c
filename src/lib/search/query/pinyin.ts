/**
 * Pinyin matching for Latin-letter queries. A term's reading is its toneless syllables
 * (县管校聘 → xian guan xiao pin, ü as v); what people type is matched against them
 * syllable by syllable, each syllable typed in full or by its initial (x, zh, ch, sh):
 * `xianguanxiaopin`, `xian guan xiao pin`, `xgxp`, `xgxiaopin`, `zhzh` (zheng zhou) all
 * match 县管校聘, tones and spaces or not. Typing only the first syllables is a prefix match.
 */

/** How a typed string matches a reading: every syllable in full, some abbreviated, or only the first syllables. */
export type PinyinMatch = 'whole' | 'abbreviated' | 'prefix';

/** Match strength, for ranking (higher is better). */
export const MATCH_RANK: Record<PinyinMatch, number> = { whole: 3, abbreviated: 2, prefix: 1 };

/**
 * What someone typed, as comparable pinyin letters: lower case, tone marks and tone digits
 * dropped (shuāngjiǎn, shuang1jian3), ü / u: / v as v, spaces and apostrophes gone.
 * Returns '' when it is not pinyin-like (other characters than letters).
 */
export function normalizePinyin(typed: string): string {
  const s = typed
    .normalize('NFKC')
    .toLowerCase()
    .replace(/u:/g, 'v')
    .replace(/[üǖǘǚǜ]/g, 'v')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])[1-5]/g, '$1')
    .replace(/[\s']+/g, '');
  return /^[a-z]+$/.test(s) ? s : '';
}

/** True when the text is a Latin-letter word that may be pinyin (letters, tone marks, tone digits). */
export function isPinyinLike(text: string): boolean {
  return /[a-zA-Zà-üÀ-Üāēīōūǖǎěǐǒǔǚ]/.test(text) && normalizePinyin(text) !== '';
}

/** The ways a syllable may be abbreviated: its first letter, or zh / ch / sh. */
function abbreviations(syllable: string): string[] {
  const first = syllable.slice(0, 1);
  const digraph = /^[zcs]h/.test(syllable) ? [syllable.slice(0, 2)] : [];
  return [...digraph, first].filter((a) => a && a !== syllable);
}

/**
 * How `typed` (normalised, see normalizePinyin) matches the syllables of a reading, or
 * undefined. Syllables are consumed in order, each typed in full or by its initial (x, zh);
 * the last one typed may also be cut short (still typing: shuangj). All of the typed letters
 * must be consumed; syllables left over make it a prefix match.
 */
export function matchSyllables(typed: string, syllables: readonly string[]): PinyinMatch | undefined {
  if (!typed || !syllables.length) return undefined;
  let best: PinyinMatch | undefined;
  const seen = new Set<string>();
  const settle = (kind: PinyinMatch) => {
    if (!best || MATCH_RANK[kind] > MATCH_RANK[best]) best = kind;
  };
  // Depth-first over (letters consumed, syllables consumed, all full so far), each state once.
  const walk = (i: number, j: number, full: boolean): void => {
    const key = `${i}:${j}:${full}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (i === typed.length) return settle(j < syllables.length ? 'prefix' : full ? 'whole' : 'abbreviated');
    const syl = syllables[j];
    if (syl === undefined) return;
    const rest = typed.slice(i);
    if (rest.startsWith(syl)) walk(i + syl.length, j + 1, full);
    for (const a of abbreviations(syl)) if (rest.startsWith(a)) walk(i + a.length, j + 1, false);
    // The last letters typed: a syllable cut short.
    if (rest.length < syl.length && syl.startsWith(rest)) settle('prefix');
  };
  walk(0, 0, true);
  // A prefix match needs three letters or more: `x` or `sh` alone would match almost anything.
  if (best === 'prefix' && typed.length < 3) return undefined;
  return best;
}

/** Character → toneless syllable, for readings computed in the browser (homophone typos). */
export type CharReadings = ReadonlyMap<string, string>;

/**
 * Parses the shipped character readings: syllables followed by their characters,
 * `guan官管关观shuang双霜` (compact: Latin and Han alternate, no separators needed).
 */
export function parseCharReadings(packed: string): CharReadings {
  const map = new Map<string, string>();
  for (const m of packed.matchAll(/([a-z]+)([^a-z]+)/g)) {
    const syllable = m[1]!;
    for (const ch of m[2]!) if (!map.has(ch)) map.set(ch, syllable);
  }
  return map;
}

/** Packs readings (character → syllable) as parseCharReadings reads them, syllables sorted. */
export function packCharReadings(readings: ReadonlyMap<string, string>): string {
  const bySyllable = new Map<string, string[]>();
  for (const [ch, syl] of readings) {
    const list = bySyllable.get(syl) ?? [];
    list.push(ch);
    bySyllable.set(syl, list);
  }
  return [...bySyllable]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([syl, chars]) => syl + chars.join(''))
    .join('');
}

/** The reading of `text` from per-character readings; undefined if a character has none. */
export function readingOf(text: string, chars: CharReadings): string[] | undefined {
  const out: string[] = [];
  for (const ch of text) {
    const syl = chars.get(ch);
    if (!syl) return undefined;
    out.push(syl);
  }
  return out;
}
