import type { APIRoute } from 'astro';
import { getCasebook, type CaseView } from '../../../data/casebook.ts';
import { caseItem } from '../../../data/compareData.ts';

export async function getStaticPaths() {
  const { cases } = await getCasebook();
  return cases.map((view) => ({ params: { id: view.id }, props: { view } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(JSON.stringify(caseItem((props as { view: CaseView }).view)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
