/**
 * The loaded vocabulary as the forgiving search uses it: pinyin lookup and did-you-mean
 * behind one small interface (forgive.ts depends on nothing else of the vocabulary).
 * (Not a lazy chunk: a second dynamic import would split Vite's preload helper out of the
 * boot script, one more request on every page to save about 1 KB on a first query.)
 */
import { confidentQuery, suggestQuery } from './suggest.ts';
import { loadVocabulary, lookupPinyin, type PinyinHit, type VocabularyFile } from './vocabulary.ts';

export interface VocabularyTools {
  /** Terms a Latin-letter word reads as, best first. */
  lookup(typed: string): PinyinHit[];
  /** Corrected queries for words that found nothing, best first. */
  suggest(words: readonly string[]): string[];
  /** The one correction sure enough to search at once (suggest.ts `confidentQuery`), if any. */
  correct(words: readonly string[]): string | undefined;
}

export function vocabularyTools(file: VocabularyFile): VocabularyTools {
  const vocab = loadVocabulary(file);
  return {
    lookup: (typed) => lookupPinyin(vocab, typed),
    suggest: (words) => suggestQuery(words, vocab),
    correct: (words) => confidentQuery(words, vocab),
  };
}
