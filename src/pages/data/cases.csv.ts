import type { APIRoute } from 'astro';
import { getCasebook } from '../../data/casebook.ts';
import { caseRecords } from '../../data/openData.ts';
import { toCsv } from '../../lib/csv.ts';
import { figureText } from '../../lib/figures.ts';
import { href, routes } from '../../href.ts';
import { absoluteOrPath } from '../../lib/siteAddress.ts';

/** One row per case; measures and figures joined in a cell (figures.csv has one row per figure). */
export const GET: APIRoute = async ({ site }) => {
  const records = caseRecords(await getCasebook(), (id) => absoluteOrPath(href(routes.case(id)), site));
  const header = ['id', 'title', 'summary', 'region_code', 'region', 'region_path', 'region_level', 'city', 'body', 'author', 'date', 'source', 'source_title', 'publication', 'issue', 'measures', 'measure_ids', 'figures', 'url'];
  const rows = records.map((r) => [
    r.id, r.title, r.summary, r.regionCode, r.region, r.regionPath, r.regionLevel, r.city, r.body, r.author, r.date,
    r.source, r.sourceTitle, r.publication, r.issue,
    r.measures.map((m) => m.name).join('；'),
    r.measures.map((m) => m.id).join(';'),
    r.figures.map((f) => `${f.label}：${figureText({ ...f, display: f.display ?? undefined })}`).join('；'),
    r.url,
  ]);
  return new Response(toCsv(header, rows), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
