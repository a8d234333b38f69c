/**
 * Comparison of key figures by metric: rows of one metric, in its base unit, with targets kept
 * apart from what was achieved or put in, and the geometry of a horizontal bar chart of them.
 * Pure: the pages render what these functions return.
 */
import type { FigureKind, Period } from './figures.ts';
import { periodKey } from './figures.ts';
import type { Metric } from './metrics.ts';
import type { BaseValue } from './units.ts';

export interface Comparable {
  kind: FigureKind;
  period?: Period | undefined;
  base?: BaseValue | undefined;
  metric?: Metric | undefined;
}

export interface MetricGroup<T> {
  metric: Metric;
  /** Results, inputs and context, largest first. */
  stated: T[];
  /** Targets (planned), largest first: shown apart. */
  targets: T[];
}

const byValue = <T extends Comparable>(a: T, b: T) =>
  (b.base?.value ?? 0) - (a.base?.value ?? 0) || (periodKey(b.period) ?? 0) - (periodKey(a.period) ?? 0);

/**
 * Groups rows by metric in the vocabulary's order (metrics without rows are left out);
 * rows without a metric, or whose value has no base, are returned apart.
 */
export function groupByMetric<T extends Comparable>(
  rows: readonly T[],
  vocabulary: readonly Metric[],
): { groups: MetricGroup<T>[]; unmatched: T[] } {
  const groups = new Map<Metric, MetricGroup<T>>();
  const unmatched: T[] = [];
  for (const row of rows) {
    if (!row.metric || !row.base) {
      unmatched.push(row);
      continue;
    }
    let group = groups.get(row.metric);
    if (!group) groups.set(row.metric, (group = { metric: row.metric, stated: [], targets: [] }));
    (row.kind === 'target' ? group.targets : group.stated).push(row);
  }
  const ordered = vocabulary.flatMap((m) => {
    const g = groups.get(m);
    return g ? [{ ...g, stated: g.stated.sort(byValue), targets: g.targets.sort(byValue) }] : [];
  });
  return { groups: ordered, unmatched };
}

export interface Bar<T> {
  row: T;
  /** Top of the row's label line, in px. */
  y: number;
  /** Bar start and width as percentages of the plot width (a negative value extends left of zero). */
  x: number;
  width: number;
}

export interface BarChartLayout<T> {
  bars: Bar<T>[];
  height: number;
  /** Position of the zero line, as a percentage. */
  zero: number;
}

/** Each row: a label line, then its bar. Heights in px; horizontal positions in % so the chart reflows. */
export const BAR_ROW = { label: 17, bar: 10, gap: 8 } as const;

/**
 * Lays out a horizontal bar chart on a linear scale from min(0, smallest) to max(0, largest), so
 * bar lengths stay proportional to the values. A bar that would vanish keeps a hairline width.
 */
export function barChartLayout<T>(rows: readonly T[], value: (row: T) => number): BarChartLayout<T> {
  const values = rows.map(value).filter(Number.isFinite);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const span = hi - lo || 1;
  const pct = (v: number) => ((v - lo) / span) * 100;
  const zero = pct(0);
  const step = BAR_ROW.label + BAR_ROW.bar + BAR_ROW.gap;
  const bars = rows.map((row, i) => {
    const v = Number.isFinite(value(row)) ? value(row) : 0;
    const end = pct(v);
    const width = Math.max(Math.abs(end - zero), v === 0 ? 0 : 0.4);
    return { row, y: i * step, x: Math.min(zero, end), width };
  });
  return { bars, height: Math.max(0, rows.length * step - BAR_ROW.gap), zero };
}
