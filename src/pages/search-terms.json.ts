/**
 * The search dictionary, emitted at build time: measure names and aliases (a query for
 * 官方带娃 leads to 课后服务) and a traditional → simplified map for just the characters
 * the casebook uses (雙減 → 双减). Loaded by the search UI when it is first used.
 */
import type { APIRoute } from 'astro';
import { getCasebook } from '../data/casebook.ts';
import { searchTerms } from '../data/searchFilters.ts';

export const GET: APIRoute = async () => {
  const body = JSON.stringify(await searchTerms(await getCasebook()));
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
