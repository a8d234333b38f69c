import type { APIRoute } from 'astro';
import { getCasebook } from '../../data/casebook.ts';
import { caseAddresses, caseCsl } from '../../data/citation.ts';
import { toBibtex } from '../../lib/export/citationFiles.ts';

/** Every case in one BibTeX file, for importing the whole casebook into a citation manager. */
export const GET: APIRoute = async ({ site }) => {
  const { cases } = await getCasebook();
  return new Response(toBibtex(cases.map((c) => caseCsl(c, caseAddresses(c.id, site).page))), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
};
