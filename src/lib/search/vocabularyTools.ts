/**
 * The vocabulary with the code that uses it — pinyin lookup and did-you-mean — as one
 * module the browser imports only when a query needs it (runtime.ts), together with
 * search-vocabulary.json; the search code loaded for every query stays small.
 */
import { suggestQuery } from './suggest.ts';
import { loadVocabulary, lookupPinyin, type PinyinHit, type VocabularyFile } from './vocabulary.ts';

export interface VocabularyTools {
  /** Terms a Latin-letter word reads as, best first. */
  lookup(typed: string): PinyinHit[];
  /** Corrected queries for words that found nothing, best first. */
  suggest(words: readonly string[]): string[];
}

export function vocabularyTools(file: VocabularyFile): VocabularyTools {
  const vocab = loadVocabulary(file);
  return { lookup: (typed) => lookupPinyin(vocab, typed), suggest: (words) => suggestQuery(words, vocab) };
}
