/**
 * The forgiving-search vocabulary: the terms people search for — measure names and aliases,
 * themes, regions (full and short names), reporting bodies, then the corpus's frequent
 * words — with their pinyin, for pinyin queries (pinyin.ts) and did-you-mean (suggest.ts).
 *
 * Built at build time (src/pages/search-vocabulary.json.ts) and loaded in the browser only
 * when a query needs it (Latin letters, or nothing found). To stay small it ships each term
 * once and per-character readings once (`chars`); a term's reading is computed from them,
 * and only terms whose reading differs (heteronyms: 银行 yin hang) carry their own.
 * Its size is bounded: at most `maxWords` corpus words, whatever the size of the casebook,
 * counted on at most `maxChars` characters of it (an even sample), so the build stays fast.
 */
import { HAN } from '../../text/han.ts';
import { normalize } from './normalize.ts';
import {
  matchSyllables,
  MATCH_RANK,
  normalizePinyin,
  packCharReadings,
  parseCharReadings,
  readingOf,
  type CharReadings,
  type PinyinMatch,
} from './pinyin.ts';

/** The JSON shipped as search-vocabulary.json. */
export interface VocabularyFile {
  version: 1;
  /** Terms joined by `|`, most wanted first: the `named` first ones are names (measures, regions, bodies …), then corpus words by frequency. */
  terms: string;
  named: number;
  /** Readings that differ from the per-character ones, by term: `{ 银行: 'yin hang' }`. */
  readings: Record<string, string>;
  /** Per-character readings (packCharReadings): the corpus's characters and the common ones (for typed homophones). */
  chars: string;
  /** Latin-letter words of the corpus (STEM, AI …): searched as typed, never as pinyin. */
  latin: string[];
}

export interface VocabEntry {
  term: string;
  /** Toneless reading in context (银行 → yin hang). */
  syllables: string[];
  /** The reading character by character when it differs (a heteronym read either way: 校本 jiao ben / xiao ben). */
  alternate?: string[] | undefined;
  /** Compact reading (xianguanxiaopin). */
  compact: string;
  /** Position in the file (lower is more wanted). */
  rank: number;
  /** A name (measure, alias, theme, region, body), not only a frequent word. */
  named: boolean;
}

export interface Vocabulary {
  entries: VocabEntry[];
  byTerm: ReadonlyMap<string, VocabEntry>;
  chars: CharReadings;
  latin: ReadonlySet<string>;
}

const ALL_HAN = new RegExp(`^${HAN}+$`, 'u');

export function loadVocabulary(file: VocabularyFile): Vocabulary {
  const chars = parseCharReadings(file.chars);
  const entries: VocabEntry[] = [];
  const byTerm = new Map<string, VocabEntry>();
  file.terms.split('|').forEach((term, rank) => {
    if (!term || byTerm.has(term)) return;
    const fromChars = readingOf(term, chars);
    const syllables = file.readings[term]?.split(' ') ?? fromChars ?? [];
    const alternate = fromChars && fromChars.join(' ') !== syllables.join(' ') ? fromChars : undefined;
    const entry = { term, syllables, alternate, compact: syllables.join(''), rank, named: rank < file.named };
    entries.push(entry);
    byTerm.set(term, entry);
  });
  return { entries, byTerm, chars, latin: new Set(file.latin) };
}

export interface PinyinHit {
  entry: VocabEntry;
  match: PinyinMatch;
}

