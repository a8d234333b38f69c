import { describe, expect, it } from 'vitest';
import { alignFigures, parseItemRef, queryFromRefs, refsFromQuery } from '../../src/lib/compareView.ts';

describe('compare URL', () => {
  it('reads cases and regions from a, b, c, dropping duplicates and unsafe values', () => {
    expect(refsFromQuery('?a=zhumadian-2024-kuoyou-tizhi&b=410100&c=410100')).toEqual([
      { type: 'case', id: 'zhumadian-2024-kuoyou-tizhi' },
      { type: 'region', id: '410100' },
    ]);
    expect(refsFromQuery('?a=../../etc&b=<script>&d=x')).toEqual([]);
    expect(parseItemRef('  410000 ')).toEqual({ type: 'region', id: '410000' });
    expect(parseItemRef('')).toBeUndefined();
  });
  it('round-trips through the query string', () => {
    const refs = [
      { type: 'case' as const, id: 'x-1' },
      { type: 'region' as const, id: '410300' },
    ];
    expect(refsFromQuery(`?${queryFromRefs(refs)}`)).toEqual(refs);
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
