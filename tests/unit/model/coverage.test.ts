import { describe, expect, it } from 'vitest';
import { coverage } from '../../../src/lib/model/coverage.ts';

describe('coverage (measures with and without cases)', () => {
  it('counts only entries with cases as covered, keeping the vocabulary order', () => {
    const cases = new Map([
      ['group-schooling', 8],
      ['home-school-community', 0],
      ['teacher-rotation', 4],
      ['vocational-general-integration', 0],
    ]);
    const { practised, without } = coverage(cases.keys(), (id) => cases.get(id)!);
    expect(practised).toEqual(['group-schooling', 'teacher-rotation']);
    expect(without).toEqual(['home-school-community', 'vocational-general-integration']);
    expect(coverage([], () => 1)).toEqual({ practised: [], without: [] });
  });
});
