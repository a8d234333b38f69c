/** The raw bulletin as a download, byte for byte as stored in seeds/. */
import type { APIRoute } from 'astro';
import { getCasebook, type SourceEntry } from '../../../data/casebook.ts';
import { rawBytes } from '../../../data/rawText.ts';

export async function getStaticPaths() {
  const { sources } = await getCasebook();
  return sources.map((source) => ({ params: { id: source.id, file: source.data.file.split('/').pop()! }, props: { source } }));
}

export const GET: APIRoute = ({ props }) => new Response(new Uint8Array(rawBytes((props as { source: SourceEntry }).source)));
