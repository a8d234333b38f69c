/**
 * Limits of an HTML input (a page, or raw HTML inside Markdown). Before parsing: character
 * references, and elements and their nesting counted by a linear scan of the tags — the parsers
 * themselves are quadratic in nesting (htmlparser2 takes 13 s to close 100,000 nested `<div>`s).
 * The scan counts only elements whose end tag is required, so that an old page's unclosed `<p>`
 * and `<li>` do not count as depth; it is an upper bound, hence a looser limit than the exact
 * depth, which is counted on the parsed tree by an iterative walk before anything recurses
 * (Readability, the block walker).
 */
import { countUpTo, enforce, READ_LIMITS } from './limits.ts';

/** `&#20013;`, `&#x4e2d;`, `&amp;`. */
const REFERENCE = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;

/** Elements that never have children, or whose end tag may be left out (they never nest by it). */
const NOT_NESTING = new Set(
  'area base br col embed hr img input link meta source track wbr param keygen p li dt dd tr td th option optgroup thead tbody tfoot colgroup caption rb rt rp html head body'.split(
    ' ',
  ),
);
/** Elements whose content is text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'noscript', 'template']);
/** Tags open at once, counted by the scan (an upper bound of the depth; real pages: under 100). */
const MAX_OPEN_TAGS = 4 * READ_LIMITS.htmlDepth;

/** Where the tag starting at `<` (index `at`) ends, quotes respected. */
function tagEnd(source: string, at: number): number {
  let quote = '';
  for (let i = at + 1; i < source.length; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return source.length;
}

function scanTags(source: string): void {
  let open = 0;
  let elements = 0;
  for (let at = source.indexOf('<'); at >= 0 && at < source.length; at = source.indexOf('<', at + 1)) {
    const next = source[at + 1] ?? '';
    if (source.startsWith('<!--', at)) {
      const end = source.indexOf('-->', at + 4);
      at = end < 0 ? source.length : end;
      continue;
    }
    if (!/[a-zA-Z/]/.test(next)) continue;
    const end = tagEnd(source, at);
    const name = /^\/?([a-zA-Z][a-zA-Z0-9-]*)/.exec(source.slice(at + 1, Math.min(end, at + 40)))?.[1]?.toLowerCase();
    if (name && next !== '/') {
      enforce('htmlElements', ++elements);
      if (RAW_TEXT.has(name)) {
        const close = source.toLowerCase().indexOf(`</${name}`, end);
        at = close < 0 ? source.length : close;
        continue;
      }
      if (!NOT_NESTING.has(name) && source[end - 1] !== '/' && ++open > MAX_OPEN_TAGS) enforce('htmlDepth', open);
    } else if (name && !NOT_NESTING.has(name)) open = Math.max(0, open - 1);
    at = end;
  }
}

export function checkHtmlSource(source: string): void {
  if (source.includes('&')) enforce('entities', countUpTo(source, REFERENCE, READ_LIMITS.entities));
  scanTags(source);
}

interface Node {
  children: ArrayLike<Node>;
}

export function checkHtmlTree(document: { documentElement: Node }): void {
  let elements = 0;
  const stack: [Node, number][] = [[document.documentElement, 1]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    enforce('htmlDepth', depth);
    enforce('htmlElements', ++elements);
    for (const child of Array.from(node.children)) stack.push([child, depth + 1]);
  }
}
