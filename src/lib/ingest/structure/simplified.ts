/**
 * A simplified-character copy of a traditional text, character for character, so that what
 * is found in the copy (an education word, a measure term, a body's name, a figure's quote) is
 * found at the same offsets of the text as printed. The draft keeps the text as printed; only
 * the analysis reads the copy. Characters come from OpenCC's dictionaries (Hong Kong and Taiwan
 * variants first, then traditional → simplified); phrase rules are left out, since they would
 * change lengths, and no word an analysis looks for depends on them.
 */
import HKVariantsRev from 'opencc-js/dict/HKVariantsRev';
import TSCharacters from 'opencc-js/dict/TSCharacters';
import TWVariantsRev from 'opencc-js/dict/TWVariantsRev';
import { isHanCode } from '../../text/han.ts';

let table: Map<string, string> | undefined;

function characterTable(): Map<string, string> {
  if (table) return table;
  const map = new Map<string, string>();
  const pairs = (dict: string) => dict.split('|').map((entry) => entry.split(' ') as [string, string, ...string[]]);
  const standard = new Map(pairs(TSCharacters).map(([from, to]) => [from, to]));
  for (const [from, to] of standard) if ([...to].length === 1 && from.length === to.length) map.set(from, to);
  // A regional variant (眾, 裡) goes to its standard traditional form, then to simplified.
  for (const [from, to] of [...pairs(HKVariantsRev), ...pairs(TWVariantsRev)]) {
    const simple = standard.get(to) ?? to;
    if (!map.has(from) && from.length === simple.length) map.set(from, simple);
  }
  table = map;
  return map;
}

/** The text in simplified characters, with the same length and offsets. */
export function toSimplified(text: string): string {
  const map = characterTable();
  let out = '';
  for (const c of text) out += map.get(c) ?? c;
  return out;
}

/**
 * Whether a text is written in traditional characters: at least 8% of its Han characters (and five
 * or more) change. A traditional text changes a fifth or more; a simplified one only in the few
 * characters both scripts use (著名, 乾坤), far below that.
 */
export function isTraditional(text: string): boolean {
  const sample = text.slice(0, 20_000);
  const simple = toSimplified(sample);
  let changed = 0;
  let han = 0;
  for (let i = 0; i < sample.length; i++) {
    if (isHanCode(sample.charCodeAt(i))) han++;
    if (sample[i] !== simple[i]) changed++;
  }
  return changed >= 5 && changed / han >= 0.08;
}
