import { describe, expect, it } from 'vitest';
import { alignFigures, dateSpan, parseItemRef, queryFromRefs, readQuery } from '../../../src/lib/compare/view.ts';

describe('compare URL', () => {
  it('reads ids, codes and typed names from a, b, c, dropping blanks and repeats', () => {
    expect(readQuery('?a=zhumadian-2024-kuoyou-tizhi&b=410100&c=410100')).toEqual({
      values: ['zhumadian-2024-kuoyou-tizhi', '410100'],
      measure: undefined,
    });
    expect(readQuery('?a=%E9%83%91%E5%B7%9E&b=+%20&c=洛阳&measure=county-managed-teachers')).toEqual({
      values: ['郑州', '洛阳'],
      measure: 'county-managed-teachers',
    });
    expect(readQuery('?measure=../x').measure).toBeUndefined();
    expect(readQuery(`?a=${'长'.repeat(500)}`).values[0]).toHaveLength(100);
  });
  it('tells ids and codes from names', () => {
    expect(parseItemRef('  410000 ')).toEqual({ type: 'region', id: '410000' });
    expect(parseItemRef('zhoukou-2024-kuoyou-tizhi')).toEqual({ type: 'case', id: 'zhoukou-2024-kuoyou-tizhi' });
    expect(parseItemRef('郑州')).toBeUndefined();
    expect(parseItemRef('../../etc')).toBeUndefined();
    expect(parseItemRef('')).toBeUndefined();
  });
  it('round-trips through the query string, measure included', () => {
    const refs = [
      { type: 'case' as const, id: 'x-1' },
      { type: 'region' as const, id: '410300' },
    ];
    expect(readQuery(`?${queryFromRefs(refs, 'teacher-rotation')}`)).toEqual({
      values: ['x-1', '410300'],
      measure: 'teacher-rotation',
    });
    expect(queryFromRefs(refs)).toBe('a=x-1&b=410300');
  });
});

describe('dateSpan', () => {
  it('gives a span, and a single date once', () => {
    expect(dateSpan('2022年', '2025年10月11日')).toBe('2022年—2025年10月11日');
    expect(dateSpan('2022年', '2022年')).toBe('2022年');
  });
});

describe('alignFigures', () => {
  it('aligns by metric, shared rows first, in vocabulary order, unmatched last', () => {
    const a = {
      figures: [
        { metric: 'p/new', measure: 'p', v: 1 },
        { metric: 'p/built', measure: 'p', v: 2 },
        { metric: null, measure: 'p', v: 3 },
      ],
    };
    const b = {
      figures: [
        { metric: 'p/built', measure: 'p', v: 4 },
        { metric: 'g/groups', measure: 'g', v: 5 },
        { metric: 'p/built', measure: 'p', v: 6 },
      ],
    };
    const rows = alignFigures([a, b], ['p/new', 'p/built', 'g/groups']);
    expect(rows.map((r) => r.key)).toEqual(['p/built', 'p/new', 'g/groups', 'other:p']);
    expect(rows[0]!.cells.map((c) => c.map((f) => f.v))).toEqual([[2], [4, 6]]);
    expect(rows[1]!.cells[1]).toEqual([]);
  });
});
