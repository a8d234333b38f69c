import { describe, expect, test } from 'vitest';
import { chunkSizes } from '../../../../src/lib/search/pagefind/chunkSize.ts';

describe('index chunk sizes', () => {
  test('grow with the index as √ of its size, between 2 kB and 96 kB; term chunks a quarter', () => {
    const small = chunkSizes(200_000); // the ten real cases: ~0.2 MB of chunks
    const large = chunkSizes(110_000_000); // 10,000 synthetic cases
    expect(small.words).toBeLessThan(5_000);
    expect(large.words).toBeGreaterThan(80_000);
    expect(chunkSizes(1e12).words).toBe(96_000);
    expect(chunkSizes(0).words).toBe(2_000);
    expect(chunkSizes(4 * 200_000).words).toBeCloseTo(2 * small.words, -2);
    for (const g of [0, 1e5, 1e7, 1e9]) {
      const { words, terms } = chunkSizes(g);
      expect(terms).toBeLessThanOrEqual(words);
      expect(terms).toBeGreaterThanOrEqual(1_000);
    }
  });
});
