import { describe, expect, it } from 'vitest';
import { currentHeading } from '../../../src/lib/site/readingPosition.ts';

describe('currentHeading', () => {
  const at = (...tops: number[]) => tops.map((top, i) => ({ id: `h${i + 1}`, top }));
  it('is the last heading above the reading line', () => {
    expect(currentHeading(at(-900, -200, 100, 700), 900)).toBe('h3');
    expect(currentHeading(at(-900, -200, 400, 700), 900)).toBe('h2');
  });
  it('is none before the first heading, and the last one at the end', () => {
    expect(currentHeading(at(500, 1400), 900)).toBeUndefined();
    expect(currentHeading(at(-3000, -2000, -100), 900)).toBe('h3');
    expect(currentHeading([], 900)).toBeUndefined();
  });
});
