import { describe, expect, it } from 'vitest';
import { groupBy } from '../../../src/lib/text/names.ts';

describe('groupBy (names listed once)', () => {
  it('lists each place once, in the order first met, with all its items', () => {
    const cases = [
      { id: 'zk', region: '411600' },
      { id: 'zz-1', region: '410100' },
      { id: 'ly', region: '410300' },
      { id: 'zz-2', region: '410100' },
    ];
    const groups = groupBy(cases, (c) => c.region);
    expect(groups.map((g) => g.key)).toEqual(['411600', '410100', '410300']);
    expect(groups[1]!.items.map((c) => c.id)).toEqual(['zz-1', 'zz-2']);
    expect(groupBy([], String)).toEqual([]);
  });
});
