/**
 * A DOM (from linkedom: a saved web page's article, mammoth's HTML of a DOCX, raw HTML inside
 * Markdown) → blocks. Headings, paragraphs, list items, quotes, images and captions; table
 * rows become paragraphs; scripts, styles, forms and links to `javascript:` are dropped.
 * Only the text of links is kept.
 */
import type { DocBlock, DocBlockKind } from '../structure/blocks.ts';
import { CLAUSE_END, SENTENCE_END as SENTENCE_END_MARKS } from '../../text/sentences.ts';

/** Elements whose content is never text of the article. */
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'FORM',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'AUDIO',
  'VIDEO',
]);
const BLOCK = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'MAIN',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'NAV',
  'UL',
  'OL',
  'DL',
  'DT',
  'DD',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'CENTER',
  'ADDRESS',
  'HR',
  'BODY',
  'HTML',
  'FIGURE',
  'PRE',
]);
const HEADING = /^H([1-6])$/;

/** A link target that is not a place to go: `javascript:`, `vbscript:`, `data:`. */
export function isScriptUrl(href: string): boolean {
  // Browsers ignore control characters and spaces inside the scheme (`java\tscript:`).
  const scheme = /^([^:/?#]*):/.exec(href.replace(/[\u0000-\u0020\u007f]+/g, ''))?.[1]?.toLowerCase();
  return scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data';
}

/** The minimal DOM surface used here (linkedom's nodes). */
interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  getAttribute?: (name: string) => string | null;
}

export interface HtmlBlockOptions {
  /** The line (or position) of a block in the original, from its text. */
  locate: (text: string, ordinal: number) => number;
}

const SENTENCE_END = new RegExp(`[${SENTENCE_END_MARKS}${CLAUSE_END}…]$`);

/** A paragraph that is all bold and short, without a sentence end, is a heading (`<p><strong>一、…</strong></p>`). */
export function isBoldHeading(text: string, boldChars: number): boolean {
  const t = text.trim();
  const visible = t.replace(/\s/g, '').length;
  return visible > 1 && visible <= 40 && boldChars >= visible && !SENTENCE_END.test(t) && !/[。！？]/.test(t);
}

export function htmlBlocks(root: DomNode, { locate }: HtmlBlockOptions): DocBlock[] {
  const walker = new BlockWalker(locate);
  walker.walk(root, 'paragraph', false);
  walker.flush('paragraph');
  return walker.out;
}

/** The text of an element as one block: `<br>` a line break; skipped elements and script links left out. */
function textOf(node: DomNode): string {
  let s = '';
  const visit = (n: DomNode) => {
    if (n.nodeType === 3) s += n.textContent ?? '';
    else if (n.nodeType === 1 && !SKIP.has(n.nodeName.toUpperCase())) {
      if (n.nodeName.toUpperCase() === 'BR') s += '\n';
      else if (!(n.nodeName.toUpperCase() === 'A' && isScriptUrl(n.getAttribute?.('href') ?? '')))
        for (const c of Array.from(n.childNodes)) visit(c);
    }
  };
  visit(node);
  return s.replace(/[ \t\r\f]+/g, ' ');
}

/** Walks the DOM in document order, gathering inline text into the block being read. */
class BlockWalker {
  readonly out: DocBlock[] = [];
  /** Text of the block being read, and how many of its characters are bold. */
  private buffer = '';
  private bold = 0;
  /** Depth of `<pre>` elements (whitespace kept). */
  private pre = 0;

  constructor(private locate: HtmlBlockOptions['locate']) {}

  push(kind: DocBlockKind, text: string, level?: number): void {
    const t = text.replace(/[ \t]*\n[ \t]*/g, '\n').trim();
    if (!t && kind !== 'image') return;
    this.out.push({ kind, text: t, line: this.locate(t, this.out.length), ...(level !== undefined && { level }) });
  }

  /** Ends the block being read: a paragraph that is all bold and short is a heading. */
  flush(kind: DocBlockKind): void {
    const text = this.buffer;
    const allBold = isBoldHeading(text, this.bold);
    this.buffer = '';
    this.bold = 0;
    if (!text.trim()) return;
    if (allBold && kind === 'paragraph') this.push('heading', text, 2);
    else this.push(kind, text);
  }

  walk(node: DomNode, kind: DocBlockKind, inBold: boolean): void {
    if (node.nodeType === 3) {
      const raw = node.textContent ?? '';
      const text = this.pre ? raw : raw.replace(/\s+/g, ' ');
      this.buffer += text;
      if (inBold) this.bold += text.replace(/\s/g, '').length;
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.nodeName.toUpperCase();
    if (SKIP.has(tag) || this.readWhole(node, tag, kind)) return;
    const childKind: DocBlockKind = tag === 'LI' ? 'listItem' : tag === 'BLOCKQUOTE' ? 'quote' : kind;
    const isBlock = BLOCK.has(tag) || tag === 'LI' || tag === 'BLOCKQUOTE';
    if (isBlock) this.flush(kind);
    if (tag === 'PRE') this.pre++;
    const childBold = inBold || tag === 'STRONG' || tag === 'B';
    for (const c of Array.from(node.childNodes)) this.walk(c, childKind, childBold);
    if (tag === 'PRE') this.pre--;
    if (isBlock) this.flush(childKind);
  }

  /** Elements read as a whole (headings, images, captions, table rows, line breaks, script links); false for the others. */
  private readWhole(node: DomNode, tag: string, kind: DocBlockKind): boolean {
    const heading = HEADING.exec(tag);
    if (heading) {
      this.flush(kind);
      this.push('heading', textOf(node), Number(heading[1]));
      return true;
    }
    switch (tag) {
      case 'BR':
        this.buffer += '\n';
        return true;
      case 'IMG':
        this.flush(kind);
        this.push('image', node.getAttribute?.('alt') ?? '');
        return true;
      case 'FIGCAPTION':
        this.flush(kind);
        this.push('caption', textOf(node));
        return true;
      case 'TR': {
        this.flush(kind);
        const cells = Array.from(node.childNodes)
          .filter((c) => c.nodeType === 1)
          .map((c) => textOf(c).trim())
          .filter(Boolean);
        this.push(kind, cells.join(' '));
        return true;
      }
      case 'A':
        return isScriptUrl(node.getAttribute?.('href') ?? '');
      default:
        return false;
    }
  }
}

/**
 * Lines of blocks in an original source, found by searching each block's opening words
 * after the previous block's place (a block whose text is not found verbatim, e.g. because
 * of markup or entities inside it, gets the previous block's line).
 */
const LOCATE_WINDOW = 64 * 1024;

export function lineLocator(source: string): (text: string) => number {
  const lineStarts: number[] = [0];
  for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  let from = 0;
  let lastLine = 1;
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
  return (text: string) => {
    const probe = text.replace(/\s+/g, ' ').trim().slice(0, 12);
    if (probe.length >= 2) {
      // A bounded window: a text that is not found costs at most the window, not the file.
      const found = source.substring(from, from + LOCATE_WINDOW).indexOf(probe);
      const at = found >= 0 ? from + found : -1;
      if (at >= 0) {
        from = at + probe.length;
        lastLine = lineAt(at);
      }
    }
    return lastLine;
  };
}
