import { describe, expect, it } from 'vitest';
import { buildRelated } from '../../../src/lib/model/related.ts';

const cases = [
  { id: 'luoyang', measures: ['kgxp', 'principal', 'layout'], region: '410300', city: '410300' },
  { id: 'kaifeng', measures: ['kgxp', 'titles'], region: '410200', city: '410200' },
  { id: 'zhoukou', measures: ['kgxp', 'principal', 'groups'], region: '411600', city: '411600' },
  { id: 'shangjie', measures: ['groups'], region: '410106', city: '410100' },
  { id: 'erqi', measures: ['groups', 'after'], region: '410103', city: '410100' },
  { id: 'alone', measures: ['vocational'], region: '411700', city: '411700' },
];

describe('related cases', () => {
  const relatedTo = buildRelated(cases);
  it('ranks by shared measures, rarer measures weigh more', () => {
    expect(relatedTo(cases[0]!).map((r) => r.item.id)).toEqual(['zhoukou', 'kaifeng']);
    expect(relatedTo(cases[0]!)[0]!.shared).toEqual(['kgxp', 'principal']);
  });
  it('includes same-city cases and never the case itself', () => {
    const r = relatedTo(cases[3]!);
    expect(r.map((x) => x.item.id)).toEqual(['erqi', 'zhoukou']);
    expect(r[0]).toMatchObject({ sameCity: true, sameRegion: false });
  });
  it('returns nothing for a case that shares nothing', () => {
    expect(relatedTo(cases[5]!)).toEqual([]);
  });
  it('respects the limit', () => {
    expect(relatedTo(cases[0]!, 1)).toHaveLength(1);
  });
});
