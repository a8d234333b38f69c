/**
 * The data /compare/ loads in the browser: a small index of what can be picked (cases and
 * regions), and one file per case or region with its measures and figures by metric. Each file
 * is small, so the page scales to thousands of cases without inlining the casebook.
 */
import type { Casebook, CaseView, FigureRow } from './casebook.ts';
import type { RegionEntry } from './casebook.ts';
import { figureText, periodKey, periodText } from '../lib/figures.ts';
import { paragraphId } from '../lib/rehypeParagraphIds.ts';
import { groupByMetric } from '../lib/comparison.ts';
import { href, routes } from '../href.ts';

/** Figures in a region's file: enough to compare, bounded for a province of thousands of cases. */
export const REGION_FIGURES_PER_METRIC = 6;

export interface CompareFigure {
  /** `measure/metric` (general metrics: `general/<id>`), or null without a metric. */
  metric: string | null;
  measure: string | null;
  label: string;
  text: string;
  kind: string;
  period: string | null;
  periodKey: number | null;
  valueBase: number | null;
  unitBase: string | null;
  quote: string;
  region: string;
  url: string;
}

export interface CompareItem {
  id: string;
  type: 'case' | 'region';
  title: string;
  region: string;
  date: string | null;
  url: string;
  cases: number;
  measures: { id: string; name: string; cases: number }[];
  figures: CompareFigure[];
}

const metricKey = (r: FigureRow) => (r.metric ? `${r.metric.measure}/${r.metric.id}` : null);

function figureRecord(r: FigureRow): CompareFigure {
  return {
    metric: metricKey(r),
    measure: r.figure.measure ?? null,
    label: r.figure.label,
    text: figureText(r.figure),
    kind: r.kind,
    period: periodText(r.period, r.kind) ?? null,
    periodKey: periodKey(r.period) ?? null,
    valueBase: r.base?.value ?? null,
    unitBase: r.base?.unit ?? null,
    quote: r.figure.quote,
    region: r.view.region.data.name,
    url: `${href(routes.case(r.view.id))}#${paragraphId(r.paragraph)}`,
  };
}

export function caseItem(view: CaseView): CompareItem {
  return {
    id: view.id,
    type: 'case',
    title: view.data.title,
    region: view.region.data.path.join(''),
    date: view.dateText,
    url: href(routes.case(view.id)),
    cases: 1,
    measures: view.measures.map((m) => ({ id: m.id, name: m.data.name, cases: 1 })),
    figures: view.figures.map((f) => figureRecord({ ...f, view })),
  };
}

export function regionItem(casebook: Casebook, region: RegionEntry): CompareItem {
  const cases = casebook.casesByRegion.get(region.id) ?? [];
  const measureCount = new Map<string, number>();
  for (const c of cases) for (const m of c.data.measures) measureCount.set(m, (measureCount.get(m) ?? 0) + 1);
  // Per metric the newest cases' figures (cases are newest first), capped; targets and results alike.
  const perMetric = new Map<string, number>();
  const rows: FigureRow[] = [];
  for (const view of cases) {
    for (const f of view.figures) {
      const key = f.metric ? `${f.metric.measure}/${f.metric.id}` : `label:${f.figure.measure ?? ''}`;
      const n = perMetric.get(key) ?? 0;
      if (n >= REGION_FIGURES_PER_METRIC) continue;
      perMetric.set(key, n + 1);
      rows.push({ ...f, view });
    }
  }
  const { groups, unmatched } = groupByMetric(rows, casebook.metrics);
  return {
    id: region.id,
    type: 'region',
    title: region.data.name,
    region: region.data.path.join(''),
    date: cases.length ? `${cases.at(-1)!.dateText}—${cases[0]!.dateText}` : null,
    url: href(routes.region(region.id)),
    cases: cases.length,
    measures: casebook.measures
      .filter((m) => measureCount.has(m.id))
      .map((m) => ({ id: m.id, name: m.data.name, cases: measureCount.get(m.id)! })),
    figures: [...groups.flatMap((g) => [...g.stated, ...g.targets]), ...unmatched].map(figureRecord),
  };
}

/** What the pickers offer, and the names of measures and metrics in their vocabulary order. */
export function compareIndex(casebook: Casebook) {
  return {
    measures: casebook.measures.map((m) => [m.id, m.data.name]),
    metrics: casebook.metrics.map((m) => [`${m.measure}/${m.id}`, m.name, m.unit]),
    cases: casebook.cases.map((c) => [c.id, c.data.title, c.region.data.name, c.dateText]),
    regions: casebook.regions
      .map((r) => [r.id, r.data.path.join(''), casebook.casesByRegion.get(r.id)?.length ?? 0] as const)
      .filter(([, , n]) => n > 0),
  };
}
