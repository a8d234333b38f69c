/** The raw bulletin as a download, byte for byte as stored in seeds/, under a safe name (see data/rawText.ts). */
import type { APIRoute } from 'astro';
import { getCasebook, type SourceEntry } from '../../../data/casebook.ts';
import { publishedSeed, rawBytes } from '../../../data/rawText.ts';

export async function getStaticPaths() {
  const { sources } = await getCasebook();
  return sources.map((source) => ({ params: { id: source.id, file: publishedSeed(source).name }, props: { source } }));
}

export const GET: APIRoute = ({ props }) =>
  new Response(new Uint8Array(rawBytes((props as { source: SourceEntry }).source)));
