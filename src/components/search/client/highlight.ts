/**
 * On the page a result link leads to (`?hl=县管校聘`, repeatable): marks the terms in the
 * indexed body (normalised like the search, so full-width or traditional forms still
 * match) and scrolls the first one into view.
 */
import { normalizeWithMap, originalRange } from '../../../lib/search/normalize.ts';
import { highlightTerms } from '../../../lib/search/url.ts';

const SKIP = 'script, style, noscript, mark, textarea, input, [data-pagefind-ignore], [hidden]';

/** Wraps every occurrence of `terms` (normalised, longest first) in text nodes under `root`. */
export function markIn(root: Element, terms: readonly string[]): HTMLElement[] {
  const sorted = [...new Set(terms)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (!sorted.length) return [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement?.closest(SKIP) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  const marks: HTMLElement[] = [];
  for (const node of nodes) {
    const text = node.data;
    const norm = normalizeWithMap(text, { compact: true });
    const ranges: Array<[number, number]> = [];
    for (const term of sorted) {
      for (let i = norm.text.indexOf(term); i >= 0; i = norm.text.indexOf(term, i + term.length)) {
        const r = originalRange(text, norm, i, i + term.length);
        if (!ranges.some(([a, b]) => r[0] < b && r[1] > a)) ranges.push(r);
      }
    }
    if (!ranges.length) continue;
    ranges.sort((x, y) => x[0] - y[0]);
    const frag = document.createDocumentFragment();
    let at = 0;
    for (const [a, b] of ranges) {
      frag.append(text.slice(at, a));
      const mark = document.createElement('mark');
      mark.dataset['searchHighlight'] = '';
      mark.textContent = text.slice(a, b);
      frag.append(mark);
      marks.push(mark);
      at = b;
    }
    frag.append(text.slice(at));
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
