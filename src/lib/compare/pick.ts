/**
 * Finding what someone types in /compare/'s pickers: a place (郑州, 郑州市, 金水, 河南郑州,
 * zhengzhou, zz) or a case (its title, or part of it). Pure: the page ranks the index it loads
 * with these functions, and a typed name is taken without a list pick when one match is clearly best.
 * Short names come from lib/regions.ts, pinyin matching from lib/search/pinyin.ts: one rule each.
 */
import { shortRegionName } from '../model/regions.ts';
import { MATCH_RANK, matchSyllables, normalizePinyin, type PinyinMatch } from '../search/query/pinyin.ts';
import type { ItemRef } from './view.ts';

export interface PlaceEntry {
  id: string;
  name: string;
  /** Names from the province down: ['河南省', '郑州市', '金水区']. */
  path: string[];
  /** Cases reported by the place itself, and with those of the places below it. */
  own: number;
  total: number;
  /** Toneless syllables of the full name, one per character: ['zheng', 'zhou', 'shi']. */
  reading: string[];
}

export interface CaseEntry {
  id: string;
  title: string;
  region: string;
  date: string;
}

export interface Candidate {
  ref: ItemRef;
  /** How well it matches, 0 best (the name or title itself) to 5 (pinyin still being typed). */
  tier: number;
  place?: PlaceEntry | undefined;
  case?: CaseEntry | undefined;
}

/** What was typed, compared without width, case or spaces: ＺＨＥＮＧ zhou → zhengzhou. */
export function normalizeTyped(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s·・,，、/／>›]+/g, '');
}

/** The ways a place's path is typed: 郑州市金水区, 郑州金水, 河南郑州金水, 郑州金水区 … */
function pathForms(path: readonly string[]): string[] {
  const forms = new Set<string>();
  for (let k = 0; k < path.length - 1; k++) {
    const names = path.slice(k);
    const short = names.map(shortRegionName);
    forms.add(names.join(''));
    forms.add(short.join(''));
    forms.add(short.slice(0, -1).join('') + names.at(-1));
  }
  return [...forms];
}

const PINYIN_TIER: Record<PinyinMatch, number> = { whole: 2, abbreviated: 3, prefix: 5 };

function placeTier(q: string, pinyin: string, p: PlaceEntry): number | undefined {
  const short = shortRegionName(p.name);
  if (q === p.id || q === p.name) return 0;
  if (q === short || pathForms(p.path).includes(q)) return 1;
  if (pinyin) {
    // The short name is the start of the full one: its reading is the first syllables.
    const shortReading = p.reading.slice(0, [...short].length);
    const matches = [matchSyllables(pinyin, shortReading), matchSyllables(pinyin, p.reading)].filter(
      (m): m is PinyinMatch => m !== undefined,
    );
    const best = matches.sort((a, b) => MATCH_RANK[b] - MATCH_RANK[a])[0];
    if (best) return PINYIN_TIER[best];
  }
  if (p.name.startsWith(q)) return 3;
  if (p.path.join('').includes(q)) return 4;
  return undefined;
}

function caseTier(q: string, c: CaseEntry): number | undefined {
  const title = normalizeTyped(c.title);
  if (q === c.id || q === title) return 0;
  if ([...q].length >= 2 && title.includes(q)) return 4;
  return undefined;
}

/**
 * Places and cases that match `typed`, best first: by how they match, then places before cases,
 * then places with more cases first. At most `limit`.
 */
export function findCandidates(
  typed: string,
  places: readonly PlaceEntry[],
  cases: readonly CaseEntry[],
  limit = 8,
): Candidate[] {
  const q = normalizeTyped(typed);
  if (!q) return [];
  const pinyin = normalizePinyin(q);
  const found: Candidate[] = [];
  for (const place of places) {
    const tier = placeTier(q, pinyin, place);
    if (tier !== undefined) found.push({ ref: { type: 'region', id: place.id }, tier, place });
  }
  for (const c of cases) {
    const tier = caseTier(q, c);
    if (tier !== undefined) found.push({ ref: { type: 'case', id: c.id }, tier, case: c });
  }
  return found
    .sort(
      (a, b) =>
        a.tier - b.tier ||
        Number(!a.place) - Number(!b.place) ||
        (b.place?.total ?? 0) - (a.place?.total ?? 0) ||
        (a.place?.name ?? a.case!.title).localeCompare(b.place?.name ?? b.case!.title, 'zh-CN'),
    )
    .slice(0, limit);
}

/** The candidate a typed name stands for without a pick from the list: the only one, or clearly the best. */
export function confidentCandidate(candidates: readonly Candidate[]): Candidate | undefined {
  const [first, second] = candidates;
  return first && (!second || second.tier > first.tier) ? first : undefined;
}
