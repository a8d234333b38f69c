import type { APIRoute } from 'astro';
import { getCasebook } from '../../data/casebook.ts';
import { caseRecords } from '../../data/openData.ts';
import { href, routes } from '../../href.ts';
import { absoluteOrPath } from '../../lib/site/siteAddress.ts';

export const GET: APIRoute = async ({ site }) => {
  const records = caseRecords(await getCasebook(), (id) => absoluteOrPath(href(routes.case(id)), site));
  return new Response(JSON.stringify({ generated: new Date().toISOString().slice(0, 10), cases: records }, null, 2), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
