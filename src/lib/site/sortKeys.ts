/**
 * Ordering of table rows by a numeric data attribute (value in base units, period end year), for
 * the comparison tables' sort buttons: numbers in the chosen direction, rows without a key last
 * whichever the direction, ties in their original order.
 */
export type SortDirection = 'ascending' | 'descending';

export function sortedOrder(keys: readonly string[], direction: SortDirection): number[] {
  const num = (k: string) => (k.trim() === '' ? Number.NaN : Number(k));
  const sign = direction === 'ascending' ? 1 : -1;
  return keys
    .map((k, i) => ({ i, v: num(k) }))
    .sort((a, b) => {
      const an = Number.isFinite(a.v);
      const bn = Number.isFinite(b.v);
      if (an !== bn) return an ? -1 : 1;
      return (an && bn ? (a.v - b.v) * sign : 0) || a.i - b.i;
    })
    .map((x) => x.i);
}
