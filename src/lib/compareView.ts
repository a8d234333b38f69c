/**
 * Side-by-side comparison, pure: which items the URL asks for (?a=…&b=…&c=…), and the rows that
 * align the items' figures by metric (then measures' unmatched figures), in vocabulary order.
 */

/** Query keys of the compared items, in column order. */
export const COMPARE_KEYS = ['a', 'b', 'c'] as const;

export interface ItemRef {
  type: 'case' | 'region';
  id: string;
}

/** A six-digit GB/T 2260 code is a region; anything else a case slug. Unsafe ids are dropped. */
export function parseItemRef(raw: string | null | undefined): ItemRef | undefined {
  const v = (raw ?? '').trim();
  if (/^\d{6}$/.test(v)) return { type: 'region', id: v };
  if (/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,120}$/u.test(v)) return { type: 'case', id: v };
  return undefined;
}

/** The items a query string names, duplicates removed. */
export function refsFromQuery(search: string): ItemRef[] {
  const params = new URLSearchParams(search);
  const refs: ItemRef[] = [];
  for (const key of COMPARE_KEYS) {
    const ref = parseItemRef(params.get(key));
    if (ref && !refs.some((r) => r.type === ref.type && r.id === ref.id)) refs.push(ref);
  }
  return refs;
}

export function queryFromRefs(refs: readonly ItemRef[]): string {
  const params = new URLSearchParams();
  refs.slice(0, COMPARE_KEYS.length).forEach((r, i) => params.set(COMPARE_KEYS[i]!, r.id));
  return params.toString();
}

export interface AlignableFigure {
  metric: string | null;
  measure: string | null;
}

export interface AlignedRow<F> {
  /** `measure/metric`, or `other:<measure>` for figures without a metric. */
  key: string;
  metric: string | null;
  measure: string | null;
  /** One list per item, in item order (empty where the item has no such figure). */
  cells: F[][];
}

/**
 * Rows of figures by metric across items: first metrics in vocabulary order (those that at least
 * one item has), rows that two or more items share first; then each measure's figures without a
 * metric, so that nothing an item states is dropped.
 */
export function alignFigures<F extends AlignableFigure>(
  items: readonly { figures: readonly F[] }[],
  metricOrder: readonly string[],
): AlignedRow<F>[] {
  const rows = new Map<string, AlignedRow<F>>();
  items.forEach((item, i) => {
    for (const f of item.figures) {
      const key = f.metric ?? `other:${f.measure ?? ''}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { key, metric: f.metric, measure: f.measure, cells: items.map(() => []) }));
      row.cells[i]!.push(f);
    }
  });
  const rank = (r: AlignedRow<F>) => (r.metric ? metricOrder.indexOf(r.metric) : Number.MAX_SAFE_INTEGER);
  const shared = (r: AlignedRow<F>) => r.cells.filter((c) => c.length > 0).length;
  return [...rows.values()].sort(
    (a, b) =>
      Number(!a.metric) - Number(!b.metric) ||
      Number(shared(b) > 1) - Number(shared(a) > 1) ||
      rank(a) - rank(b) ||
      a.key.localeCompare(b.key),
  );
}
