import { describe, expect, test } from 'vitest';
import { pinyin } from 'pinyin-pro';
import {
  matchSyllables,
  normalizePinyin,
  packCharReadings,
  parseCharReadings,
  readingOf,
} from '../../../../src/lib/search/query/pinyin.ts';
import { chineseSegmenter, stripQuestion } from '../../../../src/lib/search/query/question.ts';
import { createSequencer } from '../../../../src/lib/search/engine/sequence.ts';
import { confidentQuery, confidentWord, suggestQuery, suggestWord } from '../../../../src/lib/search/query/suggest.ts';
import { editDistance } from '../../../../src/lib/text/editDistance.ts';
import { createSearchEngine } from '../../../../src/lib/search/engine/engine.ts';
import { forgivingSearch } from '../../../../src/lib/search/query/forgive.ts';
import { vocabularyTools } from '../../../../src/lib/search/query/vocabularyTools.ts';
import { mayBePinyin, understandQuery } from '../../../../src/lib/search/query/understand.ts';
import { buildVocabularyFile, loadVocabulary, lookupPinyin } from '../../../../src/lib/search/query/vocabulary.ts';
import { corpus, dictionary, fakePagefind, measures, pageFacetsOf } from '../fixtures.ts';

const segment = chineseSegmenter();
const readingOfTerm = (t: string) => pinyin(t, { toneType: 'none', type: 'array', v: true });
const pages = corpus();
const names = [
  ...measures.flatMap((m) => [m.name, ...m.aliases]),
  '郑州市',
  '郑州',
  '洛阳市',
  '洛阳',
  '二七区',
  '二七',
  '驻马店市',
  '驻马店',
];
const file = buildVocabularyFile({
  names,
  corpus: pages.map((p) => p.content),
  segment,
  readingOf: readingOfTerm,
  commonChars: [...'官管关观冠剑件建见县现线'],
});
const vocab = loadVocabulary(file);
const lookup = (typed: string) => lookupPinyin(vocab, typed);

describe('pinyin', () => {
  test('typed pinyin is normalised: case, tones, tone digits, ü, spaces, apostrophes', () => {
    expect(normalizePinyin('Shuāng Jiǎn')).toBe('shuangjian');
    expect(normalizePinyin('shuang1jian3')).toBe('shuangjian');
    expect(normalizePinyin('nǚ ér')).toBe('nver');
    expect(normalizePinyin("xi'an")).toBe('xian');
    expect(normalizePinyin('nu:')).toBe('nv');
    expect(normalizePinyin('5+2')).toBe('');
    expect(normalizePinyin('县管')).toBe('');
  });

  test('syllables match in full, by initials (zh/ch/sh too), or as a prefix while typing', () => {
    const s = ['xian', 'guan', 'xiao', 'pin'];
    expect(matchSyllables('xianguanxiaopin', s)).toBe('whole');
    expect(matchSyllables('xgxp', s)).toBe('abbreviated');
    expect(matchSyllables('xgxiaop', s)).toBe('abbreviated');
    expect(matchSyllables('xianguan', s)).toBe('prefix');
    expect(matchSyllables('xiangu', s)).toBe('prefix');
    expect(matchSyllables('xg', s)).toBeUndefined(); // too short for a prefix
    expect(matchSyllables('zhzh', ['zheng', 'zhou'])).toBe('abbreviated');
    // A syllable is not typed by any cut of it: xian is not xiang's initial.
    expect(matchSyllables('xianguan', ['xiang', 'guan'])).toBeUndefined();
    expect(matchSyllables('xgxpa', s)).toBeUndefined();
  });

  test('per-character readings pack and unpack', () => {
    const packed = packCharReadings(
      new Map([
        ['管', 'guan'],
        ['官', 'guan'],
        ['双', 'shuang'],
      ]),
    );
    expect(packed).toBe('guan管官shuang双');
    const chars = parseCharReadings(packed);
    expect(readingOf('官管', chars)).toEqual(['guan', 'guan']);
    expect(readingOf('官x', chars)).toBeUndefined();
  });
});

