// Key figures: the noun phrase a number measures, the full unit, kind and period as the text
// ties them, ranked by salience, and an exact quote the build accepts.
import { describe, expect, it } from 'vitest';
import { checkFigures } from '../../../../src/lib/model/figures.ts';
import { extractFigures, periodIn } from '../../../../src/lib/ingest/draft/figures.ts';
import { toSimplified } from '../../../../src/lib/ingest/structure/simplified.ts';
import { measures } from '../context.ts';

const ranked = [
  'school-places',
  'group-schooling',
  'sports-football',
  'tutoring-governance',
  'public-kindergartens',
  'after-school-services',
].map((id) => measures.find((m) => m.id === id)!);
const extract = (paragraphs: string[], options: { max?: number; headings?: string[] } = {}) =>
  extractFigures(paragraphs, { measures: ranked, max: 30, ...options });
const row = (f: { label: string; value: number; unit: string }) => [f.label, f.value, f.unit];
const find = (figures: ReturnType<typeof extract>, value: number) => figures.find((f) => f.value === value);

describe('extractFigures', () => {
  it('finds counts, money and percentages with a label and an exact quote the build accepts', () => {
    const p = [
      '2019年以来，累计投入资金23.59亿元，新建中小学26所，新增学位4.34万个；回收小区配套幼儿园37所，占比升至45.85%。',
    ];
    const figures = extract(p);
    expect(figures.map((f) => [...row(f), f.quote]).sort()).toEqual(
      [
        ['投入资金', 23.59, '亿元', '累计投入资金23.59亿元'],
        ['新建中小学', 26, '所', '新建中小学26所'],
        ['新增学位', 4.34, '万个', '新增学位4.34万个'],
        ['回收小区配套幼儿园', 37, '所', '回收小区配套幼儿园37所'],
        ['占比', 45.85, '%', '占比升至45.85%'],
      ].sort(),
    );
    expect(
      checkFigures(
        p,
        figures,
        ranked.map((m) => m.id),
      ),
    ).toEqual([]);
  });

  it('labels the noun phrase, not the left fragment (较2024年, 全国共有)', () => {
    const figures = extract([
      '2025年全市教育经费总投入58.6亿元，较2024年增长12%。',
      '全国共有义务教育阶段学校20.7万所。',
      '2024年本科上线率较2021年提高9.6个百分点。',
    ]);
    expect(row(find(figures, 12)!)).toEqual(['教育经费总投入增长', 12, '%']);
    expect(row(find(figures, 20.7)!)).toEqual(['义务教育阶段学校', 20.7, '万所']);
    expect(row(find(figures, 9.6)!)).toEqual(['本科上线率提高', 9.6, '个百分点']);
    expect(figures.every((f) => !/^(较|比|全国|共有)/.test(f.label))).toBe(true);
  });

  it('labels the noun phrase after a preposition, a leading verb or a scope (issue 22)', () => {
    const figures = extract([
      '在落实省级示范性高中统招生计划50%以上分配到区域内初中学校的基础上，进一步提高分配比例。',
      '成都市作为全国12个义务教育优质均衡先行创建城市之一，全市已有20个区（市）县通过国家评估。',
    ]);
    expect(find(figures, 50)!.label).toBe('省级示范性高中统招生计划');
    expect(find(figures, 12)).toMatchObject({
      label: '义务教育优质均衡先行创建城市',
      quote: '成都市作为全国12个义务教育优质均衡先行创建城市',
    });
  });

  it('keeps the full unit: 个班, 个工作日, 万人次, 亿元, 个百分点', () => {
    const figures = extract([
      '每周提供课后服务5个工作日，组建兴趣社团860个班，参与学生达15.3万人次，投入资金1.2亿元。',
    ]);
    expect(figures.map((f) => [f.value, f.unit]).sort()).toEqual(
      [
        [5, '个工作日'],
        [860, '个班'],
        [15.3, '万人次'],
        [1.2, '亿元'],
      ].sort(),
    );
  });

  it('ties a period only to years the text ties to the number, never to a comparison base', () => {
    const figures = extract([
      '2023年全市基础教育领域总投入145.56亿元，新增学位8.6万个。',
      '全区教育支出达到78.5亿元，较2023年增长11.2%。',
      '2021—2023年，累计培训教师3.1万人次。',
      '截至2024年底，全市共有公办幼儿园320所。',
    ]);
    expect(find(figures, 145.56)).toMatchObject({ label: '基础教育领域总投入', period: { to: 2023 } });
    expect(find(figures, 8.6)).toMatchObject({ label: '新增学位', period: { to: 2023 }, measure: 'school-places' });
    expect(find(figures, 78.5)!.period).toBeUndefined();
    expect(find(figures, 11.2)!.period).toBeUndefined();
    expect(find(figures, 3.1)).toMatchObject({ period: { from: 2021, to: 2023 } });
    expect(find(figures, 320)).toMatchObject({ period: { to: 2024 }, kind: 'context' });
    expect(periodIn('比2018年下降')).toBeUndefined();
    expect(periodIn('十三五期间')).toEqual({ from: 2016, to: 2020 });
    expect(periodIn('2019年以来')).toEqual({ from: 2019 });
  });

  it('tells targets, inputs, context and results apart; a target only with its due year', () => {
    const figures = extract([
      '到2026年，计划新增学位31.92万个，新建改扩建学校120所。',
      '今年计划新增学位2000个。',
      '全年投入资金6.2亿元，招聘教师680名。',
      '全市现有中小学校326所，在校学生41.2万人。',
      '集团化办学覆盖率达到95%。',
    ]);
    expect(find(figures, 31.92)).toMatchObject({ kind: 'target', period: { to: 2026 } });
    expect(find(figures, 120)).toMatchObject({ kind: 'target', period: { to: 2026 } });
    expect(find(figures, 2000)).toBeUndefined();
    expect(find(figures, 6.2)).toMatchObject({ kind: 'input' });
    expect(find(figures, 680)).toMatchObject({ kind: 'input' });
    expect(find(figures, 326)).toMatchObject({ kind: 'context' });
    expect(find(figures, 41.2)).toMatchObject({ kind: 'context' });
    expect(find(figures, 95)).toMatchObject({ kind: 'result', measure: 'group-schooling' });
  });

  it('reads a due year earlier in the sentence, a plan year from the headings, and not a change between years', () => {
    const figures = extract(
      [
        '为此，我们制定了行动方案，明确提出到2026年，全市将新建、改扩建中小学、幼儿园609所。',
        '公办园学位占比要达到50%，将新建改扩建公办幼儿园25所列入市重点民生实事。',
        '财政性教育支出从2018年的74亿元增长到2023年的106亿元，增幅高达43%。',
        '努力向40分钟课堂要质量。',
      ],
      { headings: ['2023年我市教育工作要点'] },
    );
    expect(find(figures, 609)).toMatchObject({ kind: 'target', period: { to: 2026 } });
    expect(find(figures, 50)).toMatchObject({ kind: 'target', period: { to: 2023 } });
    expect(find(figures, 25)).toMatchObject({ kind: 'result' });
    expect(find(figures, 43)).toMatchObject({ kind: 'result' });
    expect(find(figures, 43)!.period).toBeUndefined();
    expect(find(figures, 40)).toBeUndefined();
  });

  it('ranks by salience, not text order: a headline number before a part of it, then caps', () => {
    const p = [
      '全区开展校园开放日活动3次，组织家长会12场。',
      '2024年，全区新增公办义务教育学位2.4万个。其中，与某高校合作举办的附属学校新增学位3000个。',
    ];
    const figures = extract(p, { headings: ['新增学位2.4万个'], max: 2 });
    expect(figures).toHaveLength(2);
    expect(figures[0]).toMatchObject({ value: 2.4, unit: '万个' });
    expect(figures.map((f) => f.value)).not.toContain(3);
    const scores = extract(p).map((f) => f.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('names a count by the noun after it when only a verb comes before', () => {
    expect(extract(['以特色校园足球建设为引领，建成236个全国校园足球特色学校。'])[0]).toMatchObject({
      label: '全国校园足球特色学校',
      value: 236,
      unit: '个',
      quote: '建成236个全国校园足球特色学校',
      measure: 'sports-football',
      kind: 'result',
    });
  });

  it('keeps bounds and approximations as the text states them', () => {
    const figures = extract(['开设课后服务课程不少于400门，惠及学生6万余名，投入30多亿元。']);
    expect(find(figures, 400)).toMatchObject({ label: '开设课后服务课程', display: '不少于400门' });
    expect(find(figures, 6)).toMatchObject({ unit: '万名', display: '6万余名' });
  });

  it('skips years, ordinals, titles, value lists and “from” values', () => {
    const figures = extract([
      '2021年，下发《郑州市深化公办中小学集团化办学实施方案（2021-2025年）》，第3批创建学校今年启动。',
      '学前教育毛入园率、九年义务教育巩固率分别达93.16%、97.96%。',
      '全市证照齐全学科类培训机构由484家压减至85家。',
      '每周5天，第三次会议，一次性补助，从三个方面推进。',
    ]);
    expect(figures.map(row)).toEqual([['证照齐全学科类培训机构', 85, '家']]);
  });

  it('reads numbers as people write them: Chinese numerals, 百分之, 两, ranges, 近/余/多, full-width digits', () => {
    const p = [
      '公办园和普惠性民办园在园幼儿占比应当达到百分之八十以上。',
      '保证学生每天校园体育活动时间不少于一小时，家长学校每学期活动两次以上。',
      '每名责任督学负责3至5所学校，全市新增学位近3000个，惠及三十万人。',
      '全区投入资金１２．５亿元，覆盖率达９５％。',
    ];
    const figures = extract(p);
    expect(find(figures, 80)).toMatchObject({ unit: '%', display: '百分之八十以上' });
    expect(find(figures, 1)).toMatchObject({ unit: '小时', display: '不少于一小时' });
    expect(find(figures, 2)).toMatchObject({ unit: '次', display: '两次以上' });
    expect(find(figures, 3)).toMatchObject({ unit: '所', display: '3至5所', label: '学校' });
    expect(find(figures, 3000)).toMatchObject({ unit: '个', display: '近3000个' });
    expect(find(figures, 30)).toMatchObject({ unit: '万人' });
    expect(
      checkFigures(
        p,
        figures,
        ranked.map((m) => m.id),
      ),
    ).toEqual([]);
  });

  it('finds figures of a traditional text in its simplified copy and quotes them as printed', () => {
    const printed = ['計劃每學期最多發放獎金5萬元，課程涵蓋9個學科，每節輔導限制30分鐘。'];
    const figures = extractFigures(printed, { measures: ranked, max: 30, analysis: printed.map(toSimplified) });
    expect(figures.map((f) => f.quote).join('|')).toMatch(/5萬元/);
    expect(find(figures, 9)).toMatchObject({ unit: '個', quote: expect.stringContaining('9個學科') });
    expect(find(figures, 30)).toMatchObject({ unit: '分鐘' });
    expect(
      checkFigures(
        printed,
        figures,
        ranked.map((m) => m.id),
      ),
    ).toEqual([]);
  });

  it('only proposes quotes and periods that checkFigures and the paragraph support', () => {
    const p = [
      '共计15190名教师获得相应专业技术资格，其中8414人通过直接认定，调整率达100%，监管覆盖率100%。',
      '2022年以来，新建学校5所。',
    ];
    const figures = extract(p);
    expect(figures.length).toBeGreaterThan(0);
    expect(
      checkFigures(
        p,
        figures,
        ranked.map((m) => m.id),
      ),
    ).toEqual([]);
    for (const f of figures)
      for (const y of [f.period?.from, f.period?.to]) if (y) expect(p[f.paragraph]).toContain(String(y));
  });
});

describe('adversarial inputs of 2 MB', () => {
  const big = (unit: string) => unit.repeat(Math.ceil((2 * 1024 * 1024) / (unit.length * 3)));
  it('extracts from a paragraph without punctuation, of brackets or of figures in linear time', () => {
    for (const p of [big('新增学位1个'), big('《（'), big('较2024年增长12%'), big('、1所'), big('课后服务5+2')]) {
      const figures = extractFigures([p], { measures: ranked });
      expect(figures.length).toBeLessThanOrEqual(8);
    }
  }, 120_000);
});
