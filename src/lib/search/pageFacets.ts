/**
 * The facet values and the date order of every indexed page, as one file (search-facets.json)
 * written by the index step (siteIndex.ts) and read by the search page: with it, the page
 * filters and counts results by facet without one Pagefind search per facet value (at 10,000
 * cases those were ~80 searches of up to 12,700 results each, 12–14 s; docs/performance.md),
 * and orders them by date without a Pagefind sort (whose page list every query would load).
 * Pages are keyed by their Pagefind result id; values are numbers into the per-facet value lists.
 */
import { FILTER_KEYS, type FilterKey, type PageFilters } from './schema.ts';

export const PAGE_FACETS_FILE = 'search-facets.json';

export interface PageFacetsFile {
  version: 2;
  /** Every value of each facet; a page's numbers count through these lists in FILTER_KEYS order. */
  values: Partial<Record<FilterKey, string[]>>;
  /** Pagefind result id → its values' numbers: the pages with a date first, newest first, then the others. */
  pages: Record<string, number[]>;
  /** How many of `pages`, from the first, have a date. */
  dated: number;
}

/** A page as the index step describes it. */
export interface FacetedPage {
  id: string;
  filters: PageFilters;
  /** YYYY[-MM[-DD]] (the `date` sort key of the page), if it has one. */
  date?: string | undefined;
}

/** What the search reads from the file. */
export interface PageFacets {
  /** Facet values by result id. */
  filters: ReadonlyMap<string, PageFilters>;
  /** Result ids of the pages with a date, newest first (equal dates in the order given to `encodePageFacets`). */
  byDate: readonly string[];
}

export function encodePageFacets(pages: Iterable<FacetedPage>): PageFacetsFile {
  const all = [...pages];
  const dated = all.filter((p) => p.date).sort((a, b) => (a.date! < b.date! ? 1 : a.date! > b.date! ? -1 : 0));
  const ordered = [...dated, ...all.filter((p) => !p.date)];
  const lists = new Map<FilterKey, Set<string>>(FILTER_KEYS.map((key) => [key, new Set()]));
  for (const { filters } of ordered)
    for (const key of FILTER_KEYS) for (const v of filters[key] ?? []) lists.get(key)!.add(v);
  const values = Object.fromEntries([...lists].map(([key, set]) => [key, [...set].sort()])) as Record<
    FilterKey,
    string[]
  >;
  const number = new Map<string, number>();
  let n = 0;
  for (const key of FILTER_KEYS) for (const v of values[key]) number.set(`${key}\u0000${v}`, n++);
  const out: Record<string, number[]> = {};
  for (const { id, filters } of ordered)
    out[id] = FILTER_KEYS.flatMap((key) => (filters[key] ?? []).map((v) => number.get(`${key}\u0000${v}`)!));
  return { version: 2, values, pages: out, dated: dated.length };
}

export function decodePageFacets(file: PageFacetsFile): PageFacets {
  const byNumber: Array<[FilterKey, string]> = FILTER_KEYS.flatMap((key) =>
    (file.values[key] ?? []).map((v): [FilterKey, string] => [key, v]),
  );
  const filters = new Map<string, PageFilters>();
  for (const [id, numbers] of Object.entries(file.pages)) {
    const page: PageFilters = {};
    for (const i of numbers) {
      const entry = byNumber[i];
      if (entry) (page[entry[0]] ??= []).push(entry[1]);
    }
    filters.set(id, page);
  }
  return { filters, byDate: Object.keys(file.pages).slice(0, file.dated) };
}
