import type { APIRoute } from 'astro';
import { getCasebook } from '../../data/casebook.ts';
import { caseAddresses, caseCsl } from '../../data/citation.ts';

/** Every case as CSL-JSON (Zotero, Citation.js, pandoc --citeproc). */
export const GET: APIRoute = async ({ site }) => {
  const { cases } = await getCasebook();
  return new Response(
    JSON.stringify(
      cases.map((c) => caseCsl(c, caseAddresses(c.id, site).page)),
      null,
      2,
    ),
    {
      headers: { 'Content-Type': 'application/vnd.citationstyles.csl+json; charset=utf-8' },
    },
  );
};
