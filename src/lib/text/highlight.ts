/**
 * The one highlighter: escapes text for HTML and wraps ranges of it in <mark>. Search
 * excerpts and titles (src/lib/search/engine/excerpt.ts), the target page's marks
 * (client/highlight.ts) and measure-page excerpts all go through `markRanges`.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A half-open range [start, end) of UTF-16 offsets. */
export type Range = readonly [number, number];

/**
 * `text` as HTML with every range in <mark>; a range overlapping an earlier one is marked from where that one ends.
 * `plain` rewrites the unmarked text before escaping (e.g. tidying separators).
 */
export function markRanges(text: string, ranges: readonly Range[], plain: (s: string) => string = (s) => s): string {
  const sorted = [...ranges].filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0] || y[1] - x[1]);
  let html = '';
  let at = 0;
  for (const [a, b] of sorted) {
    if (b <= at) continue;
    const from = Math.max(a, at);
    html += escapeHtml(plain(text.slice(at, from))) + '<mark>' + escapeHtml(text.slice(from, b)) + '</mark>';
    at = b;
  }
  return html + escapeHtml(plain(text.slice(at)));
}

/** Ranges of every literal occurrence of `terms` in `text`, longest term first. */
export function literalRanges(text: string, terms: readonly string[]): Range[] {
  const ranges: Range[] = [];
  for (const term of [...new Set(terms)].filter(Boolean).sort((a, b) => b.length - a.length)) {
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length)) ranges.push([i, i + term.length]);
  }
  return ranges;
}

/** `text` as HTML with every occurrence of `terms` marked. */
export function highlightHtml(text: string, terms: readonly string[]): string {
  return markRanges(text, literalRanges(text, terms));
}
