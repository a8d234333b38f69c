import { describe, expect, test } from 'vitest';
import {
  fromIndexText,
  indexContent,
  indexQuery,
  isIndexedTerm,
  isTermWord,
  isUnit,
  namedWord,
  termWord,
  toIndexText,
} from '../../../../src/lib/search/index/indexText.ts';
import { normalize } from '../../../../src/lib/search/query/normalize.ts';

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

describe('whole terms in the index', () => {
  const terms = ['县管校聘', '课后服务', '官方带娃'];
  const known =
    (whole: string[], named: string[] = []) =>
    () => ({ whole, named });

  test('a record holds one word per occurrence of each known term in its text (at most 5), before its bigrams', () => {
    const text = '推进“县管校聘”改革。县管校聘，县管校聘；课后服务';
    const content = indexContent(text, known(terms));
    const words = content.split(' ');
    expect(words.filter((w) => w === termWord('县管校聘'))).toHaveLength(3);
    expect(words.filter((w) => w === termWord('课后服务'))).toHaveLength(1);
    expect(words.some((w) => w === termWord('官方带娃'))).toBe(false);
    expect(content.endsWith(toIndexText(text))).toBe(true);
    const many = indexContent('县管校聘'.repeat(9), known(terms));
    expect(many.split(' ').filter((w) => w === termWord('县管校聘'))).toHaveLength(5);
  });

  test('a term is found as the literal matcher finds it: across quotes and spaces, in traditional characters', () => {
    expect(indexContent('推进“县管 校聘”', known(terms)).split(' ')).toContain(termWord('县管校聘'));
    expect(indexContent('縣管校聘', known(terms), { 縣: '县' }).split(' ')).toContain(termWord('县管校聘'));
    expect(indexContent('县管，校聘', known(terms)).split(' ')).not.toContain(termWord('县管校聘'));
  });

  test('the text comes back without the term words', () => {
    const text = '推进“县管校聘”改革，课后服务全覆盖。';
    expect(fromIndexText(indexContent(text, known(terms)))).toBe(text);
  });

  test('the marking letters are dropped from a text: no word of it starts with one, so no term lookup falls back to it', () => {
    const text = `${termWord('县管校聘')}与\u16a0\u16a1，\u16a0县`;
    const content = indexContent(text, known([]));
    expect(content).not.toMatch(/[\u16a0\u16a1]/);
    expect(fromIndexText(content)).toBe('县管校聘与，县');
    // The text's own term word is still found where the text contains the term.
    expect(indexContent(text, known(['县管校聘'])).split(' ')).toContain(termWord('县管校聘'));
  });

  test('indexed whole: two units or more, letters and digits only, lower case', () => {
    expect(isIndexedTerm('县管校聘')).toBe(true);
    expect(isIndexedTerm('5加2')).toBe(true);
    expect(isIndexedTerm('双减')).toBe(true);
    expect(isIndexedTerm('县')).toBe(false); // one unit: a prefix search
    expect(isIndexedTerm('5+2')).toBe(false); // Pagefind would drop the +
    expect(isIndexedTerm('名校+')).toBe(false);
    expect(isIndexedTerm('PISA')).toBe(false);
    expect(isIndexedTerm('\u16a0县管')).toBe(false);
  });

  test('the terms that find a case without being in its text get their named word, the others not', () => {
    const content = indexContent('课后服务全覆盖', known(terms, ['课后服务', '官方带娃', '5+2', '课后服务']));
    const words = content.split(' ');
    expect(words).toContain(termWord('课后服务'));
    expect(words).not.toContain(namedWord('课后服务'));
    expect(words.filter((w) => w === namedWord('官方带娃'))).toHaveLength(1);
    // Not letters and digits only: looked up by its bigrams, so its word is on every page it names.
    expect(namedWord('5+2')).toBe(namedWord('52'));
    expect(indexContent('实行5+2模式', known([], ['5+2'])).split(' ')).toContain(namedWord('5+2'));
    expect(words.every((w) => !isTermWord(w) || w.startsWith('\u16a0'))).toBe(true);
    expect(fromIndexText(content)).toBe('课后服务全覆盖');
  });
});
