import type { APIRoute } from 'astro';
import { getCasebook } from '../../data/casebook.ts';
import { compareIndex } from '../../data/compareData.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await compareIndex(await getCasebook())), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
