import type { APIRoute } from 'astro';
import { getCasebook, type CaseView } from '../../../data/casebook.ts';
import { caseOgPng, planOgImages } from '../../../data/ogImages.ts';

export async function getStaticPaths() {
  // Only a page with a site address names its share image (og:image must be absolute,
  // BaseLayout.astro); without one the images would be unreferenced megabytes (≈ 50 kB a case).
  if (!import.meta.env.SITE) return [];
  const { cases } = await getCasebook();
  planOgImages(cases);
  return cases.map((view) => ({ params: { slug: view.id }, props: { view } }));
}

/** The share preview of a case (og:image), 1200×630 PNG. */
export const GET: APIRoute = async ({ props }) => {
  const png = await caseOgPng((props as { view: CaseView }).view);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
