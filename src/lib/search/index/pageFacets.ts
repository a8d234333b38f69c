/**
 * The facet values and the date order of every indexed page, as one file (search-facets.json)
 * written by the index step (siteIndex.ts) and read by the search page: with it, the page
 * filters and counts results by facet without one Pagefind search per facet value (at 10,000
 * cases those were ~80 searches of up to 12,700 results each, 12–14 s; docs/performance.md),
 * and orders them by date without a Pagefind sort (whose page list every query would load).
 *
 * Pages are numbered as in the index: a result id is the page's kind letter, the index's tag and
 * its number (schema.ts `pageId`), so the file names no id. Each facet value is a bitmap of
 * the pages that have it: at 10,000 cases 48 kB on the wire, where a list of each page's values
 * by id was 120 kB.
 */
import { FILTER_KEYS, idLetter, pageId, type FilterKey, type PageFilters } from './schema.ts';

export const PAGE_FACETS_FILE = 'search-facets.json';

export interface PageFacetsFile {
  version: 3;
  /** The index's tag (mergeIndex.ts `MergedIndex`): with a page's type and number, its result id. */
  tag: string;
  /** Pages in the index. */
  pages: number;
  /** How many pages, from page 0, have a date: they are numbered newest first. */
  dated: number;
  /** Per facet, per value: the pages that have it, a bitmap (page n is bit n % 8 of byte n / 8) in base64. */
  values: Partial<Record<FilterKey, Record<string, string>>>;
}

/** A page as the index step describes it, in the index's page order. */
export interface FacetedPage {
  filters: PageFilters;
  /** YYYY[-MM[-DD]], if the page has a date. */
  date?: string | undefined;
}

/** What the search reads from the file. */
export interface PageFacets {
  /** Facet values by result id. */
  filters: ReadonlyMap<string, PageFilters>;
  /** Result ids of the pages with a date, newest first. */
  byDate: readonly string[];
}

/** The file for the pages of an index (in its order: the pages with a date first, newest first). */
export function encodePageFacets(tag: string, pages: readonly FacetedPage[]): PageFacetsFile {
  const dated = pages.findIndex((p) => !p.date);
  const datedCount = dated < 0 ? pages.length : dated;
  pages.forEach((p, i) => {
    if (i >= datedCount ? p.date : i > 0 && p.date! > pages[i - 1]!.date!)
      throw new Error(
        `search-facets.json: page ${i} of the index is out of date order (${p.date ?? 'no date'}); the index step ` +
          'adds the pages newest first, and Pagefind numbers them in the order it receives them',
      );
  });
  const bitmaps = new Map<string, Uint8Array>();
  const values: PageFacetsFile['values'] = {};
  pages.forEach(({ filters }, n) => {
    for (const key of FILTER_KEYS)
      for (const value of filters[key] ?? []) {
        const id = `${key}\u0000${value}`;
        let bits = bitmaps.get(id);
        if (!bits) bitmaps.set(id, (bits = new Uint8Array(Math.ceil(pages.length / 8))));
        bits[n >> 3]! |= 1 << (n & 7);
      }
  });
  for (const id of [...bitmaps.keys()].sort()) {
    const [key, value] = id.split('\u0000') as [FilterKey, string];
    (values[key] ??= {})[value] = Buffer.from(bitmaps.get(id)!).toString('base64');
  }
  return { version: 3, tag, pages: pages.length, dated: datedCount, values };
}

function bytesOf(base64: string): Uint8Array {
  const raw = atob(base64);
  const out = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
  return out;
}

export function decodePageFacets(file: PageFacetsFile): PageFacets {
  const pages: PageFilters[] = Array.from({ length: file.pages }, () => ({}));
  for (const key of FILTER_KEYS)
    for (const [value, base64] of Object.entries(file.values[key] ?? {})) {
      const bits = bytesOf(base64);
      for (let byte = 0; byte < bits.length; byte++) {
        if (!bits[byte]) continue;
        for (let bit = 0; bit < 8; bit++) {
          const page = pages[byte * 8 + bit];
          if (page && bits[byte]! & (1 << bit)) (page[key] ??= []).push(value);
        }
      }
    }
  const ids = pages.map((filters, n) => pageId(idLetter(filters.type?.[0]), file.tag, n));
  return { filters: new Map(ids.map((id, n) => [id, pages[n]!])), byDate: ids.slice(0, file.dated) };
}
