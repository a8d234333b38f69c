import { describe, expect, it } from 'vitest';
import { barChartLayout, BAR_ROW, groupByMetric } from '../../src/lib/comparison.ts';
import type { Metric } from '../../src/lib/metrics.ts';

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
