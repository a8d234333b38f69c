/**
 * Comparison of key figures by metric: rows of one metric, in its base unit, with targets kept
 * apart from what was achieved or put in, and the geometry of a horizontal bar chart of them.
 * Pure: the pages render what these functions return.
 */
import type { FigureKind, Period } from '../model/figures.ts';
import { figureText, periodKey, type FigureLike } from '../model/figures.ts';
import type { Metric } from '../model/metrics.ts';
import type { BaseValue } from '../model/units.ts';

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

/** Magnitudes a common unit may take, largest first (亿元, 万个). */
const SCALES: [prefix: string, exponent: number][] = [
  ['亿', 8],
  ['万', 4],
];
/** Base units that are shares or ratios: never scaled (38.48%, 2个百分点). */
const UNSCALED = new Set(['%', '‰', '百分点']);

export interface CommonScale {
  /** The unit every value of the metric is shown in: 万个, 亿元, 所, %. */
  unit: string;
  exponent: number;
}

/**
 * One unit for all values of a metric (given in its base unit), so that a chart or a column never
 * puts 27.6万个 beside 33990个: 亿 when the largest is at least 1亿, 万 when at least 1万, else
 * the base unit itself. Shares (%) stay as they are.
 */
export function commonScale(values: readonly number[], baseUnit: string): CommonScale {
  const largest = Math.max(0, ...values.filter(Number.isFinite).map(Math.abs));
  if (UNSCALED.has(baseUnit)) return { unit: baseUnit, exponent: 0 };
  const [prefix, exponent] = SCALES.find(([, e]) => largest >= 10 ** e) ?? ['', 0];
  return { unit: `${prefix}${baseUnit}`, exponent };
}

/**
 * A base value in the common unit, exactly (the shift happens on the decimal notation: 33990 →
 * 3.399, not 3.3989999…): `scaledText(33990, {unit: '万个', exponent: 4})` → 3.399万个.
 */
export function scaledText(value: number, scale: CommonScale, withUnit = true): string {
  const [mantissa, exp = '0'] = String(value).split('e');
  const scaled = Number(`${mantissa}e${Number(exp) - scale.exponent}`);
  // Plain decimals: no exponent notation for small shares of a large scale (0.00012亿元).
  const text = Math.abs(scaled) < 1e-6 && scaled !== 0 ? scaled.toFixed(12).replace(/0+$/, '') : String(scaled);
  return withUnit ? `${text}${scale.unit}` : text;
}

/**
 * How a figure reads on its metric's common axis: the text's own wording when it is already in
 * the common unit (30多亿元 on an 亿元 axis keeps its 多), else the scaled value. `qualified`:
 * the wording says more than the number (6万余名 on a 人 axis is 60000人, and 余 is lost), so
 * the wording must be shown beside it.
 */
export function axisText(
  f: Pick<FigureLike, 'value' | 'unit' | 'display'>,
  base: number | undefined,
  scale: CommonScale,
): { text: string; qualified: boolean } {
  if (f.unit === scale.unit || base === undefined) return { text: figureText(f), qualified: false };
  return { text: scaledText(base, scale), qualified: f.display !== undefined };
}
