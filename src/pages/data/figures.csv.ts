import type { APIRoute } from 'astro';
import { getCasebook } from '../../data/casebook.ts';
import { caseRecords, csvTable, FIGURE_COLUMNS } from '../../data/openData.ts';
import { toCsv } from '../../lib/export/csv.ts';
import { href, routes } from '../../href.ts';
import { absoluteOrPath } from '../../lib/site/siteAddress.ts';

/** One row per key figure: as stated, in base units, typed (kind, period, metric), with its exact quote. */
export const GET: APIRoute = async ({ site }) => {
  const records = caseRecords(await getCasebook(), (id) => absoluteOrPath(href(routes.case(id)), site));
  const { header, rows } = csvTable(
    FIGURE_COLUMNS,
    records.flatMap((record) => record.figures.map((figure) => ({ record, figure }))),
  );
  return new Response(toCsv(header, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
