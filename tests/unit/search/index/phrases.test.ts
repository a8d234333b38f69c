// Frequent phrases (phrases.ts): mined from the pages, indexed whole, looked up as one word with the same results.
import { describe, expect, test } from 'vitest';
import { createSearchEngine } from '../../../../src/lib/search/engine/engine.ts';
import { indexQuery, termWord } from '../../../../src/lib/search/index/indexText.ts';
import { normalize } from '../../../../src/lib/search/query/normalize.ts';
import { frequentPhrases } from '../../../../src/lib/search/index/phrases.ts';
import { chineseSegmenter } from '../../../../src/lib/search/query/question.ts';
import { corpus, dictionary, fakePagefind, pageFacetsOf } from '../fixtures.ts';

const pages = corpus();
const dict = dictionary();
const segment = chineseSegmenter();
const mine = (texts: string[]) =>
  frequentPhrases(texts, { normalize: (t) => normalize(t, { compact: true }), segment, known: dict.indexedTerms });

describe('frequent phrases', () => {
  test('runs of words in enough pages, most frequent first, not the known terms, letters and digits only', () => {
    const texts = [
      ...Array.from({ length: 8 }, () => '加强教师队伍建设，推进课后服务。'),
      ...Array.from({ length: 2 }, () => '罕见的说法只在两页。'),
    ];
    const phrases = mine(texts);
    expect(phrases).toContain('教师队伍');
    expect(phrases).toContain('教师');
    expect(phrases).not.toContain('课后服务'); // a known term already
    expect(phrases).not.toContain('罕见');
    expect(phrases.every((p) => /^[\p{L}\p{N}]{2,8}$/u.test(p))).toBe(true);
    expect(mine(texts)).toEqual(phrases);
  });

  test('a phrase is one lookup of its whole word, with the results of its bigrams', async () => {
    const phrases = mine(pages.map((p) => p.content));
    const word = phrases.find((p) => [...p].length >= 3)!;
    expect(word).toBeDefined();
    const plain = createSearchEngine(fakePagefind(pages), dict, { pageFacets: pageFacetsOf(pages) });
    const pf = fakePagefind(pages, phrases);
    const whole = createSearchEngine(pf, dict, {
      pageFacets: pageFacetsOf(pages),
      phrases: async () => new Set(phrases),
    });
    const a = await plain.query(word);
    const b = await whole.query(word);
    expect(pf.asked).toContain(termWord(word));
    const bigrams = indexQuery(word);
    expect(bigrams.kind).toBe('phrase');
    if (bigrams.kind !== 'none') expect(pf.asked).not.toContain(bigrams.term); // not the phrase of its bigrams
    expect(b.total).toBe(a.total);
    expect(b.total).toBe(pages.filter((p) => normalize(p.content, { compact: true }).includes(word)).length);
    expect(new Set(b.results.map((h) => h.url))).toEqual(new Set(a.results.map((h) => h.url)));
  });
});
