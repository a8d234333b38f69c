/**
 * Finding a name as an editor types it: Chinese characters anywhere in the name or one of its
 * other names, or pinyin — whole syllables, initials or a mix (`shangcheng`, `sc`, `xgxp`), as
 * the site's search reads pinyin (src/lib/search/query/pinyin.ts). Lower rank is a better match.
 */
import { matchSyllables, MATCH_RANK, normalizePinyin } from '../search/query/pinyin.ts';

export interface Findable {
  /** Names that count: the name first, then short forms and aliases. */
  names: readonly string[];
  /** Toneless pinyin syllables of the name. */
  reading: readonly string[];
}

/** How well `typed` matches: 0 a name exactly, 1 the start of a name, 2 inside one, 3–5 by pinyin. */
function matchRank(typed: string, item: Findable): number | undefined {
  const text = typed.trim();
  if (!text) return undefined;
  if (item.names.some((n) => n === text)) return 0;
  if (item.names.some((n) => n.startsWith(text))) return 1;
  if (item.names.some((n) => n.includes(text))) return 2;
  const letters = normalizePinyin(text);
  const match = letters ? matchSyllables(letters, item.reading) : undefined;
  return match ? 6 - MATCH_RANK[match] : undefined;
}

/** The items that match, best first (ties keep the given order), at most `limit`. */
export function findItems<T extends Findable>(typed: string, items: readonly T[], limit = 12): T[] {
  return items
    .map((item, i) => ({ item, i, rank: matchRank(typed, item) }))
    .filter((x): x is { item: T; i: number; rank: number } => x.rank !== undefined)
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .slice(0, limit)
    .map((x) => x.item);
}