describe('vocabulary', () => {
  test('names first, then frequent corpus words; Han terms of 2+ characters only; heteronyms keep their reading', () => {
    const terms = file.terms.split('|');
    expect(terms.slice(0, file.named)).toContain('县管校聘');
    expect(terms.slice(0, file.named)).not.toContain('5+2');
    expect(terms.slice(file.named).length).toBeGreaterThan(0);
    expect(terms.every((t) => /^[\u4e00-\u9fff]{2,}$/.test(t))).toBe(true);
    const principal = vocab.byTerm.get('校长');
    if (principal) expect(principal.syllables).toEqual(['xiao', 'zhang']);
  });

  test('a big corpus is sampled: the frequent words are still found', () => {
    const texts = pages.map((p) => p.content);
    const sampled = buildVocabularyFile({
      names: [],
      corpus: [...texts, ...texts, ...texts, ...texts],
      segment,
      readingOf: readingOfTerm,
      commonChars: [],
      maxChars: texts.join('').length,
    });
    const whole = buildVocabularyFile({ names: [], corpus: texts, segment, readingOf: readingOfTerm, commonChars: [] });
    expect(sampled.terms.split('|').slice(0, 20)).toEqual(whole.terms.split('|').slice(0, 20));
  });

  test('the corpus-word list is bounded whatever the corpus size', () => {
    const big = buildVocabularyFile({
      names: [],
      corpus: [...pages, ...pages, ...pages].map((p) => p.content),
      segment,
      readingOf: readingOfTerm,
      commonChars: [],
      maxWords: 50,
      minCount: 1,
    });
    expect(big.terms.split('|')).toHaveLength(50);
  });

  test('lookup: every measure name by its full reading, spaced or not, and by its initials', () => {
    for (const m of measures.filter((x) => /^[\u4e00-\u9fff]+$/.test(x.name))) {
      const r = readingOfTerm(m.name);
      expect(lookupPinyin(vocab, r.join(''))[0]?.entry.term, r.join('')).toBeDefined();
      expect(lookupPinyin(vocab, r.join('')).map((h) => h.entry.term)).toContain(m.name);
      expect(
        lookupPinyin(vocab, r.map((s) => s[0]).join('')).map((h) => h.entry.term),
        m.name,
      ).toContain(m.name);
    }
    expect(lookupPinyin(vocab, 'xgxp')[0]?.entry.term).toBe('县管校聘');
    expect(lookupPinyin(vocab, 'x')).toEqual([]);
  });
});

describe('questions', () => {
  test('question and filler words are dropped, the runs between them kept', () => {
    expect(stripQuestion('哪些地方做了县管校聘改革', segment)).toEqual({
      terms: ['县管校聘'],
      dropped: ['哪些', '地方', '做了', '改革'],
    });
    expect(stripQuestion('郑州怎么做课后服务的？', segment)?.terms).toEqual(['郑州', '课后服务']);
    expect(stripQuestion('洛阳有没有集团化办学案例', segment)?.terms).toEqual(['洛阳', '集团化办学']);
  });

  test('a query that asks nothing is left alone; a filler inside a known term stays', () => {
    expect(stripQuestion('县管校聘改革', segment)).toBeUndefined();
    expect(stripQuestion('双减', segment)).toBeUndefined();
    expect(stripQuestion('哪些', segment)).toBeUndefined();
    const isTerm = (t: string) => t === '教育评价改革';
    expect(stripQuestion('哪些地方做了教育评价改革', segment, isTerm)?.terms).toEqual(['教育评价改革']);
  });
});

describe('understanding a query', () => {
  test('pinyin words become terms, word by word, neighbours joined first', () => {
    expect(understandQuery('xgxp 洛阳', { segment, lookup }).query).toBe('县管校聘 洛阳');
    expect(understandQuery('xgxp洛阳', { segment, lookup }).query).toBe('县管校聘 洛阳');
    expect(understandQuery('xian guan xiao pin', { segment, lookup })).toMatchObject({
      query: '县管校聘',
      pinyin: [{ typed: 'xian guan xiao pin', term: '县管校聘' }],
    });
    expect(understandQuery('shuangjian kehoufuwu', { segment, lookup }).query).toBe('双减 课后服务');
  });

  test('without the vocabulary, quoted, or not pinyin: as typed', () => {
    expect(understandQuery('xgxp', { segment }).query).toBe('xgxp');
    expect(understandQuery('"xgxp"', { segment, lookup }).query).toBe('"xgxp"');
    expect(understandQuery('县管校聘', { segment, lookup })).toEqual({ query: '县管校聘', pinyin: [], dropped: [] });
    expect(mayBePinyin('县管校聘 1980')).toBe(false);
    expect(mayBePinyin('xgxp 洛阳')).toBe(true);
  });

  test('a question in pinyin', () => {
    expect(understandQuery('哪些地方做了xgxp', { segment, lookup }).query).toBe('县管校聘');
  });
});

