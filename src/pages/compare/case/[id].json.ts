import type { APIRoute } from 'astro';
import { getCasebook, type CaseView } from '../../../data/casebook.ts';
import { caseItem } from '../../../data/compareData.ts';

export async function getStaticPaths() {
  const { cases } = await getCasebook();
  return cases.map((view) => ({ params: { id: view.id }, props: { view } }));
}

export const GET: APIRoute = async ({ props, site }) =>
  new Response(JSON.stringify(caseItem(await getCasebook(), (props as { view: CaseView }).view, site)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
