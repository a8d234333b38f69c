import { describe, expect, it } from 'vitest';
import { sortedOrder } from '../../../src/lib/site/sortKeys.ts';

describe('sortedOrder', () => {
  it('orders numeric keys, empty keys last in both directions, ties stable', () => {
    const keys = ['319200', '', '15000', '276000', '15000', 'x'];
    expect(sortedOrder(keys, 'descending')).toEqual([0, 3, 2, 4, 1, 5]);
    expect(sortedOrder(keys, 'ascending')).toEqual([2, 4, 3, 0, 1, 5]);
    expect(sortedOrder(['2019', '2026', '-5'], 'ascending')).toEqual([2, 0, 1]);
    expect(sortedOrder([], 'ascending')).toEqual([]);
  });
});
