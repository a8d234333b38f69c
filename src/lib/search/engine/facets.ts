/**
 * Filters (facets): values selected in one facet are alternatives (OR), facets combine
 * (AND). The count shown next to a value is the number of results the list would have if
 * that value were added to the facet — i.e. counted with the other facets' selections only.
 */

import { FILTER_KEYS, type FilterKey, type PageFilters, type Selection } from '../index/schema.ts';

/** Facet keys: the index's filter keys (schema.ts). */
export const FACETS = FILTER_KEYS;
export type Facet = FilterKey;
export type { Selection };

export type FacetCounts = Partial<Record<Facet, Record<string, number>>>;

/** True when nothing is selected. */
export function isEmptySelection(selection: Selection): boolean {
  return FACETS.every((f) => !selection[f]?.length);
}

/** Whether a page's filters satisfy the selection (ignoring facet `except`). */
export function matchesSelection(filters: Readonly<PageFilters>, selection: Selection, except?: Facet): boolean {
  for (const facet of FACETS) {
    if (facet === except) continue;
    const wanted = selection[facet];
    if (!wanted?.length) continue;
    const have = filters[facet] ?? [];
    if (!wanted.some((v) => have.includes(v))) return false;
  }
  return true;
}

/** Counts per facet value over `items`, each facet counted under the other facets' selections. */
export function facetCounts<T extends { filters: Readonly<PageFilters> }>(
  items: readonly T[],
  selection: Selection,
  facets: readonly Facet[] = FACETS,
): FacetCounts {
  const out: FacetCounts = {};
  const all = isEmptySelection(selection);
  for (const facet of facets) {
    const counts: Record<string, number> = {};
    for (const item of items) {
      if (!all && !matchesSelection(item.filters, selection, facet)) continue;
      const values = item.filters[facet];
      if (!values) continue;
      // Each value once (a value listed twice counts once); without a Set per page: tens of thousands of pages.
      values.forEach((v, i) => {
        if (values.indexOf(v) === i) counts[v] = (counts[v] ?? 0) + 1;
      });
    }
    out[facet] = counts;
  }
  return out;
}

/** Pagefind's filter argument for a selection (facet `except` left out), plus fixed filters. */
export function toPagefindFilters(
  selection: Selection,
  except?: Facet,
  fixed: Record<string, string> = {},
): Record<string, string | { any: string[] }> {
  const out: Record<string, string | { any: string[] }> = { ...fixed };
  for (const facet of FACETS) {
    if (facet === except || facet in fixed) continue;
    const values = selection[facet];
    if (values?.length) out[facet] = { any: [...values] };
  }
  return out;
}
