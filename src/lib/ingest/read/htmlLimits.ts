/**
 * Limits of an HTML input (a page, or raw HTML inside Markdown), checked before anything walks it
 * recursively (Readability, the block walker): character references counted in the source,
 * elements and nesting depth counted on the parsed tree by an iterative walk.
 */
import { countUpTo, enforce, READ_LIMITS } from './limits.ts';

/** `&#20013;`, `&#x4e2d;`, `&amp;`. */
const REFERENCE = /&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi;

export function checkHtmlSource(source: string): void {
  if (source.includes('&')) enforce('entities', countUpTo(source, REFERENCE, READ_LIMITS.entities));
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
