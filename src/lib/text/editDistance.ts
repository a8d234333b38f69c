/**
 * Edit distances over code points (a Han character of the supplementary planes is one
 * character), bounded: above `max` they give up early and return `max + 1`. Levenshtein for the
 * search's did-you-mean (search/query/suggest.ts); with swaps of neighbours counted as one edit
 * (optimal string alignment) for mistyped content keys (content/didYouMean.ts).
 */

/** Insertions, deletions and substitutions. */
export function editDistance(a: string, b: string, max = Infinity): number {
  return distance([...a], [...b], max, false);
}

/** Insertions, deletions, substitutions and swaps of neighbours (`figuers` → `figures` is one edit). */
export function swapDistance(a: string, b: string, max = Infinity): number {
  return distance([...a], [...b], max, true);
}

function distance(x: string[], y: string[], max: number, swaps: boolean): number {
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let before: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= y.length; j++) {
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      if (swaps && i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        v = Math.min(v, before[j - 2]! + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    // No later row is below this row's least value (a swap costs no less than the substitution before it).
    if (rowMin > max) return max + 1;
    before = prev;
    prev = cur;
  }
  return Math.min(prev[y.length]!, max + 1);
}
