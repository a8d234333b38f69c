import type { APIRoute } from 'astro';
import { getCasebook, type CaseView } from '../../../data/casebook.ts';
import { caseAddresses, caseCsl } from '../../../data/citation.ts';
import { toRis } from '../../../lib/export/citationFiles.ts';

export async function getStaticPaths() {
  const { cases } = await getCasebook();
  return cases.map((view) => ({ params: { slug: view.id }, props: { view } }));
}

/** The case for EndNote, NoteExpress, Zotero, 知网研学 (RIS). */
export const GET: APIRoute = ({ props, site }) => {
  const { view } = props as { view: CaseView };
  return new Response(toRis([caseCsl(view, caseAddresses(view.id, site).page)]), {
    headers: { 'Content-Type': 'application/x-research-info-systems; charset=utf-8' },
  });
};
