/**
 * A built page as the search index needs it: the text of its indexed body and its Pagefind
 * filters, meta and sort keys, read from the same `data-pagefind-*` attributes Pagefind's
 * own HTML indexing reads. The index step (src/lib/search/index/siteIndex.ts) turns it into a
 * custom record whose content is the bigram text (src/lib/search/index/indexText.ts).
 */
import { parse, type HTMLElement, type Node } from 'node-html-parser';

export interface PageRecord {
  text: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
}

/** Elements whose text runs on with its neighbours (no word boundary around them). */
const INLINE = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'data',
  'del',
  'dfn',
  'em',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
]);
/** Never text: Pagefind skips these too. */
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

function textOf(node: Node, out: string[]): void {
  if (node.nodeType === TEXT_NODE) {
    out.push(node.text);
    return;
  }
  if (node.nodeType !== ELEMENT_NODE) return;
  const el = node as HTMLElement;
  const tag = el.rawTagName?.toLowerCase() ?? '';
  if (SKIP.has(tag) || el.hasAttribute('data-pagefind-ignore')) return;
  const block = !INLINE.has(tag);
  if (block) out.push(' ');
  for (const child of el.childNodes) textOf(child, out);
  if (block) out.push(' ');
}

/** `key:value` (value after the first colon), or `key` alone with the element's text as the value. */
function pair(attr: string, el: HTMLElement): [string, string] {
  const at = attr.indexOf(':');
  if (at < 0) return [attr.trim(), el.textContent.replace(/\s+/g, ' ').trim()];
  return [attr.slice(0, at).trim(), attr.slice(at + 1).trim()];
}

/** The record of a page, or null when it has no `data-pagefind-body` (not indexed). */
export function pageRecord(html: string): PageRecord | null {
  const root = parse(html, {
    comment: false,
    blockTextElements: { script: false, style: false, noscript: false, pre: true },
  });
  const body = root.querySelector('[data-pagefind-body]');
  if (!body) return null;
  const parts: string[] = [];
  textOf(body, parts);
  const text = parts.join('').replace(/\s+/g, ' ').trim();
  const meta: Record<string, string> = {};
  const filters: Record<string, string[]> = {};
  const sort: Record<string, string> = {};
  for (const el of root.querySelectorAll('[data-pagefind-filter]')) {
    const [k, v] = pair(el.getAttribute('data-pagefind-filter') ?? '', el);
    if (!k || !v) continue;
    const list = (filters[k] ??= []);
    if (!list.includes(v)) list.push(v);
  }
  for (const el of root.querySelectorAll('[data-pagefind-meta]')) {
    const [k, v] = pair(el.getAttribute('data-pagefind-meta') ?? '', el);
    if (k && v && !(k in meta)) meta[k] = v;
  }
  for (const el of root.querySelectorAll('[data-pagefind-sort]')) {
    const [k, v] = pair(el.getAttribute('data-pagefind-sort') ?? '', el);
    if (k && v && !(k in sort)) sort[k] = v;
  }
  if (!meta['title']) {
    const h1 = root.querySelector('h1');
    if (h1) meta['title'] = h1.textContent.replace(/\s+/g, ' ').trim();
  }
  return { text, meta, filters, sort };
}
