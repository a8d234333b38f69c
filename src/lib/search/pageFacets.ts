/**
 * The facet values of every indexed page, as one file (search-facets.json) written by the index
 * step (siteIndex.ts) and read by the search page: with it, the page filters and counts results
 * by facet without one Pagefind search per facet value (at 10,000 cases those were ~80 searches
 * of up to 12,700 results each, 12–14 s; docs/performance.md). Pages are keyed by their Pagefind
 * result id (the fragment's hash); values are numbers into the per-facet value lists.
 */
import { FILTER_KEYS, type FilterKey, type PageFilters } from './schema.ts';

export const PAGE_FACETS_FILE = 'search-facets.json';

export interface PageFacetsFile {
  version: 1;
  /** Every value of each facet; a page's numbers count through these lists in FILTER_KEYS order. */
  values: Partial<Record<FilterKey, string[]>>;
  /** Pagefind result id → its values' numbers. */
  pages: Record<string, number[]>;
}

export function encodePageFacets(pages: Iterable<{ id: string; filters: PageFilters }>): PageFacetsFile {
  const lists = new Map<FilterKey, Set<string>>(FILTER_KEYS.map((key) => [key, new Set()]));
  const all = [...pages];
  for (const { filters } of all)
    for (const key of FILTER_KEYS) for (const v of filters[key] ?? []) lists.get(key)!.add(v);
  const values = Object.fromEntries([...lists].map(([key, set]) => [key, [...set].sort()])) as Record<
    FilterKey,
    string[]
  >;
  const number = new Map<string, number>();
  let n = 0;
  for (const key of FILTER_KEYS) for (const v of values[key]) number.set(`${key}\u0000${v}`, n++);
  const out: Record<string, number[]> = {};
  for (const { id, filters } of all)
    out[id] = FILTER_KEYS.flatMap((key) => (filters[key] ?? []).map((v) => number.get(`${key}\u0000${v}`)!));
  return { version: 1, values, pages: out };
}

export function decodePageFacets(file: PageFacetsFile): Map<string, PageFilters> {
  const byNumber: Array<[FilterKey, string]> = FILTER_KEYS.flatMap((key) =>
    (file.values[key] ?? []).map((v): [FilterKey, string] => [key, v]),
  );
  const out = new Map<string, PageFilters>();
  for (const [id, numbers] of Object.entries(file.pages)) {
    const filters: PageFilters = {};
    for (const i of numbers) {
      const entry = byNumber[i];
      if (entry) (filters[entry[0]] ??= []).push(entry[1]);
    }
    out.set(id, filters);
  }
  return out;
}
