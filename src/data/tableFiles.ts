/**
 * Tables that leave the page: a measure's or a region's figures in the open-data columns
 * (figures.csv, src/data/openData.ts), written at build time as CSV (with BOM; 复制表格 reads it
 * back) and XLSX. Every figure of the measure or region, not only the rows a page shows.
 */
import type { APIRoute } from 'astro';
import { getCasebook, type Casebook, type MeasureEntry, type RegionEntry } from './casebook.ts';
import { figuresTable } from './openData.ts';
import { toCsv } from '../lib/export/csv.ts';
import { workbook, type Cell } from '../lib/export/xlsx.ts';
import { absoluteOrPath } from '../lib/site/siteAddress.ts';
import { t } from '../i18n/index.ts';
import { href, routes } from '../href.ts';

const TABLE_FORMATS = ['csv', 'xlsx'] as const;
export type TableFormat = (typeof TABLE_FORMATS)[number];

export interface Table {
  header: string[];
  rows: unknown[][];
}

const CONTENT_TYPES: Record<TableFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Whether a measure page has a figures table to offer (the same test for its links and its files). */
export const measureHasFigures = (casebook: Casebook, measure: MeasureEntry) =>
  casebook.figuresOf(measure.id).length > 0;
export const regionHasFigures = (casebook: Casebook, region: RegionEntry) =>
  (casebook.casesByRegion.get(region.id) ?? []).some((c) => c.figures.length > 0);

const pageUrl = (site: URL | undefined) => (id: string) => absoluteOrPath(href(routes.case(id)), site);

export function measureTable(casebook: Casebook, measure: MeasureEntry, site: URL | undefined): Table {
  const cases = casebook.casesByMeasure.get(measure.id) ?? [];
  return figuresTable(casebook, cases, (f) => f.measure === measure.id, pageUrl(site));
}

/** A region's figures: those of its cases and of the cases of the regions below it, as its page lists them. */
export function regionTable(casebook: Casebook, region: RegionEntry, site: URL | undefined): Table {
  return figuresTable(casebook, casebook.casesByRegion.get(region.id) ?? [], () => true, pageUrl(site));
}

/** The file of a table in one format. */
async function tableResponse(format: TableFormat, table: Table): Promise<Response> {
  const body =
    format === 'csv'
      ? toCsv(table.header, table.rows)
      : await workbook(
          [{ name: t('xlsx.figuresSheet'), header: table.header, rows: table.rows as Cell[][] }],
          t('site.name'),
        );
  return new Response(body, { headers: { 'Content-Type': CONTENT_TYPES[format] } });
}

/**
 * The route of one kind of table file (`figures.[format].ts` under measures/[id]/ and
 * regions/[id]/): a path per entity that has a table and per format.
 */
export function tableRoute<E extends { id: string }>(
  entities: (casebook: Casebook) => readonly E[],
  has: (casebook: Casebook, entity: E) => boolean,
  table: (casebook: Casebook, entity: E, site: URL | undefined) => Table,
) {
  const getStaticPaths = async () => {
    const casebook = await getCasebook();
    return entities(casebook)
      .filter((e) => has(casebook, e))
      .flatMap((entity) =>
        TABLE_FORMATS.map((format) => ({ params: { id: entity.id, format }, props: { entity, format } })),
      );
  };
  const GET: APIRoute = async ({ props, site }) => {
    const { entity, format } = props as { entity: E; format: TableFormat };
    return tableResponse(format, table(await getCasebook(), entity, site));
  };
  return { getStaticPaths, GET };
}
