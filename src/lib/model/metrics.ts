/**
 * The metric vocabulary (content/taxonomy/metrics.yaml): what a key figure counts, per measure,
 * with one base unit, so that comparisons put like beside like. Pure functions over the parsed
 * vocabulary: parse and validate it, find a figure's metric, check a figure against it, convert
 * a figure to the metric's base unit, and guess a metric for a new figure (ingest proposal).
 */
import { parse } from 'yaml';
import { splitUnit, toBase, type BaseValue } from './units.ts';

/** Section of metrics.yaml for figures that belong to no one measure (a city's education spending). */
export const GENERAL = 'general';

export interface Metric {
  /** Measure key, or GENERAL. */
  measure: string;
  /** Key, unique within its measure. */
  id: string;
  name: string;
  /** Base unit every figure of the metric is converted to. */
  unit: string;
  /** Other counters that count the same thing (所 and 个 for schools). */
  units: string[];
  /** Label words that suggest the metric. */
  terms: string[];
  note?: string | undefined;
}

export interface MetricProblem {
  line: number;
  message: string;
}

/** 1-based line of `needle` at or after `from` (1 when absent). */
function lineOf(text: string, needle: string | RegExp, from = 0): number {
  const rest = text.slice(from);
  const at = typeof needle === 'string' ? rest.indexOf(needle) : rest.search(needle);
  return at < 0 ? 1 : text.slice(0, from + at).split('\n').length;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const strings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);

const METRIC_FIELDS = new Set(['id', 'name', 'unit', 'units', 'terms', 'note']);

/** Why a metric entry is not valid (the first reason), or undefined when it is. */
function metricItemProblem(item: Record<string, unknown>, id: string, seen: Set<string>): string | undefined {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) return 'id must be a lower-case key like new-places';
  if (seen.has(id)) return 'duplicate metric id in this measure';
  seen.add(id);
  if (typeof item.name !== 'string' || !item.name) return 'name is required';
  if (typeof item.unit !== 'string' || !item.unit) return 'unit (the base unit) is required';
  if (splitUnit(item.unit).counter !== item.unit) {
    return `unit “${item.unit}” is not a base unit (write ${splitUnit(item.unit).counter || 'the counter'}, without 万/亿)`;
  }
  if (item.units !== undefined && !strings(item.units)) return 'units must be a list of counters';
  if (item.terms !== undefined && !strings(item.terms)) return 'terms must be a list of words';
  const extra = Object.keys(item).filter((k) => !METRIC_FIELDS.has(k));
  if (extra.length) return `unknown field(s) ${extra.join(', ')}`;
  return undefined;
}

/** The metrics of one measure's section (or GENERAL's), each problem with its line. */
function parseSection(
  text: string,
  measure: string,
  list: unknown,
  measureIds: readonly string[],
): { metrics: Metric[]; problems: MetricProblem[] } {
  const metrics: Metric[] = [];
  const problems: MetricProblem[] = [];
  const sectionStart = Math.max(0, text.search(new RegExp(`^${escapeRe(measure)}:`, 'm')));
  const at = lineOf(text, `${measure}:`, sectionStart);
  if (measure !== GENERAL && !measureIds.includes(measure)) {
    problems.push({ line: at, message: `unknown measure “${measure}” (keys of measures.yaml, or “${GENERAL}”)` });
    return { metrics, problems };
  }
  if (!Array.isArray(list)) {
    problems.push({ line: at, message: `${measure}: expected a list of metrics` });
    return { metrics, problems };
  }
  const seen = new Set<string>();
  for (const item of list as Record<string, unknown>[]) {
    const id = typeof item?.id === 'string' ? item.id : '';
    const problem = metricItemProblem(item, id, seen);
    if (problem) {
      const line = id ? lineOf(text, new RegExp(`id:\\s*${escapeRe(id)}\\b`), sectionStart) : at;
      problems.push({ line, message: `${measure}${id ? `.${id}` : ''}: ${problem}` });
      continue;
    }
    metrics.push({
      measure,
      id,
      name: item.name as string,
      unit: item.unit as string,
      units: (item.units as string[] | undefined) ?? [],
      terms: (item.terms as string[] | undefined) ?? [],
      note: typeof item.note === 'string' ? item.note : undefined,
    });
  }
  return { metrics, problems };
}

