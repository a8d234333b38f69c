/**
 * Search state in the URL, so a search is shareable and restores on load:
 * `/search/?q=县管校聘&measure=县管校聘&year=2022&sort=date`. Result links carry the
 * matched terms (`?hl=…`, repeatable) so the target page can highlight them.
 */
import { FACETS, type Selection } from '../engine/facets.ts';

export type SortOrder = 'relevance' | 'date';

export interface SearchState {
  q: string;
  selection: Selection;
  sort: SortOrder;
}

/** The highlight parameter on result links. */
export const HIGHLIGHT_PARAM = 'hl';

export function parseState(search: string | URLSearchParams): SearchState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  const selection: Selection = {};
  for (const facet of FACETS) {
    const values = [
      ...new Set(
        params
          .getAll(facet)
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ];
    if (values.length) selection[facet] = values;
  }
  const sort = params.get('sort') === 'date' ? 'date' : 'relevance';
  return { q: (params.get('q') ?? '').trim(), selection, sort };
}

/** `?q=…&measure=…` (empty string when there is nothing to keep). */
export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q.trim()) params.set('q', state.q.trim());
  for (const facet of FACETS) for (const v of state.selection[facet] ?? []) params.append(facet, v);
  if (state.sort === 'date') params.set('sort', 'date');
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** `url` with the terms to highlight on the target page. */
export function withHighlight(url: string, terms: readonly string[]): string {
  const unique = [...new Set(terms.filter(Boolean))].slice(0, 8);
  if (!unique.length) return url;
  const [path, hash = ''] = url.split('#', 2) as [string, string?];
  const sep = path.includes('?') ? '&' : '?';
  const query = unique.map((t) => `${HIGHLIGHT_PARAM}=${encodeURIComponent(t)}`).join('&');
  return `${path}${sep}${query}${hash ? `#${hash}` : ''}`;
}

/** The terms a result link asked to highlight. */
export function highlightTerms(search: string): string[] {
  return [
    ...new Set(
      new URLSearchParams(search)
        .getAll(HIGHLIGHT_PARAM)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}
