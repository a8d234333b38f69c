/**
 * Which measures a case page is a result for when a query names the measure without its
 * text containing the word typed: the page contains another name or alias of the measure
 * (level 2, match.ts) or is tagged with it (level 1). Computed at build time into one index
 * filter per measure (`matchFilter`), so one filter lookup answers it exactly — instead of one
 * phrase lookup per alias, each costing index chunks — and a query loads the page list of its
 * own measures only (Pagefind stores each filter in its own file; docs/performance.md).
 */
import { normalize, type CharMap } from './normalize.ts';
import type { Dictionary } from './terms.ts';

/** The index filter of the cases that mention measure `id` or are tagged with it; its one value is `MATCHED`. */
export function matchFilter(id: string): string {
  return `match-${id}`;
}
export const MATCHED = 'yes';

/** Ids of the measures whose name or an alias occurs in `text`, or whose id is among `tagged`. */
export function matchedMeasures(text: string, tagged: readonly string[], dict: Dictionary, t2s?: CharMap): string[] {
  const norm = normalize(text, { t2s, compact: true });
  const names = new Set(tagged);
  return dict.measures
    .filter((m) => names.has(m.id) || dict.termsOf(m.id).some((term) => term && norm.includes(term)))
    .map((m) => m.id);
}
