import { describe, expect, it } from 'vitest';
import { figureSchema } from '../../../src/schemas/figure.ts';
import { SAFE_NUMBER_LIMIT as MAX_FIGURE_VALUE } from '../../../src/schemas/number.ts';
import { parseMetrics } from '../../../src/lib/model/metrics.ts';

const { metrics } = parseMetrics(
  'school-places:\n  - id: new-places\n    name: 新增学位数\n    unit: 个\ngroup-schooling:\n  - id: groups\n    name: 教育集团数\n    unit: 个\n',
  ['school-places', 'group-schooling'],
);
const schema = figureSchema({ measureIds: ['school-places', 'group-schooling'], metrics });
const base = {
  label: '新增学位',
  value: 31.92,
  unit: '万个',
  quote: '新增学位31.92万个',
  measure: 'school-places',
  kind: 'result',
};
const issues = (input: unknown) => {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('figure schema', () => {
  it('accepts a complete figure and drops a null period', () => {
    expect(issues({ ...base, metric: 'new-places', period: { from: 2019 } })).toEqual([]);
    expect(schema.parse({ ...base, period: null }).period).toBeUndefined();
    expect(issues({ ...base, kind: 'target', period: { to: 2026 } })).toEqual([]);
  });
  it('requires kind and rejects unknown keys such as the retired year', () => {
    const { kind: _, ...noKind } = base;
    expect(issues(noKind)[0]).toMatch(/^kind: kind is required: one of result, target, input, context/);
    expect(issues({ ...base, year: 2023 })[0]).toMatch(/^year: unknown key “year”/);
    expect(issues({ ...base, period: { to: 2023, year: 2023 } })[0]).toMatch(/^period: Unrecognized key/);
  });
  it('a target needs its due year', () => {
    expect(issues({ ...base, kind: 'target' })).toEqual([
      'period: a target needs its due year: period: { to: YYYY } as the text states it',
    ]);
    expect(issues({ ...base, kind: 'target', period: { from: 2024 } })).toHaveLength(1);
  });
  it('checks periods', () => {
    expect(issues({ ...base, period: {} })[0]).toContain('a period needs from and/or to');
    expect(issues({ ...base, period: { from: 2024, to: 2020 } })[0]).toContain(
      'period.from must not be after period.to',
    );
    expect(issues({ ...base, period: { to: 2023.5 } })[0]).toContain('whole number');
    expect(issues({ ...base, period: { to: '2023' } })).toHaveLength(1);
  });
  it('a metric must belong to the figure’s measure and its unit must convert', () => {
    expect(issues({ ...base, measure: 'group-schooling', metric: 'new-places' })[0]).toMatch(
      /^metric: metric “new-places” belongs to school-places, not to group-schooling/,
    );
    expect(issues({ ...base, unit: '所', quote: '新增学校31.92所', metric: 'new-places' })[0]).toMatch(
      /^metric: unit “所” does not convert/,
    );
    expect(issues({ ...base, measure: 'nope' })[0]).toContain('unknown measure “nope”');
  });
  it('values are finite and bounded', () => {
    expect(issues({ ...base, value: Number.POSITIVE_INFINITY })).not.toEqual([]);
    expect(issues({ ...base, value: Number.NaN })).not.toEqual([]);
    expect(issues({ ...base, value: MAX_FIGURE_VALUE * 10 })[0]).toContain('at most');
    expect(issues({ ...base, value: -MAX_FIGURE_VALUE })).toEqual([]);
    expect(issues({ ...base, value: '31.92' })).toHaveLength(1);
  });
});
