import { describe, expect, test } from 'vitest';
import { chunkSize } from '../../../src/lib/search/chunkSize.ts';

describe('chunkSize', () => {
  test('grows with the part, as the square root of its units', () => {
    const small = chunkSize(2_000_000);
    const large = chunkSize(8_000_000);
    expect(large).toBeGreaterThan(small);
    expect(large / small).toBeCloseTo(2, 1);
  });

  test('stays within Pagefind-sized bounds for tiny and huge parts', () => {
    expect(chunkSize(0)).toBe(1_000);
    expect(chunkSize(-5)).toBe(1_000);
    expect(chunkSize(1e12)).toBe(20_000);
    expect(Number.isInteger(chunkSize(6_543_210))).toBe(true);
  });
});
