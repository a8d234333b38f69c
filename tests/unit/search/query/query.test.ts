import { describe, expect, test } from 'vitest';
import { parseQuery } from '../../../../src/lib/search/query/query.ts';
import { buildDictionary, buildT2S } from '../../../../src/lib/search/query/terms.ts';
import { dictionary } from '../fixtures.ts';
import { readMeasures } from '../../../../src/lib/content/contentFiles.ts';
import { countHan } from '../../../../src/lib/text/han.ts';

const dict = dictionary();

describe('parseQuery', () => {
  test('whitespace separates words (all must match)', () => {
    const q = parseQuery('郑州  二七', dict);
    expect(q.words.map((w) => w.text)).toEqual(['郑州', '二七']);
    expect(q.phrase).toBe('郑州二七');
    expect(q.normalized).toBe('郑州 二七');
  });

  test('"double quotes" make one exact word without variants', () => {
    const q = parseQuery('"团化" "教师 轮岗"', dict);
    expect(q.words).toEqual([
      { text: '团化', quoted: true, variants: [], measures: [] },
      { text: '教师轮岗', quoted: true, variants: [], measures: [] },
    ]);
  });

  test('an unclosed quote still gives a word', () => {
    expect(parseQuery('"县管校聘', dict).words[0]).toMatchObject({ text: '县管校聘', quoted: true });
  });

  test('punctuation around a word is dropped, inside it is kept', () => {
    expect(parseQuery('“双减”，', dict).words.map((w) => w.text)).toEqual(['双减']);
    expect(parseQuery('5+2', dict).words.map((w) => w.text)).toEqual(['5+2']);
    expect(parseQuery('学位1980个，有效', dict).words.map((w) => w.text)).toEqual(['学位1980个,有效']);
    expect(parseQuery('，。！', dict).words).toEqual([]);
  });

  test('quotation marks inside a word are ignored like in the page text', () => {
    expect(parseQuery('完成“县管校聘”改革', dict).words.map((w) => w.text)).toEqual(['完成县管校聘改革']);
  });

  test('full-width and traditional input is normalised, and flagged as converted', () => {
    const q = parseQuery('雙減 １９８０个', dict);
    expect(q.words.map((w) => w.text)).toEqual(['双减', '1980个']);
    expect(q.converted).toBe(true);
    expect(parseQuery('双减 1980个', dict).converted).toBe(false);
  });

  test('a measure alias carries the measure name and its other aliases', () => {
    const q = parseQuery('官方带娃', dict);
    expect(q.words[0]!.measures).toEqual(['after-school-services']);
    expect(q.words[0]!.variants).toContain('课后服务');
    expect(q.words[0]!.variants).toContain('5+2');
    expect(q.words[0]!.variants).not.toContain('官方带娃');
    expect(q.hints).toEqual(['after-school-services']);
  });

  test('教师轮岗 → 教师交流轮岗', () => {
    const q = parseQuery('教师轮岗', dict);
    expect(q.hints).toEqual(['teacher-rotation']);
    expect(q.words[0]!.variants[0]).toBe('教师交流轮岗');
  });

  test('a longer word containing a measure name gives a hint but no variants', () => {
    const q = parseQuery('县管校聘改革', dict);
    expect(q.hints).toEqual(['county-managed-teachers']);
    expect(q.words[0]!.variants).toEqual([]);
  });

  test('short aliases do not give hints from inside longer words', () => {
    // e.g. 双减 is a measure name, but 双减生 is not about that measure by itself
    const terms = readMeasures().flatMap((m) => [m.name, ...m.aliases].map((term) => ({ term, id: m.id })));
    const short = terms.find(
      ({ term }) =>
        [...term].length === 2 && countHan(term) === 2 && !terms.some((o) => o.term !== term && o.term.includes(term)),
    );
    expect(short, 'the taxonomy has a two-character term').toBeDefined();
    expect(parseQuery(`${short!.term}生`, dict).hints).toEqual([]);
    expect(parseQuery(short!.term, dict).hints).toContain(short!.id);
  });

  test('quoted words give hints but are not expanded', () => {
    const q = parseQuery('"双减"', dict);
    expect(q.words[0]!.variants).toEqual([]);
    expect(q.hints).toEqual(['double-reduction']);
  });

  test('no dictionary: no hints, no variants', () => {
    const empty = buildDictionary({ version: 1, measures: [], t2s: {} });
    expect(parseQuery('官方带娃', empty).words[0]!.variants).toEqual([]);
  });
});

describe('buildT2S', () => {
  test('keeps only conversions into characters of the corpus', () => {
    const convert = (s: string) => s.replace(/雙/g, '双').replace(/減/g, '减').replace(/龍/g, '龙');
    expect(buildT2S('双减政策', ['雙', '減', '龍', '政'], convert)).toEqual({ 雙: '双', 減: '减' });
  });
});
