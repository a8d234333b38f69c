/**
 * The data /compare/ loads in the browser: a small index of what can be picked (cases, and places
 * with the readings their names are typed in), and one file per case or region with its measures,
 * the passages where it practises each (linked to the paragraph), and its figures by metric with
 * their open-data row (for 下载 and 复制表格). Each file is small, so the page scales to thousands
 * of cases without inlining the casebook.
 *
 * A region's file holds the cases it reported itself: a district is its own column, never folded
 * into its city; the places below it are listed (`below`) so that they can be added as columns.
 */
import type { Casebook, CaseView, FigureRow, RegionEntry } from './casebook.ts';
import { caseRecord, csvTable, FIGURE_COLUMNS } from './openData.ts';
import { figureText, periodKey, periodText } from '../lib/model/figures.ts';
import { paragraphId } from '../lib/content/rehypeParagraphIds.ts';
import { groupByMetric } from '../lib/compare/metricRows.ts';
import { dateSpan, queryFromRefs, type ItemRef } from '../lib/compare/view.ts';
import { excerptAround } from '../lib/text/bodyText.ts';
import { literalRanges, type Range } from '../lib/text/highlight.ts';
import { absoluteOrPath } from '../lib/site/siteAddress.ts';
import { href, routes } from '../href.ts';

/** Figures per metric in a region's file: enough to compare, bounded for a province of thousands of cases. */
const REGION_FIGURES_PER_METRIC = 6;
/** Passages per measure: from this many of a region's newest cases, or this many paragraphs of a case. */
const PASSAGES_PER_MEASURE = 3;
/** Characters either side of the measure's name in a passage. */
const PASSAGE_RADIUS = 60;

export interface CompareFigure {
  /** `measure/metric` (general metrics: `general/<id>`), or null without a metric. */
  metric: string | null;
  measure: string | null;
  label: string;
  /** As stated (figureText), and the parts a common unit is computed from. */
  text: string;
  value: number;
  unit: string;
  display: string | null;
  kind: string;
  period: string | null;
  periodKey: number | null;
  valueBase: number | null;
  unitBase: string | null;
  quote: string;
  region: string;
  url: string;
  /** The figure's row of figures.csv (the open-data columns, src/data/openData.ts). */
  row: unknown[];
}

export interface ComparePassage {
  measure: string;
  case: string;
  title: string;
  /** Paragraph number as the case page shows it (1-based). */
  paragraph: number;
  text: string;
  /** Ranges of `text` where the measure is named, to mark. */
  marks: Range[];
  url: string;
}

export interface BelowPlace {
  id: string;
  name: string;
  /** Cases of the place and of the places below it. */
  cases: number;
  measures: string[];
}

export interface CompareItem {
  id: string;
  type: 'case' | 'region';
  title: string;
  region: string;
  date: string | null;
  url: string;
  /** Cases of the item itself (a case: 1; a region: those it reported itself). */
  cases: number;
  measures: { id: string; name: string; cases: number }[];
  passages: ComparePassage[];
  figures: CompareFigure[];
  /** A region's places one level down that have cases (their own columns, never folded in). */
  below: BelowPlace[];
}

const metricKey = (r: FigureRow) => (r.metric ? `${r.metric.measure}/${r.metric.id}` : null);
const caseUrl = (site: URL | undefined) => (id: string) => absoluteOrPath(href(routes.case(id)), site);

/** The figures of `rows` as the page shows them, each with its open-data row. */
function figureRecords(casebook: Casebook, rows: FigureRow[], site: URL | undefined): CompareFigure[] {
  const records = new Map<string, ReturnType<typeof caseRecord>>();
  return rows.map((r) => {
    let record = records.get(r.view.id);
    if (!record) records.set(r.view.id, (record = caseRecord(casebook, r.view, caseUrl(site))));
    const figure = record.figures[r.view.figures.findIndex((f) => f.figure === r.figure)]!;
    return {
      metric: metricKey(r),
      measure: r.figure.measure ?? null,
      label: r.figure.label,
      text: figureText(r.figure),
      value: r.figure.value,
      unit: r.figure.unit,
      display: r.figure.display ?? null,
      kind: r.kind,
      period: periodText(r.period, r.kind) ?? null,
      periodKey: periodKey(r.period) ?? null,
      valueBase: r.base?.value ?? null,
      unitBase: r.base?.unit ?? null,
      quote: r.figure.quote,
      region: r.view.region.data.name,
      url: `${href(routes.case(r.view.id))}#${paragraphId(r.paragraph)}`,
      row: csvTable(FIGURE_COLUMNS, [{ record, figure }]).rows[0]!,
    };
  });
}

