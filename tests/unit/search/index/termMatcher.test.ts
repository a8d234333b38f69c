// The one-pass term counter of the index step (termMatcher.ts) counts as an indexOf loop does.
import { describe, expect, test } from 'vitest';
import { termMatcher } from '../../../../src/lib/search/index/termMatcher.ts';
import { random } from '../../../helpers/random.ts';

/** The reference: non-overlapping occurrences left to right, at most `max`. */
function indexOfCount(text: string, term: string, max: number): number {
  let n = 0;
  for (let at = text.indexOf(term); at >= 0 && n < max; at = text.indexOf(term, at + term.length)) n++;
  return n;
}

describe('termMatcher', () => {
  test('terms inside terms, overlaps, repeats and the cap', () => {
    const m = termMatcher(['县管校聘', '校聘', '管校', '郑州', '郑州市', 'aa']);
    const counts = m.count('推进县管校聘。郑州市、郑州；aaaa县管校聘县管校聘', 2);
    expect(Object.fromEntries(counts)).toEqual({ 县管校聘: 2, 校聘: 2, 管校: 2, 郑州: 2, 郑州市: 1, aa: 2 });
    expect(m.count('aaa', 5).get('aa')).toBe(1);
    expect(m.count('无关文字', 5).size).toBe(0);
  });

  test('equals an indexOf loop on random texts over a small alphabet', () => {
    const rnd = random(26);
    const alphabet = [...'甲乙丙丁𠀀a'];
    const draw = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const terms = Array.from({ length: 8 }, () => draw(1 + Math.floor(rnd() * 4)));
      const text = draw(Math.floor(rnd() * 80));
      const max = 1 + Math.floor(rnd() * 5);
      const counts = termMatcher(terms).count(text, max);
      for (const term of new Set(terms))
        expect(counts.get(term) ?? 0, `${term} in ${text}`).toBe(indexOfCount(text, term, max));
    }
  });
});
