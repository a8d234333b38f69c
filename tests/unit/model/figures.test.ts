import { describe, expect, it } from 'vitest';
import {
  checkFigures,
  figureText,
  fiveYearPlan,
  numberAppearsIn,
  periodKey,
  periodText,
} from '../../../src/lib/model/figures.ts';

const paragraphs = ['新增优质学位1980个，有效缓解供需紧张。', '十年来累计投入30多亿元，占比38.48%。'];
const fig = (f: Partial<Parameters<typeof checkFigures>[1][number]>) => ({
  label: 'x',
  value: 1980,
  unit: '个',
  quote: '新增优质学位1980个',
  ...f,
});

describe('figure checks', () => {
  it('accepts a quote found verbatim in one paragraph', () => {
    expect(checkFigures(paragraphs, [fig({})], [])).toEqual([]);
  });
  it('rejects a quote that is not in the text', () => {
    expect(checkFigures(paragraphs, [fig({ quote: '新增优质学位1981个' })], [])).toEqual([
      {
        figure: 0,
        message: 'quote “新增优质学位1981个” is not in the case text (copy the exact phrase from one paragraph)',
      },
    ]);
  });
  it('rejects a quote that spans two paragraphs', () => {
    expect(checkFigures(paragraphs, [fig({ quote: '紧张。十年来', value: 10 })], [])).toHaveLength(1);
  });
  it('rejects a value that its quote does not state', () => {
    expect(checkFigures(paragraphs, [fig({ value: 1908 })], [])[0]!.message).toContain('value 1908 does not appear');
  });
  it('checks display text and the figure measure', () => {
    expect(
      checkFigures(paragraphs, [fig({ value: 30, unit: '亿元', quote: '累计投入30多亿元', display: '30多亿元' })], []),
    ).toEqual([]);
    expect(
      checkFigures(paragraphs, [fig({ value: 30, unit: '亿元', quote: '累计投入30多亿元', display: '30亿元' })], []),
    ).toHaveLength(1);
    expect(checkFigures(paragraphs, [fig({ measure: 'school-places' })], ['group-schooling'])[0]!.message).toContain(
      'measure “school-places” is not one of this case',
    );
  });
  it('reads decimals, percentages and grouped thousands', () => {
    expect(numberAppearsIn(38.48, '占比38.48%')).toBe(true);
    expect(numberAppearsIn(1980, '学位1,980个')).toBe(true);
    expect(numberAppearsIn(198, '学位1980个')).toBe(false);
  });
});

describe('figures state what the text states', () => {
  it('rejects a unit the quote does not use', () => {
    expect(checkFigures(paragraphs, [fig({ unit: '所' })], [])[0]!.message).toContain('does not state 1980所');
    expect(
      checkFigures(['配套资金12.0亿元。'], [fig({ value: 12, unit: '亿元', quote: '配套资金12.0亿元' })], []),
    ).toEqual([]);
  });
  it('requires display when the text qualifies the number (多/余/以上)', () => {
    const p = ['普惠率要保持在85%以上，培养名师9700余名。'];
    expect(checkFigures(p, [fig({ value: 85, unit: '%', quote: '普惠率要保持在85%以上' })], [])[0]!.message).toContain(
      'set display so the page keeps',
    );
    expect(
      checkFigures(p, [fig({ value: 85, unit: '%', quote: '普惠率要保持在85%以上', display: '85%以上' })], []),
    ).toEqual([]);
    expect(checkFigures(p, [fig({ value: 9700, unit: '名', quote: '培养名师9700余名' })], [])[0]!.message).toContain(
      'does not state 9700名',
    );
  });
  it('accepts a period only when the paragraph (or the title of an annual plan) states it', () => {
    const p = [
      '2023年全市基础教育领域总投入145.56亿元。',
      '今年底公办园学位占比要达到50%。',
      '十三五期间，新增学位27.6万个。',
    ];
    expect(
      checkFigures(p, [fig({ value: 145.56, unit: '亿元', quote: '总投入145.56亿元', period: { to: 2023 } })], []),
    ).toEqual([]);
    const target = fig({ value: 50, unit: '%', quote: '学位占比要达到50%', kind: 'target', period: { to: 2023 } });
    expect(checkFigures(p, [target], [])[0]!.message).toContain('period 至2023年 is not stated');
    expect(checkFigures(p, [target], [], { titles: ['郑州市2023年教育工作部署'] })).toEqual([]);
    expect(checkFigures(p, [target], [], { titles: ['2023'] })).toHaveLength(1);
    const plan = fig({ value: 27.6, unit: '万个', quote: '新增学位27.6万个' });
    expect(checkFigures(p, [{ ...plan, period: { from: 2016, to: 2020 } }], [])).toEqual([]);
    expect(checkFigures(p, [{ ...plan, period: { from: 2016, to: 2021 } }], [])).toHaveLength(1);
    expect(checkFigures(p, [{ ...plan, period: { from: 2021, to: 2025 } }], [])).toHaveLength(1);
  });
  it('reads periods as the text would', () => {
    expect(periodText({ to: 2023 })).toBe('2023年');
    expect(periodText({ to: 2026 }, 'target')).toBe('至2026年');
    expect(periodText({ from: 2016, to: 2020 })).toBe('2016—2020年');
    expect(periodText({ from: 2019 })).toBe('2019年以来');
    expect(periodText(undefined)).toBeUndefined();
    expect(fiveYearPlan({ from: 2016, to: 2020 })).toBe('十三五');
    expect(periodKey({ from: 2019 })).toBe(2019);
    expect(periodKey({ from: 2016, to: 2020 })).toBe(2020);
  });
  it('shows the figure as the text states it', () => {
    expect(figureText({ value: 30, unit: '亿元', display: '30多亿元' })).toBe('30多亿元');
    expect(figureText({ value: 1980, unit: '个' })).toBe('1980个');
  });
});