describe('did-you-mean', () => {
  test('edit distance over code points, bounded', () => {
    expect(editDistance('县官校聘', '县管校聘')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abcdef', 'x', 2)).toBe(3);
  });

  test('homophone and one-character typos, in a longer word too, Latin typos by reading', () => {
    expect(suggestWord('县官校聘', vocab)[0]).toBe('县管校聘');
    expect(suggestWord('县官校聘改革', vocab)[0]).toBe('县管校聘改革');
    expect(suggestWord('shaungjian', vocab)[0]).toBe('双减');
    expect(suggestWord('县管校聘', vocab)).toEqual([]);
    expect(suggestQuery(['县官校聘', '洛阳'], vocab)[0]).toBe('县管校聘 洛阳');
    expect(suggestQuery(['量子计算'], vocab)).toEqual([]);
  });
});

describe('a sure correction shows its results', () => {
  test('a word that reads as one term only is sure; a one-character typo or a tie is only offered', () => {
    expect(confidentWord('县官校聘', vocab)).toBe('县管校聘');
    expect(confidentWord('县官校聘改革', vocab)).toBe('县管校聘改革');
    expect(confidentQuery(['县官校聘', '洛阳'], vocab)).toBe('县管校聘 洛阳');
    expect(confidentQuery(['县管校聘'], vocab)).toBeUndefined();
    expect(confidentQuery(['量子计算'], vocab)).toBeUndefined();
    // One character off without reading the same: a guess, offered (did-you-mean) but not taken.
    expect(suggestWord('县营校聘', vocab)[0]).toBe('县管校聘');
    expect(confidentWord('县营校聘', vocab)).toBeUndefined();
    // Two terms read the same: no sure choice.
    const tie = loadVocabulary(
      buildVocabularyFile({
        names: ['公式', '公示'],
        corpus: [],
        segment,
        readingOf: readingOfTerm,
        commonChars: [...'工事'],
      }),
    );
    expect(suggestWord('工事', tie).sort()).toEqual(['公式', '公示']);
    expect(confidentWord('工事', tie)).toBeUndefined();
  });

  test('the search shows the corrected query’s results, and what was typed stays one click away (quoted: never corrected)', async () => {
    const engine = createSearchEngine(fakePagefind(pages), dictionary(), { pageFacets: pageFacetsOf(pages) });
    const tools = vocabularyTools(file);
    const options = { segment, vocabulary: async () => tools };
    const typed = await forgivingSearch(engine, '县官校聘', options);
    const right = await forgivingSearch(engine, '县管校聘', options);
    expect(typed.corrected).toEqual({ from: '县官校聘', to: '县管校聘' });
    expect(typed.outcome.fallback).toBe(false);
    expect(typed.outcome.total).toBe(right.outcome.total);
    expect(typed.outcome.results.map((h) => h.url)).toEqual(right.outcome.results.map((h) => h.url));
    const exact = await forgivingSearch(engine, '"县官校聘"', options);
    expect(exact.corrected).toBeUndefined();
    expect(exact.outcome.query.words[0]!.text).toBe('县官校聘');
    // Unsure: the corrections are offered, the typed query's own (related) results shown.
    const unsure = await forgivingSearch(engine, '县营校聘', options);
    expect(unsure.corrected).toBeUndefined();
    expect(unsure.suggestions[0]).toBe('县管校聘');
  });
});

test('sequencer: the latest request wins, cancel makes all stale', () => {
  const s = createSequencer();
  const a = s.start();
  const b = s.start();
  expect(a()).toBe(false);
  expect(b()).toBe(true);
  s.cancel();
  expect(b()).toBe(false);
});
