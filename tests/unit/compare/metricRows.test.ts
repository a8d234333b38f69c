import { describe, expect, it } from 'vitest';
import {
  axisText,
  barChartLayout,
  BAR_ROW,
  commonScale,
  groupByMetric,
  scaledText,
} from '../../../src/lib/compare/metricRows.ts';
import type { Metric } from '../../../src/lib/model/metrics.ts';

const metric = (id: string): Metric => ({ measure: 'school-places', id, name: id, unit: '个', units: [], terms: [] });
const places = metric('new-places');
const schools = metric('schools-built');

describe('groupByMetric', () => {
  it('groups by metric in vocabulary order, targets apart, largest first', () => {
    const rows = [
      { id: 'a', kind: 'result' as const, metric: places, base: { value: 150000, unit: '个' } },
      { id: 'b', kind: 'target' as const, metric: places, base: { value: 319200, unit: '个' }, period: { to: 2026 } },
      { id: 'c', kind: 'input' as const, metric: schools, base: { value: 26, unit: '所' } },
      { id: 'd', kind: 'result' as const, metric: places, base: { value: 276000, unit: '个' } },
      { id: 'e', kind: 'result' as const },
    ];
    const { groups, unmatched } = groupByMetric(rows, [schools, places]);
    expect(groups.map((g) => g.metric.id)).toEqual(['schools-built', 'new-places']);
    expect(groups[1]!.stated.map((r) => r.id)).toEqual(['d', 'a']);
    expect(groups[1]!.targets.map((r) => r.id)).toEqual(['b']);
    expect(unmatched.map((r) => r.id)).toEqual(['e']);
  });
});

describe('barChartLayout', () => {
  it('scales bars linearly from zero and stacks rows', () => {
    const { bars, height, zero } = barChartLayout([100, 50, 0], (v) => v);
    expect(zero).toBe(0);
    expect(bars.map((b) => b.width)).toEqual([100, 50, 0]);
    expect(bars.map((b) => b.y)).toEqual([0, 1, 2].map((i) => i * (BAR_ROW.label + BAR_ROW.bar + BAR_ROW.gap)));
    expect(height).toBe(3 * (BAR_ROW.label + BAR_ROW.bar + BAR_ROW.gap) - BAR_ROW.gap);
  });
  it('keeps a tiny value visible and handles negatives', () => {
    expect(barChartLayout([1e9, 1], (v) => v).bars[1]!.width).toBeGreaterThan(0);
    const neg = barChartLayout([30, -10], (v) => v);
    expect(neg.zero).toBe(25);
    expect(neg.bars[1]).toMatchObject({ x: 0, width: 25 });
    expect(neg.bars[0]).toMatchObject({ x: 25, width: 75 });
  });
  it('lays out no rows', () => {
    expect(barChartLayout([], (v: number) => v)).toEqual({ bars: [], height: 0, zero: 0 });
  });
});

describe('one unit per metric', () => {
  it('picks 亿 or 万 from the largest value, and leaves shares and small counts alone', () => {
    expect(commonScale([276000, 33990], '个')).toEqual({ unit: '万个', exponent: 4 });
    expect(commonScale([14556000000, 7656000], '元')).toEqual({ unit: '亿元', exponent: 8 });
    expect(commonScale([26, 361, 453], '所')).toEqual({ unit: '所', exponent: 0 });
    expect(commonScale([38.48, 100], '%')).toEqual({ unit: '%', exponent: 0 });
    expect(commonScale([123456], '百分点')).toEqual({ unit: '百分点', exponent: 0 });
    expect(commonScale([], '人')).toEqual({ unit: '人', exponent: 0 });
    expect(commonScale([-50000, 10], '元')).toEqual({ unit: '万元', exponent: 4 });
  });
  it('writes every value of a metric in that unit, exactly', () => {
    const scale = commonScale([276000, 33990], '个');
    expect([276000, 33990].map((v) => scaledText(v, scale))).toEqual(['27.6万个', '3.399万个']);
    expect(scaledText(319200, scale, false)).toBe('31.92');
    const yuan = commonScale([14556000000, 7656000], '元');
    expect(scaledText(7656000, yuan)).toBe('0.07656亿元');
    expect(scaledText(12000, yuan)).toBe('0.00012亿元');
    expect(scaledText(1, yuan)).toBe('0.00000001亿元');
    expect(scaledText(38.48, commonScale([38.48], '%'))).toBe('38.48%');
  });
});

describe('axisText', () => {
  const wan = { unit: '万个', exponent: 4 };
  it('keeps the wording already in the common unit, scales the rest', () => {
    expect(axisText({ value: 27.6, unit: '万个' }, 276000, wan)).toEqual({ text: '27.6万个', qualified: false });
    expect(axisText({ value: 33990, unit: '个' }, 33990, wan)).toEqual({ text: '3.399万个', qualified: false });
    const yi = { unit: '亿元', exponent: 8 };
    expect(axisText({ value: 30, unit: '亿元', display: '30多亿元' }, 3e9, yi).text).toBe('30多亿元');
  });
  it('says when the scaled number drops a qualifier (余, 多, 以上) of the wording', () => {
    expect(axisText({ value: 6, unit: '万名', display: '6万余名' }, 60000, { unit: '人', exponent: 0 })).toEqual({
      text: '60000人',
      qualified: true,
    });
  });
});
