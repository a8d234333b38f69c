/**
 * Which measures a case page is a result for when a query names the measure without its text
 * containing the word typed: the page contains another name or alias of the measure (level 2,
 * match.ts) or is tagged with it (level 1). Computed at build time into the index itself: each
 * such case holds the `namedWord` of every name and alias of the measure it does not contain
 * (indexText.ts), so one lookup of one word answers it exactly — next to the word's own whole
 * word, in the same chunk of the index.
 */
import { TERM_REPEAT, type RecordTerms } from './indexText.ts';
import { termMatcher, type TermMatcher } from './termMatcher.ts';
import type { Dictionary } from '../query/terms.ts';

/** Ids of the measures whose name or an alias occurs in `norm` (normalised, compact: normalize.ts), or whose id is among `tagged`. */
export function matchedMeasures(norm: string, tagged: readonly string[], dict: Dictionary): string[] {
  const names = new Set(tagged);
  return dict.measures
    .filter((m) => names.has(m.id) || dict.termsOf(m.id).some((term) => term && norm.includes(term)))
    .map((m) => m.id);
}

/** What the index step looks for in every page: the terms indexed whole (the dictionary's and the index's phrases) and every measure's names, counted in one pass. */
export interface RecordIndex {
  whole: ReadonlySet<string>;
  matcher: TermMatcher;
}

export function recordIndex(dict: Dictionary, phrases: Iterable<string> = []): RecordIndex {
  const whole = new Set([...dict.indexedTerms, ...phrases]);
  return { whole, matcher: termMatcher([...whole, ...dict.measures.flatMap((m) => dict.termsOf(m.id))]) };
}

/**
 * The known terms of a page's index record (indexText.ts `indexContent`): the dictionary's whole
 * terms (and with `index`, the index's phrases, counted by its matcher), and for a case the names
 * of the measures it matches.
 */
export function recordTerms(
  page: { isCase: boolean; measures: readonly string[] },
  dict: Dictionary,
  index?: RecordIndex,
) {
  return (norm: string): RecordTerms => {
    if (!index)
      return {
        whole: dict.indexedTerms,
        named: page.isCase ? matchedMeasures(norm, page.measures, dict).flatMap((id) => dict.termsOf(id)) : [],
      };
    const counts = index.matcher.count(norm, TERM_REPEAT);
    const tagged = new Set(page.measures);
    const named = page.isCase
      ? dict.measures
          .filter((m) => tagged.has(m.id) || dict.termsOf(m.id).some((term) => counts.has(term)))
          .flatMap((m) => dict.termsOf(m.id))
      : [];
    return { whole: index.whole, counts, named };
  };
}
