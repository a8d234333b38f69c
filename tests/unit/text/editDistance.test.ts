import { describe, expect, it } from 'vitest';
import { editDistance, swapDistance } from '../../../src/lib/text/editDistance.ts';

/** The plain dynamic-programming definitions, unbounded, for comparison. */
function reference(a: string, b: string, swaps: boolean): number {
  const x = [...a];
  const y = [...b];
  const d = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (swaps && i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[x.length]![y.length]!;
}

const pairs: [string, string][] = [
  ['', ''],
  ['', '县管校聘'],
  ['县官校聘', '县管校聘'],
  ['校县管聘', '县校管聘'],
  ['figuers', 'figures'],
  ['mesures', 'measures'],
  ['abcdef', 'x'],
  ['ca', 'abc'],
  ['𠀀𠀁', '𠀁𠀀'],
  ['集团化办学', '集团办学化'],
];

describe('editDistance and swapDistance', () => {
  it('agree with the unbounded definitions', () => {
    for (const [a, b] of pairs) {
      expect(editDistance(a, b), `${a} → ${b}`).toBe(reference(a, b, false));
      expect(swapDistance(a, b), `${a} ⇄ ${b}`).toBe(reference(a, b, true));
    }
  });

  it('count a swap of neighbours as one edit only in swapDistance', () => {
    expect(swapDistance('figuers', 'figures')).toBe(1);
    expect(editDistance('figuers', 'figures')).toBe(2);
  });

  it('count code points, not UTF-16 units', () => {
    expect(editDistance('𠀀', '𠀁')).toBe(1);
    expect(swapDistance('𠀀𠀁', '𠀁𠀀')).toBe(1);
  });

  it('give max + 1 for anything above max, and the distance itself up to it', () => {
    for (const [a, b] of pairs) {
      for (const max of [0, 1, 2, 3]) {
        const plain = reference(a, b, false);
        const swapped = reference(a, b, true);
        expect(editDistance(a, b, max)).toBe(plain <= max ? plain : max + 1);
        expect(swapDistance(a, b, max)).toBe(swapped <= max ? swapped : max + 1);
      }
    }
  });
});
