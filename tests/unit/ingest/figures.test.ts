// Key figures: numbers with units, a label, and an exact quote the build accepts.
import { describe, expect, it } from 'vitest';
import { checkFigures } from '../../../src/lib/figures.ts';
import { extractFigures } from '../../../src/lib/ingest/extractFigures.ts';
import { measures } from './context.ts';

const ranked = ['school-places', 'group-schooling', 'sports-football', 'tutoring-governance', 'public-kindergartens'].map((id) => measures.find((m) => m.id === id)!);
const extract = (paragraphs: string[], max?: number) => extractFigures(paragraphs, { measures: ranked, ...(max && { max }) });

describe('extractFigures', () => {
  it('finds counts, money and percentages with a label and an exact quote', () => {
    const p = ['2019年以来，累计投入资金23.59亿元，新建中小学26所，新增学位4.34万个；回收小区配套幼儿园37所，占比升至45.85%。'];
    const figures = extract(p);
    expect(figures.map((f) => [f.label, f.value, f.unit, f.quote])).toEqual([
      ['投入资金', 23.59, '亿元', '累计投入资金23.59亿元'],
      ['新建中小学', 26, '所', '新建中小学26所'],
      ['新增学位', 4.34, '万个', '新增学位4.34万个'],
      ['回收小区配套幼儿园', 37, '所', '回收小区配套幼儿园37所'],
      ['占比', 45.85, '%', '占比升至45.85%'],
    ]);
    expect(checkFigures(p, figures, ranked.map((m) => m.id))).toEqual([]);
  });

  it('names a count by the noun after it when only a verb comes before', () => {
    expect(extract(['以特色校园足球建设为引领，建成236个全国校园足球特色学校。'])[0]).toMatchObject({
      label: '全国校园足球特色学校',
      value: 236,
      unit: '个',
      quote: '建成236个全国校园足球特色学校',
      measure: 'sports-football',
    });
  });

  it('ties a figure to a year printed with it and to a measure its quote names', () => {
    expect(extract(['2023年全市基础教育领域总投入145.56亿元，新增学位8.6万个。'])).toMatchObject([
      { label: '基础教育领域总投入', value: 145.56, unit: '亿元', year: 2023 },
      { label: '新增学位', measure: 'school-places' },
    ]);
  });

  it('skips years, ordinals, titles, value lists and “from” values', () => {
    const figures = extract([
      '2021年，下发《郑州市深化公办中小学集团化办学实施方案（2021-2025年）》，第3批创建学校今年启动。',
      '学前教育毛入园率、九年义务教育巩固率分别达93.16%、97.96%。',
      '全市证照齐全学科类培训机构由484家压减至85家。',
    ]);
    expect(figures.map((f) => [f.label, f.value])).toEqual([['证照齐全学科类培训机构', 85]]);
  });

  it('keeps at most `max`, the best scored, in text order', () => {
    const p = ['新增学位100个，新增学位200个，新建学校3所，投入资金5亿元，占比达50%，招聘教师60人。'];
    const figures = extract(p, 3);
    expect(figures).toHaveLength(3);
    expect(figures.map((f) => f.paragraph)).toEqual([0, 0, 0]);
    expect(figures.map((f) => f.quote)).toEqual(expect.arrayContaining(['投入资金5亿元']));
  });

  it('only proposes quotes that checkFigures accepts', () => {
    const p = ['共计15190名教师获得相应专业技术资格，其中8414人通过直接认定，调整率达100%，监管覆盖率100%。'];
    const figures = extract(p);
    expect(figures.length).toBeGreaterThan(0);
    expect(checkFigures(p, figures, ranked.map((m) => m.id))).toEqual([]);
  });
});
