import { describe, expect, test } from 'vitest';
import { fromIndexText, indexQuery, isUnit, toIndexText } from '../../../src/lib/search/indexText.ts';
import { normalize } from '../../../src/lib/search/normalize.ts';

/** What Pagefind indexes of each word: its alphanumerics, lower-cased. */
const indexed = (content: string) => content.split(' ').map((w) => [...w.toLowerCase()].filter(isUnit).join(''));

/** Pagefind's exact phrase search over the index words. */
function phraseFound(text: string, query: string): boolean {
  const q = indexQuery(normalize(query, { compact: true }));
  if (q.kind !== 'phrase') throw new Error(`not a phrase: ${query}`);
  const words = indexed(toIndexText(text));
  const tokens = q.term.slice(1, -1).split(' ');
  return words.some((_, at) => tokens.every((t, k) => words[at + k] === t));
}

describe('bigram index text', () => {
  test('one word per unit: the unit and the next one; marks kept before their unit', () => {
    expect(toIndexText('完成“县管校聘”改革。')).toBe('完成 成县 “县管 管校 校聘 聘改 ”改革 革。');
    expect(indexed(toIndexText('完成“县管校聘”改革。'))).toEqual([
      '完成',
      '成县',
      '县管',
      '管校',
      '校聘',
      '聘改',
      '改革',
      '革',
    ]);
  });

  test('punctuation other than quotes and spaces ends a bigram', () => {
    expect(indexed(toIndexText('县管，校聘'))).toEqual(['县管', '管', '校聘', '聘']);
  });

  test('units are normalised: full-width digits, traditional characters (with the map)', () => {
    expect(indexed(toIndexText('１９８０個', { 個: '个' }))).toEqual(['19', '98', '80', '0个', '个']);
  });

  test('the text comes back from the index words (for excerpts)', () => {
    for (const text of ['完成“县管校聘”改革。', '郑州 二七区：1980个学位', 'PISA 测试', '“双减”', '，。', '']) {
      expect(fromIndexText(toIndexText(text))).toBe(text.replace(/^\s+|\s+$/g, ''));
    }
  });

  test('a query is the phrase of its bigrams; one unit is a prefix search; none without units', () => {
    expect(indexQuery('县管校聘')).toEqual({ kind: 'phrase', term: '"县管 管校 校聘"' });
    expect(indexQuery('双减')).toEqual({ kind: 'phrase', term: '"双减"' });
    expect(indexQuery('县')).toEqual({ kind: 'unit', term: '县' });
    expect(indexQuery('，。')).toEqual({ kind: 'none' });
    expect(indexQuery('县管，校聘')).toEqual({ kind: 'phrase', term: '"县管 管 校聘"' });
  });

  test('every substring of 2+ units is found exactly where it occurs, nowhere else', () => {
    const text = '推进“县管校聘”管理改革，新增学位1980个。郑州 二七区开展课后服务';
    const compact = normalize(text, { compact: true });
    const units = [...compact].filter(isUnit).join('');
    for (let i = 0; i < units.length; i++) {
      for (let j = i + 2; j <= Math.min(units.length, i + 8); j++) {
        const s = units.slice(i, j);
        expect(phraseFound(text, s), s).toBe(compact.includes(s));
      }
    }
    for (const absent of ['县管校聘管理改', '改革新增', '管校聘”管', '学位1981'])
      expect(phraseFound(text, absent), absent).toBe(compact.includes(normalize(absent, { compact: true })));
  });
});
