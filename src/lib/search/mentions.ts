/**
 * Which measures a case page is a result for when a query names the measure without its
 * text containing the word typed: the page contains another name or alias of the measure
 * (level 2, match.ts) or is tagged with it (level 1). Computed at build time into the
 * index's `match` filter (measure ids), so one filter lookup answers it exactly — instead
 * of one phrase lookup per alias, each costing index chunks.
 */
import { normalize, type CharMap } from './normalize.ts';
import type { Dictionary } from './terms.ts';

/** The index filter holding, per case, the ids of the measures it mentions or is tagged with. */
export const MATCH_FILTER = 'match';

/** Ids of the measures whose name or an alias occurs in `text`, or whose id is among `tagged`. */
export function matchedMeasures(text: string, tagged: readonly string[], dict: Dictionary, t2s?: CharMap): string[] {
  const norm = normalize(text, { t2s, compact: true });
  const names = new Set(tagged);
  return dict.measures
    .filter((m) => names.has(m.id) || dict.termsOf(m.id).some((term) => term && norm.includes(term)))
    .map((m) => m.id);
}
