/**
 * The casebook's frequent phrases, indexed whole like the known terms (indexText.ts). A phrase
 * that many pages contain (教师队伍, in 85 % of the 10,000 bench cases) is the heaviest query
 * there is as the phrase of its bigrams — each bigram lists every occurrence on every page, and
 * Pagefind matches them position by position (0.5 MB and a second at 10,000 cases) — and one of
 * the lightest as one word (at most five positions a page). Mined when the index is built, from
 * an even sample of the pages: runs of one to three words (Intl.Segmenter) of two to eight units
 * found in at least `MIN_SHARE` of the sampled pages, most frequent first, at most `MAX_PHRASES`.
 * The browser loads the list (search-phrases.json) with Pagefind: a query word on it is one
 * lookup of its whole word.
 */
import { isIndexedTerm, isUnit } from './indexText.ts';

export const PHRASES_FILE = 'search-phrases.json';

export interface PhrasesFile {
  version: 1;
  /** The index's tag (mergeIndex.ts): a list of another build is not used. */
  tag: string;
  phrases: string[];
}

/** Share of the sampled pages a phrase must be in. */
const MIN_SHARE = 0.1;
/** Most phrases: each adds a word of up to five positions to every page that has it. */
const MAX_PHRASES = 500;
/** Characters segmented (ICU segments about 100,000 characters a second). */
const SAMPLE_CHARS = 300_000;
const MAX_WORDS = 3;
const MAX_UNITS = 8;

const onlyUnits = (word: string) => [...word].every(isUnit);

/**
 * Frequent phrases of the pages' `texts`, other than the `known` terms, in a stable order (most
 * frequent first). `normalize` gives a sampled text as the index compares it (normalize.ts, compact).
 */
export function frequentPhrases(
  texts: readonly string[],
  options: {
    normalize: (text: string) => string;
    segment: (text: string) => Iterable<string>;
    known: ReadonlySet<string>;
  },
): string[] {
  const { normalize, segment, known } = options;
  const total = texts.reduce((n, t) => n + t.length, 0);
  const step = Math.max(1, Math.ceil(total / SAMPLE_CHARS));
  const pagesWith = new Map<string, number>();
  let sampled = 0;
  for (let i = 0; i < texts.length; i += step) {
    sampled++;
    const words = [...segment(normalize(texts[i]!))];
    const seen = new Set<string>();
    for (let a = 0; a < words.length; a++) {
      let phrase = '';
      for (let b = a; b < Math.min(words.length, a + MAX_WORDS) && onlyUnits(words[b]!); b++) {
        phrase += words[b];
        if ([...phrase].length > MAX_UNITS) break;
        if (isIndexedTerm(phrase) && !known.has(phrase)) seen.add(phrase);
      }
    }
    for (const p of seen) pagesWith.set(p, (pagesWith.get(p) ?? 0) + 1);
  }
  const min = Math.max(3, Math.ceil(MIN_SHARE * sampled));
  return [...pagesWith]
    .filter(([, n]) => n >= min)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, MAX_PHRASES)
    .map(([p]) => p);
}
