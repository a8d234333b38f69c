/**
 * Query understanding, in front of the engine: what a person typed → what to search.
 * 1. A question loses its question and filler words (question.ts): 哪些地方做了县管校聘改革 → 县管校聘.
 * 2. Latin-letter words that read as a known term are searched as that term (pinyin.ts,
 *    vocabulary.ts), word by word, joining neighbours typed with spaces first
 *    (xian guan xiao pin → 县管校聘): `xgxp 洛阳` → 县管校聘 洛阳. Latin words of the
 *    corpus (STEM) and quoted words stay as typed.
 * The result says what was done, so the page can show it.
 */
import { isPinyinLike } from './pinyin.ts';
import { stripQuestion } from './question.ts';
import type { PinyinHit } from './vocabulary.ts';

export interface PinyinReading {
  /** As typed (xgxp, "xian guan"). */
  typed: string;
  /** The term searched. */
  term: string;
  /** Other terms the letters match, best first. */
  alternatives: string[];
}

export interface Understood {
  /** What the engine searches: words separated by spaces (the typed text when nothing changed). */
  query: string;
  pinyin: PinyinReading[];
  /** Question and filler words dropped. */
  dropped: string[];
}

/** A Latin-letter run (with tone marks, tone digits, ü and apostrophes) or anything else. */
const PARTS = /[a-zA-Z\u00c0-\u024f][a-zA-Z\u00c0-\u024f1-5':]*|[^a-zA-Z\u00c0-\u024f]+/g;

/** Words of a query, with Latin runs split from Han (xgxp洛阳 → xgxp, 洛阳); quoted words kept whole. */
function words(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/"[^"]*"?|\S+/g)) {
    if (m[0].startsWith('"')) out.push(m[0]);
    else out.push(...(m[0].match(PARTS) ?? []));
  }
  return out;
}

/** True when the query has a word that may be pinyin (then the vocabulary is needed). */
export function mayBePinyin(raw: string): boolean {
  return words(raw).some((w) => !w.startsWith('"') && isPinyinLike(w));
}

/** Most Latin words joined into one reading (xian guan xiao pin). */
const MAX_JOINED = 8;

export interface UnderstandOptions {
  segment: (text: string) => Iterable<string>;
  /** Whether a text is a known term (a measure name or alias): filler words inside one are kept. */
  isTerm?: (text: string) => boolean;
  /** The vocabulary's pinyin lookup (vocabularyTools.ts); without it Latin words stay as typed. */
  lookup?: ((typed: string) => PinyinHit[]) | undefined;
}

export function understandQuery(raw: string, options: UnderstandOptions): Understood {
  const question = stripQuestion(raw, options.segment, options.isTerm);
  const parts = words(question ? question.terms.join(' ') : raw);
  const pinyin: PinyinReading[] = [];
  const out: string[] = [];
  const lookup = options.lookup;
  for (let i = 0; i < parts.length;) {
    const part = parts[i]!;
    if (!lookup || part.startsWith('"') || !isPinyinLike(part)) {
      out.push(part);
      i++;
      continue;
    }
    // The longest run of Latin words from here that reads as a term; a prefix only for the run as typed to the end.
    let taken = 0;
    for (let j = Math.min(parts.length, i + MAX_JOINED); j > i && !taken; j--) {
      const run = parts.slice(i, j);
      if (!run.every((p) => !p.startsWith('"') && isPinyinLike(p))) continue;
      const hits = lookup(run.join(''));
      const best = hits[0];
      if (!best || (best.match === 'prefix' && j - i > 1 && j < parts.length)) continue;
      pinyin.push({
        typed: run.join(' '),
        term: best.entry.term,
        alternatives: hits.slice(1, 5).map((h) => h.entry.term),
      });
      out.push(best.entry.term);
      taken = j - i;
    }
    if (!taken) {
      out.push(part);
      taken = 1;
    }
    i += taken;
  }
  const changed = !!question || pinyin.length > 0;
  return { query: changed ? out.join(' ') : raw, pinyin, dropped: question?.dropped ?? [] };
}
