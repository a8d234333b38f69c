import { describe, expect, test } from 'vitest';
import {
  analyse,
  findAll,
  isRelated,
  literalPieces,
  prepareDoc,
  rank,
  units,
  type PageDoc,
} from '../../../../src/lib/search/engine/match.ts';
import { parseQuery } from '../../../../src/lib/search/query/query.ts';
import { dictionary } from '../fixtures.ts';

const dict = dictionary();

function page(id: string, content: string, extra: Partial<PageDoc> = {}) {
  return prepareDoc({
    id,
    url: `/cases/${id}/`,
    content,
    meta: { title: content.slice(0, 8) },
    filters: { type: ['case'] },
    score: 1,
    ...extra,
  });
}
const analyseQ = (q: string, content: string, extra: Partial<PageDoc> = {}) =>
  analyse(page('p', content, extra), parseQuery(q, dict));

describe('helpers', () => {
  test('findAll finds non-overlapping occurrences up to a cap', () => {
    expect(findAll('aXaXa', 'a')).toEqual([0, 2, 4]);
    expect(findAll('aaaa', 'aa')).toEqual([0, 2]);
    expect(findAll('aaaa', 'a', 2)).toEqual([0, 1]);
    expect(findAll('abc', '')).toEqual([]);
  });

  test('units: letter/digit runs are one unit', () => {
    expect(units('1980个学位')).toEqual(['1980', '个', '学', '位']);
    expect(units('5+2')).toEqual(['5', '+', '2']);
  });

  test('literalPieces: greedy longest pieces, no single Chinese characters', () => {
    expect(literalPieces('县管校聘改革', '推进县管校聘工作')).toEqual({
      pieces: ['县管校聘'],
      covered: 4,
      total: 6,
      longest: 4,
    });
    expect(literalPieces('1980个学位', '新增优质学位1980个')).toMatchObject({
      pieces: ['1980个', '学位'],
      covered: 4,
      total: 4,
    });
    expect(literalPieces('减负', '减轻负担').pieces).toEqual([]);
    expect(literalPieces('1980年', '共1980人').pieces).toEqual(['1980']);
  });
});

describe('analyse', () => {
  test('literal match: level 3, occurrences, title', () => {
    const a = analyseQ('县管校聘', '县管校聘改革。推进县管校聘。');
    expect(a).toMatchObject({ whole: true, levels: [3], count: 2, titleHit: true, coverage: 1 });
    expect(a.terms).toEqual(['县管校聘']);
  });

  test('an alias of the measure counts (level 2), and is what gets highlighted', () => {
    const a = analyseQ('官方带娃', '全面推进课后服务工作，开展暑期托管。');
    expect(a.levels).toEqual([2]);
    expect([...a.terms].sort()).toEqual(['暑期托管', '课后服务'].sort());
  });

  test('the measure tag counts last (level 1)', () => {
    const a = analyseQ('官方带娃', '学校在放学后组织活动。', {
      filters: { type: ['case'], measure: ['after-school-services'] },
    });
    expect(a.levels).toEqual([1]);
    expect(a.whole).toBe(true);
  });

  test('quoted words are exact: no alias, no pieces', () => {
    expect(analyseQ('"官方带娃"', '推进课后服务').whole).toBe(false);
    expect(analyseQ('"团化"', '集团化办学').whole).toBe(true);
    expect(analyseQ('"县管校聘改革"', '推进县管校聘工作').pieces).toEqual([]);
  });

  test('all words must match (AND); the joined phrase is noted', () => {
    expect(analyseQ('郑州 二七', '郑州市二七区教育局').whole).toBe(true);
    expect(analyseQ('郑州 二七', '郑州市二七区教育局').phrase).toBe(false);
    expect(analyseQ('郑州 洛阳', '郑州市二七区').whole).toBe(false);
    expect(analyseQ('1980 个', '新增优质学位1980个').phrase).toBe(true);
  });

  test('single-character over-matches are not results and not related', () => {
    // Pagefind proposes this page for 减负 (减… 负…); it contains neither the word nor a piece
    const a = analyseQ('减负', '压减校外培训，减轻学生过重负担');
    expect(a.whole).toBe(false);
    expect(isRelated(a)).toBe(false);
  });

  test('a longer phrase not in the text falls back to its longest piece (related)', () => {
    const a = analyseQ('县管校聘制度', '推进县管校聘，完善管理');
    expect(a.whole).toBe(false);
    expect(a.pieces).toEqual(['县管校聘']);
    expect(isRelated(a)).toBe(true);
  });

  test('half of the query is not enough to be related', () => {
    expect(isRelated(analyseQ('量子计算', '计算机教室'))).toBe(false);
    expect(isRelated(analyseQ('郑州市教育局', '郑州市第一中学'))).toBe(false);
    expect(isRelated(analyseQ('郑州市教育局', '郑州市第一中学，区教育局'))).toBe(true);
  });

  test('normalised page text: quotes ignored, full-width digits', () => {
    expect(analyseQ('县管校聘改革', '全部完成“县管校聘”改革').whole).toBe(true);
    expect(analyseQ('1454所', '全市１４５４所公办中小学').whole).toBe(true);
  });
});

describe('rank', () => {
  const q = parseQuery('课后服务', dict);
  const items = [
    page('measure-page', '课后服务。课后服务。课后服务。', { filters: { type: ['measure'] } }),
    page('case-few', '推进课后服务'),
    page('case-many', '课后服务全覆盖，课后服务课程，课后服务时间'),
    page('case-alias', '开展暑期托管'),
    page('measure-alias', '暑期托管', { filters: { type: ['measure'] } }),
    page('noise', '课程后勤服务'),
  ].map((doc) => ({ doc, analysis: analyse(doc, q) }));

  test('cases before other pages, literal before alias, more mentions first; noise dropped', () => {
    const { whole, related } = rank(items);
    expect(whole.map((r) => r.doc.id)).toEqual(['case-many', 'case-few', 'case-alias', 'measure-page']);
    expect(related).toEqual([]);
  });

  test('other pages found only through an alias are not results', () => {
    expect(rank(items).whole.map((r) => r.doc.id)).not.toContain('measure-alias');
  });
});