/** Where each case practises each of its measures: its best paragraphs (most mentions first), as excerpts. */
function passages(casebook: Casebook, cases: CaseView[], perCase: number): ComparePassage[] {
  const out: ComparePassage[] = [];
  const taken = new Map<string, number>();
  for (const view of cases) {
    for (const measure of view.measures) {
      const n = taken.get(measure.id) ?? 0;
      if (n >= PASSAGES_PER_MEASURE) continue;
      const best = (view.evidence.get(measure.id)?.paragraphs ?? []).toSorted(
        (a, b) => b.count - a.count || a.index - b.index,
      );
      const terms = casebook.termsOf(measure);
      for (const p of best.slice(0, Math.min(perCase, PASSAGES_PER_MEASURE - n))) {
        const text = excerptAround(view.paragraphs[p.index]!, terms, PASSAGE_RADIUS);
        if (!text) continue;
        out.push({
          measure: measure.id,
          case: view.id,
          title: view.data.title,
          paragraph: p.index + 1,
          text,
          marks: literalRanges(text, terms),
          url: `${href(routes.case(view.id))}#${paragraphId(p.index)}`,
        });
        taken.set(measure.id, (taken.get(measure.id) ?? 0) + 1);
      }
    }
  }
  return out;
}

export function caseItem(casebook: Casebook, view: CaseView, site: URL | undefined): CompareItem {
  return {
    id: view.id,
    type: 'case',
    title: view.data.title,
    region: view.region.data.path.join(''),
    date: view.dateText,
    url: href(routes.case(view.id)),
    cases: 1,
    measures: view.measures.map((m) => ({ id: m.id, name: m.data.name, cases: 1 })),
    passages: passages(casebook, [view], PASSAGES_PER_MEASURE),
    figures: figureRecords(
      casebook,
      view.figures.map((f) => ({ ...f, view })),
      site,
    ),
    below: [],
  };
}

/** The cases a region reported itself (a city's, not its districts'), newest first. */
const ownCases = (casebook: Casebook, region: RegionEntry) =>
  (casebook.casesByRegion.get(region.id) ?? []).filter((c) => c.region.id === region.id);

function belowPlaces(casebook: Casebook, region: RegionEntry): BelowPlace[] {
  return casebook.regions
    .filter((r) => r.data.parent === region.id)
    .map((r) => {
      const cases = casebook.casesByRegion.get(r.id) ?? [];
      return {
        id: r.id,
        name: r.data.name,
        cases: cases.length,
        measures: [...new Set(cases.flatMap((c) => c.data.measures))],
      };
    })
    .filter((r) => r.cases > 0);
}

export function regionItem(casebook: Casebook, region: RegionEntry, site: URL | undefined): CompareItem {
  const cases = ownCases(casebook, region);
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
    date: cases.length ? dateSpan(cases.at(-1)!.dateText, cases[0]!.dateText) : null,
    url: href(routes.region(region.id)),
    cases: cases.length,
    measures: casebook.measures
      .filter((m) => measureCount.has(m.id))
      .map((m) => ({ id: m.id, name: m.data.name, cases: measureCount.get(m.id)! })),
    passages: passages(casebook, cases, 1),
    figures: figureRecords(casebook, [...groups.flatMap((g) => [...g.stated, ...g.targets]), ...unmatched], site),
    below: belowPlaces(casebook, region),
  };
}

/**
 * What the pickers offer: cases, and places with cases (own and below) and the toneless reading
 * of their names (pinyin-pro, at build time only); the names of measures and metrics in their
 * vocabulary order.
 */
export async function compareIndex(casebook: Casebook) {
  const { pinyin } = await import('pinyin-pro');
  return {
    measures: casebook.measures.map((m) => [m.id, m.data.name]),
    metrics: casebook.metrics.map((m) => [`${m.measure}/${m.id}`, m.name, m.unit]),
    cases: casebook.cases.map((c) => [c.id, c.data.title, c.region.data.name, c.dateText]),
    regions: casebook.regions
      .map((r) => ({ r, total: casebook.casesByRegion.get(r.id)?.length ?? 0 }))
      .filter(({ total }) => total > 0)
      .map(({ r, total }) => [
        r.id,
        r.data.path.join(' '),
        ownCases(casebook, r).length,
        total,
        pinyin(r.data.name, { toneType: 'none', type: 'array', v: true }).join(' '),
      ]),
  };
}

/** A link to /compare/ with these items (and measure). */
export const compareHref = (refs: readonly ItemRef[], measure?: string) =>
  `${href(routes.compare())}?${queryFromRefs(refs, measure)}`;
