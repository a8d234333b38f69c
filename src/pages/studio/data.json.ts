/**
 * The studio's data (src/lib/studio/data.ts): taxonomy, metrics, regions, the GB/T 2260 names
 * with pinyin, and the names cases and sources already use. Only /studio/ loads it.
 */
import type { APIRoute } from 'astro';
import { studioData } from '../../data/studioData.ts';
import { showsDrafts } from '../../lib/model/drafts.ts';

export const GET: APIRoute = () =>
  new Response(JSON.stringify(studioData(process.cwd(), showsDrafts(import.meta.env.CASEBOOK_COMMAND))), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
