import type { APIRoute } from 'astro';
import { getCasebook } from '../../data/casebook.ts';
import { CASE_COLUMNS, caseRecords, csvTable, FIGURE_COLUMNS } from '../../data/openData.ts';
import { workbook, type Cell } from '../../lib/export/xlsx.ts';
import { absoluteOrPath } from '../../lib/site/siteAddress.ts';
import { t } from '../../i18n/index.ts';
import { href, routes } from '../../href.ts';

/** The cases and their key figures as an Excel workbook: the same columns as cases.csv and figures.csv. */
export const GET: APIRoute = async ({ site }) => {
  const records = caseRecords(await getCasebook(), (id) => absoluteOrPath(href(routes.case(id)), site));
  const sheet = (name: string, table: { header: string[]; rows: unknown[][] }) => ({
    name,
    header: table.header,
    rows: table.rows as Cell[][],
  });
  const cases = sheet(t('xlsx.casesSheet'), csvTable(CASE_COLUMNS, records));
  const figures = sheet(
    t('xlsx.figuresSheet'),
    csvTable(
      FIGURE_COLUMNS,
      records.flatMap((record) => record.figures.map((figure) => ({ record, figure }))),
    ),
  );
  return new Response(await workbook([cases, figures], t('site.name')), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
