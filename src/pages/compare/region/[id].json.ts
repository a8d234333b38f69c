import type { APIRoute } from 'astro';
import { getCasebook, type RegionEntry } from '../../../data/casebook.ts';
import { regionItem } from '../../../data/compareData.ts';

export async function getStaticPaths() {
  const { regions } = await getCasebook();
  return regions.map((region) => ({ params: { id: region.id }, props: { region } }));
}

export const GET: APIRoute = async ({ props, site }) =>
  new Response(JSON.stringify(regionItem(await getCasebook(), (props as { region: RegionEntry }).region, site)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
