import type { APIRoute } from 'astro';
import { getCasebook } from '../../data/casebook.ts';
import { CASE_COLUMNS, caseRecords, csvTable } from '../../data/openData.ts';
import { toCsv } from '../../lib/export/csv.ts';
import { href, routes } from '../../href.ts';
import { absoluteOrPath } from '../../lib/site/siteAddress.ts';

/** One row per case; measures and figures joined in a cell (figures.csv has one row per figure). Chinese headers: see /data/. */
export const GET: APIRoute = async ({ site }) => {
  const records = caseRecords(await getCasebook(), (id) => absoluteOrPath(href(routes.case(id)), site));
  const { header, rows } = csvTable(CASE_COLUMNS, records);
  return new Response(toCsv(header, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
