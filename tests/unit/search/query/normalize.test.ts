import { describe, expect, test } from 'vitest';
import { normalize, normalizeWithMap, originalRange } from '../../../../src/lib/search/query/normalize.ts';

describe('normalize', () => {
  test('full-width digits, letters and punctuation become half-width (NFKC), letters lower case', () => {
    expect(normalize('１９８０个学位')).toBe('1980个学位');
    expect(normalize('ＰＩＳＡ（２０１８）％')).toBe('pisa(2018)%');
  });

  test('traditional characters map to simplified with the shipped map', () => {
    const t2s = { 雙: '双', 減: '减', 縣: '县' };
    expect(normalize('雙減', { t2s })).toBe('双减');
    expect(normalize('縣管校聘', { t2s })).toBe('县管校聘');
    expect(normalize('雙減')).toBe('雙減');
  });

  test('whitespace collapses to single spaces, or is dropped in compact mode', () => {
    expect(normalize('  郑州\u3000 二七 ')).toBe('郑州 二七');
    expect(normalize('郑州 二七', { compact: true })).toBe('郑州二七');
  });

  test('compact mode drops quotation and book-title marks, not clause punctuation', () => {
    expect(normalize('完成“县管校聘”改革', { compact: true })).toBe('完成县管校聘改革');
    expect(normalize('《洛阳市中小学布局专项规划》', { compact: true })).toBe('洛阳市中小学布局专项规划');
    expect(normalize('学信·招生', { compact: true })).toBe('学信招生');
    expect(normalize('增强，不断', { compact: true })).toBe('增强,不断');
  });

  test('zero-width characters are dropped', () => {
    expect(normalize('县\u200b管校聘')).toBe('县管校聘');
  });

  test('the map leads from every normalised character back to the input', () => {
    const input = '全部完成“县管校聘”改革，共１４５４所';
    const n = normalizeWithMap(input, { compact: true });
    const at = n.text.indexOf('县管校聘改革');
    expect(input.slice(...originalRange(input, n, at, at + 6))).toBe('县管校聘”改革');
    const num = n.text.indexOf('1454');
    expect(input.slice(...originalRange(input, n, num, num + 4))).toBe('１４５４');
    expect(n.map).toHaveLength(n.text.length + 1);
  });

  test('characters outside the BMP keep their positions', () => {
    const input = '𠀀县管';
    const n = normalizeWithMap(input);
    expect(input.slice(...originalRange(input, n, 1, 3))).toBe('县管');
    expect(input.slice(...originalRange(input, n, 0, 1))).toBe('𠀀');
  });
});