/** Parses metrics.yaml; every problem names its line. */
export function parseMetrics(
  text: string,
  measureIds: readonly string[],
): { metrics: Metric[]; problems: MetricProblem[] } {
  let doc: unknown;
  try {
    doc = parse(text) ?? {};
  } catch (error) {
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line ?? 1;
    return { metrics: [], problems: [{ line, message: `not valid YAML: ${(error as Error).message.split('\n')[0]}` }] };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { metrics: [], problems: [{ line: 1, message: 'expected a map of measure keys to lists of metrics' }] };
  }
  const sections = Object.entries(doc).map(([measure, list]) => parseSection(text, measure, list, measureIds));
  return { metrics: sections.flatMap((s) => s.metrics), problems: sections.flatMap((s) => s.problems) };
}

/** A figure's metric: `measure` undefined looks in the general section. */
export function findMetric(metrics: readonly Metric[], measure: string | undefined, id: string): Metric | undefined {
  return metrics.find((m) => m.measure === (measure ?? GENERAL) && m.id === id);
}

/** Metrics a figure of `measure` may use: its measure's, then the general ones. */
export function metricsFor(metrics: readonly Metric[], measure: string | undefined): Metric[] {
  return [
    ...metrics.filter((m) => measure !== undefined && m.measure === measure),
    ...metrics.filter((m) => m.measure === GENERAL),
  ];
}

/** Whether a unit as stated counts what the metric counts (万个 for 个; a bare 亿 takes the metric's counter). */
export function unitFits(unit: string, metric: Metric): boolean {
  const { counter } = splitUnit(unit);
  return counter === '' || counter === metric.unit || metric.units.includes(counter);
}

/** The figure in base units; with a metric, in the metric's unit (18个 schools → 18 所). */
export function figureBase(value: number, unit: string, metric?: Metric): BaseValue | undefined {
  const base = toBase(value, unit);
  if (!base || !metric) return base;
  return unitFits(unit, metric) ? { value: base.value, unit: metric.unit } : undefined;
}

/** Problems of a figure's metric: unknown, of another measure, or a unit that does not convert. */
export function checkMetric(
  f: { metric?: string | undefined; measure?: string | undefined; unit: string },
  metrics: readonly Metric[],
): string | undefined {
  if (f.metric === undefined) return undefined;
  const metric = findMetric(metrics, f.measure, f.metric);
  if (!metric) {
    const elsewhere = metrics.filter((m) => m.id === f.metric).map((m) => m.measure);
    const valid = metricsFor(metrics, f.measure).map((m) => m.id);
    return elsewhere.length
      ? `metric “${f.metric}” belongs to ${elsewhere.join(', ')}, not to ${f.measure ?? `${GENERAL} (no measure)`}; metrics of ${f.measure ?? GENERAL}: ${valid.join(', ') || 'none'}`
      : `unknown metric “${f.metric}”; metrics of ${f.measure ?? GENERAL}: ${valid.join(', ') || 'none'} (content/taxonomy/metrics.yaml)`;
  }
  if (!unitFits(f.unit, metric)) {
    return `unit “${f.unit}” does not convert to ${metric.name}'s base unit “${metric.unit}”${metric.units.length ? ` (or ${metric.units.join(', ')})` : ''}`;
  }
  return undefined;
}

export interface MetricGuess {
  metric: Metric;
  /** The label words that matched, for the review report. */
  matched: string[];
}

/**
 * Proposes a metric for a figure from its label and unit: among the metrics of its measure (and
 * the general ones) whose unit fits, the one whose terms match the label most (longest terms
 * weigh most). No guess when nothing matches or two metrics tie: an editor decides then.
 */
export function guessMetric(
  label: string,
  unit: string,
  measure: string | undefined,
  metrics: readonly Metric[],
): MetricGuess | undefined {
  const scored = metricsFor(metrics, measure)
    .filter((m) => unitFits(unit, m))
    .map((metric) => {
      const matched = metric.terms.filter((t) => label.includes(t));
      // A measure's own metric beats a general one at equal score.
      const score =
        matched.reduce((s, t) => s + t.length, 0) * 2 + (metric.measure === GENERAL ? 0 : 1) * (matched.length ? 1 : 0);
      return { metric, matched, score };
    })
    .filter((s) => s.matched.length > 0)
    .sort((a, b) => b.score - a.score);
  const [best, second] = scored;
  if (!best || (second && second.score === best.score)) return undefined;
  return { metric: best.metric, matched: best.matched };
}
