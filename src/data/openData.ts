/**
 * The open-data export: one record per case with metadata, measures and typed figures
 * (cases.json, English keys), and the columns of cases.csv / figures.csv (Chinese headers, the
 * English key of each in the codebook on /data/). One definition serves the files and the codebook.
 */
import type { Casebook, CaseView } from './casebook.ts';
import { figureText, periodText } from '../lib/model/figures.ts';
import { t, type UiKey } from '../i18n/index.ts';

export function caseRecords(casebook: Casebook, pageUrl: (id: string) => string) {
  return casebook.cases.map((c) => caseRecord(casebook, c, pageUrl));
}

/** One case's open-data record. */
export function caseRecord(casebook: Casebook, c: CaseView, pageUrl: (id: string) => string) {
  return {
    id: c.id,
    url: pageUrl(c.id),
    title: c.data.title,
    originalTitle: c.data.originalTitle ?? null,
    summary: c.data.summary,
    regionCode: c.region.id,
    region: c.region.data.name,
    regionPath: c.region.data.path.join(' '),
    regionLevel: c.region.data.level,
    city: (c.city ?? c.region).data.name,
    body: c.data.body,
    author: c.data.author ?? null,
    date: c.data.date,
    source: c.source.id,
    sourceTitle: c.source.data.title,
    publication: c.source.data.publication ?? null,
    issue: c.source.data.issue ?? null,
    measures: c.measures.map((m) => ({
      id: m.id,
      name: m.data.name,
      theme: casebook.themeById.get(m.data.theme)!.data.name,
    })),
    figures: c.figures.map(({ figure: f, kind, period, metric, base }) => ({
      label: f.label,
      value: f.value,
      unit: f.unit,
      display: f.display ?? null,
      asStated: figureText(f),
      kind,
      period: period ? { from: period.from ?? null, to: period.to ?? null } : null,
      periodText: periodText(period, kind) ?? null,
      measure: f.measure ?? null,
      measureName: f.measure ? casebook.measureById.get(f.measure)!.data.name : null,
      metric: metric?.id ?? null,
      metricName: metric?.name ?? null,
      valueBase: base?.value ?? null,
      unitBase: base?.unit ?? null,
      quote: f.quote,
    })),
  };
}

export type CaseRecord = ReturnType<typeof caseRecord>;
export type FigureRecord = CaseRecord['figures'][number];

/** A CSV column: its English key (codebook, cases.json), Chinese header and meaning from the dictionary. */
export interface Column<R> {
  key: string;
  header: UiKey;
  meaning: UiKey;
  value: (row: R) => unknown;
}

const col = <R>(key: string, value: (row: R) => unknown): Column<R> => ({
  key,
  header: `csv.${key}` as UiKey,
  meaning: `csv.${key}.meaning` as UiKey,
  value,
});

export const CASE_COLUMNS: Column<CaseRecord>[] = [
  col('id', (r) => r.id),
  col('title', (r) => r.title),
  col('summary', (r) => r.summary),
  col('region_code', (r) => r.regionCode),
  col('region', (r) => r.region),
  col('region_path', (r) => r.regionPath),
  col('region_level', (r) => r.regionLevel),
  col('city', (r) => r.city),
  col('body', (r) => r.body),
  col('author', (r) => r.author),
  col('date', (r) => r.date),
  col('source', (r) => r.source),
  col('source_title', (r) => r.sourceTitle),
  col('publication', (r) => r.publication),
  col('issue', (r) => r.issue),
  col('measures', (r) => r.measures.map((m) => m.name).join('；')),
  col('measure_ids', (r) => r.measures.map((m) => m.id).join(';')),
  col('figures', (r) => r.figures.map((f) => `${f.label}：${f.asStated}`).join('；')),
  col('url', (r) => r.url),
];

export interface FigureRow {
  record: CaseRecord;
  figure: FigureRecord;
}

export const FIGURE_COLUMNS: Column<FigureRow>[] = [
  col('case_id', (r) => r.record.id),
  col('region_code', (r) => r.record.regionCode),
  col('region', (r) => r.record.region),
  col('body', (r) => r.record.body),
  col('date', (r) => r.record.date),
  col('measure', (r) => r.figure.measureName),
  col('metric', (r) => r.figure.metricName),
  col('label', (r) => r.figure.label),
  col('as_stated', (r) => r.figure.asStated),
  col('value', (r) => r.figure.value),
  col('unit', (r) => r.figure.unit),
  col('value_base', (r) => r.figure.valueBase),
  col('unit_base', (r) => r.figure.unitBase),
  col('kind', (r) => t(`kind.${r.figure.kind}` as UiKey)),
  col('period_from', (r) => r.figure.period?.from),
  col('period_to', (r) => r.figure.period?.to),
  col('period_text', (r) => r.figure.periodText),
  col('quote', (r) => r.figure.quote),
  col('measure_id', (r) => r.figure.measure),
  col('metric_id', (r) => r.figure.metric),
  col('kind_id', (r) => r.figure.kind),
  col('url', (r) => r.record.url),
];

export function csvTable<R>(columns: Column<R>[], rows: R[]): { header: string[]; rows: unknown[][] } {
  return { header: columns.map((c) => t(c.header)), rows: rows.map((r) => columns.map((c) => c.value(r))) };
}

/**
 * A figures table in the open-data columns (figures.csv): the figures of `cases` that `keep`
 * accepts, case by case in the order given. Measure and region pages offer theirs for download.
 */
export function figuresTable(
  casebook: Casebook,
  cases: readonly CaseView[],
  keep: (figure: FigureRecord) => boolean,
  pageUrl: (id: string) => string,
) {
  const rows = cases.flatMap((c) => {
    const record = caseRecord(casebook, c, pageUrl);
    return record.figures.filter(keep).map((figure) => ({ record, figure }));
  });
  return csvTable(FIGURE_COLUMNS, rows);
}
