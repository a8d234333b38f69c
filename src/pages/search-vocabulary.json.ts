/**
 * The forgiving-search vocabulary, emitted at build time: the terms people search for with
 * their pinyin, for pinyin queries and did-you-mean (src/lib/search/query/vocabulary.ts). Loaded
 * by the search UI only when a query needs it.
 */
import type { APIRoute } from 'astro';
import { getCasebook } from '../data/casebook.ts';
import { searchVocabulary } from '../data/searchFilters.ts';

export const GET: APIRoute = async () => {
  const body = JSON.stringify(await searchVocabulary(await getCasebook()));
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
