import type { APIRoute } from 'astro';
import { getCasebook } from '../../data/casebook.ts';
import { caseRecords } from '../../data/openData.ts';
import { toCsv } from '../../lib/csv.ts';
import { figureText } from '../../lib/figures.ts';
import { href, routes } from '../../href.ts';
import { absoluteOrPath } from '../../lib/siteAddress.ts';

/** One row per key figure, with the exact quote it comes from. */
export const GET: APIRoute = async ({ site }) => {
  const records = caseRecords(await getCasebook(), (id) => absoluteOrPath(href(routes.case(id)), site));
  const header = ['case_id', 'region_code', 'region', 'body', 'date', 'label', 'value', 'unit', 'as_stated', 'year', 'measure', 'quote', 'url'];
  const rows = records.flatMap((r) =>
    r.figures.map((f) => [r.id, r.regionCode, r.region, r.body, r.date, f.label, f.value, f.unit, figureText({ ...f, display: f.display ?? undefined }), f.year, f.measure, f.quote, r.url]),
  );
  return new Response(toCsv(header, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