/** Terms whose reading `typed` matches, best first: whole before abbreviated before prefix, names first, then frequency. */
export function lookupPinyin(vocab: Vocabulary, typed: string): PinyinHit[] {
  const p = normalizePinyin(typed);
  if (p.length < 2 || vocab.latin.has(p)) return [];
  const hits: PinyinHit[] = [];
  for (const entry of vocab.entries) {
    if (!entry.syllables.length) continue;
    const matches = [matchSyllables(p, entry.syllables), entry.alternate && matchSyllables(p, entry.alternate)].filter(
      (m): m is PinyinMatch => !!m,
    );
    const match = matches.sort((a, b) => MATCH_RANK[b] - MATCH_RANK[a])[0];
    if (match) hits.push({ entry, match });
  }
  return hits.sort(
    (a, b) =>
      MATCH_RANK[b.match] - MATCH_RANK[a.match] ||
      Number(b.entry.named) - Number(a.entry.named) ||
      // a prefix match: the shortest completion first (shuangj → 双减 before 双减政策)
      (a.match === 'prefix' ? a.entry.syllables.length - b.entry.syllables.length : 0) ||
      a.entry.rank - b.entry.rank,
  );
}

export interface VocabularySource {
  /** Names people search for, most wanted first (measure names, aliases, themes, regions, bodies). */
  names: string[];
  /** The indexed texts (paragraphs, titles …), to count frequent words. */
  corpus: readonly string[];
  /** Segments text into words (Intl.Segmenter at build time). */
  segment: (text: string) => Iterable<string>;
  /** A term's toneless reading, in context (pinyin-pro): 银行 → ['yin', 'hang']. */
  readingOf: (term: string) => string[];
  /** Characters whose reading ships even if not in the corpus (the common characters typed as homophones). */
  commonChars: Iterable<string>;
  /** Most corpus words. @default 1500 */
  maxWords?: number;
  /** Fewest occurrences for a corpus word. @default 3 */
  minCount?: number;
  /**
   * Most characters segmented to count words: a bigger corpus is sampled evenly (every n-th
   * text), since segmenting runs at roughly 100,000 characters a second. @default 400000
   */
  maxChars?: number;
}

/** Builds the vocabulary file (build time). */
export function buildVocabularyFile(src: VocabularySource): VocabularyFile {
  const { maxWords = 1500, minCount = 3, maxChars = 400_000 } = src;
  const norm = (t: string) => normalize(t, { compact: true });
  const names = [...new Set(src.names.map(norm).filter((t) => ALL_HAN.test(t) && [...t].length >= 2))];
  const counts = new Map<string, number>();
  const latin = new Set<string>();
  const total = src.corpus.reduce((n, t) => n + t.length, 0);
  const stride = Math.max(1, Math.ceil(total / maxChars));
  const sample = src.corpus.filter((_, i) => i % stride === 0);
  // Sentence by sentence: ICU's dictionary segmentation slows down sharply on long runs of text.
  for (const text of sample) {
    for (const sentence of text.split(/[\n。！？；]/)) {
      for (const word of src.segment(sentence)) {
        const w = norm(word);
        if (/^[a-z]{2,}$/.test(w)) latin.add(w);
        if (!ALL_HAN.test(w) || [...w].length < 2) continue;
        counts.set(w, (counts.get(w) ?? 0) + 1);
      }
    }
  }
  const known = new Set(names);
  const words = [...counts]
    .filter(([w, n]) => n >= minCount && !known.has(w))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, maxWords)
    .map(([w]) => w);
  const terms = [...names, ...words];

  // Per-character readings: each character as read on its own, for the corpus's characters and the common ones.
  const chars = new Map<string, string>();
  const addChar = (ch: string) => {
    if (chars.has(ch) || !ALL_HAN.test(ch)) return;
    const syl = src.readingOf(ch)[0];
    if (syl && /^[a-z]+$/.test(syl)) chars.set(ch, syl);
  };
  for (const term of terms) for (const ch of term) addChar(ch);
  for (const ch of src.commonChars) addChar(ch);
  const readings: Record<string, string> = {};
  for (const term of terms) {
    const inContext = src.readingOf(term);
    const fromChars = [...term].map((ch) => chars.get(ch) ?? '');
    if (inContext.length === fromChars.length && inContext.join(' ') !== fromChars.join(' '))
      readings[term] = inContext.join(' ');
  }
  return {
    version: 1,
    terms: terms.join('|'),
    named: names.length,
    readings,
    chars: packCharReadings(chars),
    latin: [...latin].sort(),
  };
}
