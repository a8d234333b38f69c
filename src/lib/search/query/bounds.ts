/**
 * Bounds on what the search accepts and shows, so that any input is answered in bounded time:
 * a query is cut to `MAX_QUERY_CHARS` (with a note saying so), and a result shows at most
 * `MAX_TITLE_CHARS` of its title and `MAX_META_CHARS` of each line of metadata — whatever a
 * page holds (a 20,000-character title), what is shown and the work done for it stay small.
 */

/** Longest query searched: far above any real query (a question, a pasted sentence), far below what could stall a page. */
export const MAX_QUERY_CHARS = 100;
/** Longest title shown in a result (real titles rarely pass 80 characters). */
export const MAX_TITLE_CHARS = 120;
/** Longest region, reporting body or date shown in a result line. */
export const MAX_META_CHARS = 60;

/** `text` cut to at most `max` characters (code points, never inside a surrogate pair), with … where cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const chars = Array.from(text.slice(0, max * 2 + 2));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** The part of a query that is searched, and whether it was cut. */
export function boundQuery(raw: string): { query: string; cut: boolean } {
  const chars = Array.from(raw.slice(0, MAX_QUERY_CHARS * 2 + 2));
  const cut = chars.length > MAX_QUERY_CHARS;
  return { query: cut ? chars.slice(0, MAX_QUERY_CHARS).join('') : raw, cut };
}
