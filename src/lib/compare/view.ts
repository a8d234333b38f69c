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

/** A six-digit GB/T 2260 code is a region; a slug (lowercase ASCII, `-`) a case. Anything else is not an id. */
export function parseItemRef(raw: string | null | undefined): ItemRef | undefined {
  const v = (raw ?? '').trim();
  if (/^\d{6}$/.test(v)) return { type: 'region', id: v };
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v) && v.length <= 120) return { type: 'case', id: v };
  return undefined;
}

/** Longest value read from a query parameter: a place name or a case title as typed. */
const MAX_TYPED = 100;

export interface CompareQuery {
  /** What each column asks for, in column order: an id or code, or a name as typed (郑州). */
  values: string[];
  /** The measure the comparison is limited to (a taxonomy id), if any. */
  measure: string | undefined;
}

/** What a /compare/ URL asks for (?a=…&b=…&c=…&measure=…); blank and repeated values dropped. */
export function readQuery(search: string): CompareQuery {
  const params = new URLSearchParams(search);
  const values: string[] = [];
  for (const key of COMPARE_KEYS) {
    const v = (params.get(key) ?? '').replace(/\s+/g, ' ').trim().slice(0, MAX_TYPED);
    if (v && !values.includes(v)) values.push(v);
  }
  const measure = params.get('measure')?.trim();
  return { values, measure: measure && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(measure) ? measure : undefined };
}

/** The query string of a comparison: the items in column order, then the measure. */
export function queryFromRefs(refs: readonly ItemRef[], measure?: string): string {
  const params = new URLSearchParams();
  refs.slice(0, COMPARE_KEYS.length).forEach((r, i) => params.set(COMPARE_KEYS[i]!, r.id));
  if (measure) params.set('measure', measure);
  return params.toString();
}

/** A span of dates as text: 2022年—2025年10月11日, and one date once (never 2022年—2022年). */
export function dateSpan(oldest: string, newest: string): string {
  return oldest === newest ? oldest : `${oldest}—${newest}`;
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
