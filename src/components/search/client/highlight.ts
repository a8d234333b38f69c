/**
 * On the page a result link leads to (`?hl=县管校聘`, repeatable): marks the terms in the
 * indexed body (normalised like the search, so full-width or traditional forms still
 * match) and scrolls the first one into view.
 */
import { markRanges } from '../../../lib/text/highlight.ts';
import { normalizedRanges } from '../../../lib/search/engine/excerpt.ts';
import { normalizeWithMap } from '../../../lib/search/query/normalize.ts';
import { highlightTerms } from '../../../lib/search/query/url.ts';

const SKIP = 'script, style, noscript, mark, textarea, input, [data-pagefind-ignore], [hidden]';

/** Wraps every occurrence of `terms` (normalised) in text nodes under `root`. */
export function markIn(root: Element, terms: readonly string[]): HTMLElement[] {
  if (!terms.some(Boolean)) return [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const marks: HTMLElement[] = [];
  const range = document.createRange();
  for (const node of nodes) {
    const text = node.data;
    const ranges = normalizedRanges(text, normalizeWithMap(text, { compact: true }), terms);
    if (!ranges.length) continue;
    range.selectNode(node);
    const frag = range.createContextualFragment(markRanges(text, ranges));
    for (const mark of frag.querySelectorAll('mark')) {
      mark.dataset['searchHighlight'] = '';
      marks.push(mark);
    }
    node.replaceWith(frag);
  }
  return marks;
}

export function highlightPage(): void {
  const terms = highlightTerms(location.search).map((t) => normalizeWithMap(t, { compact: true }).text);
  const root = document.querySelector('[data-pagefind-body]') ?? document.querySelector('main');
  if (!root || !terms.length) return;
  const marks = markIn(root, terms);
  // The first mark in the text rather than in the page title.
  (marks.find((m) => !m.closest('h1, header')) ?? marks[0])?.scrollIntoView({ block: 'center' });
}
