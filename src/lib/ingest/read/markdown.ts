/**
 * Markdown, including WeChat-article exports: YAML front matter as metadata, then the mdast
 * of remark-parse (with GFM and the CJK-friendly emphasis rules, so `**“双减”**工作` is bold
 * and leaves no literal `**`). Headings, bold lead lines that act as headings, `>` quotes,
 * list items, images (also when wrapped in `**`), captions; link text is kept, targets are
 * dropped, and `javascript:` links vanish with their text.
 */
import type { Heading, Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { parse as parseYaml } from 'yaml';
import { parseHTML } from 'linkedom';
import type { DocBlock, DocumentMeta, ReadResult } from '../structure/blocks.ts';
import { metadataDate } from '../structure/dating.ts';
import { hygiene } from './hygiene.ts';
import { htmlBlocks, isBoldHeading, isScriptUrl } from './htmlBlocks.ts';
import { hiddenNotes, inlineHiding, removeHiddenElements, type HiddenElements } from './htmlHidden.ts';
import { checkHtmlSource, checkHtmlTree } from './htmlLimits.ts';
import { countUpTo, enforce, READ_LIMITS } from './limits.ts';
import { bidiNote } from './notes.ts';

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).use(remarkCjkFriendly);

/** Front-matter keys (lower case) for each metadata field, in order of preference. */
const KEYS: Record<Exclude<keyof DocumentMeta, 'dateFrom' | 'otherDate'>, string[]> = {
  title: ['title', '标题', 'headline'],
  author: ['author', '作者', 'byline', 'creator'],
  publication: ['account', 'nickname', 'mp_name', 'account_name', '公众号', 'publication', 'site_name', 'site'],
  source: ['source', '来源', 'publisher', '发布单位', 'organization'],
  date: [
    'date',
    'publish_date',
    'published',
    'publish_time',
    'pubdate',
    'published_at',
    'create_time',
    'created',
    '发布时间',
    '发布日期',
    '日期',
    'time',
  ],
  url: ['url', 'link', 'source_url', 'original_url', 'origin_url', 'canonical', 'permalink', '原文链接', '链接'],
};
/** Platform names that say where, not who: not a publication. */
const PLATFORM = /^(微信|微信公众号|公众号|wechat|weixin|mp\.weixin\.qq\.com|网页|web)$/i;

function scalar(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() || undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

/** Front matter (already parsed) → document metadata; unknown keys are ignored. */
export function frontMatterMeta(data: unknown): DocumentMeta {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return {};
  const fields = new Map(
    Object.entries(data as Record<string, unknown>).map(([k, v]) => [k.trim().toLowerCase(), scalar(v)]),
  );
  const pick = (keys: string[], ok: (v: string) => boolean = () => true) => {
    for (const k of keys) {
      const v = fields.get(k);
      if (v && ok(v)) return { key: k, value: v };
    }
    return undefined;
  };
  const meta: DocumentMeta = {};
  const title = pick(KEYS.title);
  if (title) meta.title = title.value;
  const author = pick(KEYS.author);
  if (author) meta.author = author.value;
  const publication = pick(KEYS.publication, (v) => !PLATFORM.test(v));
  if (publication) meta.publication = publication.value;
  const source = pick(KEYS.source, (v) => !PLATFORM.test(v));
  if (source) meta.source = source.value;
  for (const k of KEYS.date) {
    const v = fields.get(k);
    const date = v ? metadataDate(v) : undefined;
    if (date) {
      meta.date = date;
      meta.dateFrom = `front matter \`${k}: ${v}\``;
      break;
    }
  }
  const url = pick(KEYS.url, (v) => /^https?:\/\//i.test(v));
  if (url) meta.url = url.value;
  return meta;
}

/** Text of phrasing content: link text without targets, no images, `javascript:` links dropped. */
function phrasingText(nodes: readonly PhrasingContent[], context: MarkdownContext): { text: string; bold: number } {
  let text = '';
  let bold = 0;
  // Inline raw HTML opens and closes in separate nodes: text between a hiding tag and its end is hidden.
  const hiding: string[] = [];
  const visit = (n: PhrasingContent, inBold: boolean) => {
    if (hiding.length && n.type !== 'html') {
      if (n.type === 'text') context.hiddenText(n.value);
      return;
    }
    switch (n.type) {
      case 'text':
      case 'inlineCode': {
        // Emphasis markers the parser could not pair stay as text: they are not words.
        const value = n.type === 'text' ? n.value.replace(/\*{2,}|_{2,}/g, '') : n.value;
        text += value;
        if (inBold) bold += value.replace(/\s/g, '').length;
        return;
      }
      case 'break':
        text += '\n';
        return;
      case 'strong':
        for (const c of n.children) visit(c, true);
        return;
      case 'emphasis':
      case 'delete':
        for (const c of n.children) visit(c, inBold);
        return;
      case 'link':
        if (isScriptUrl(n.url)) return;
        for (const c of n.children) visit(c, inBold);
        return;
      case 'linkReference':
        for (const c of n.children) visit(c, inBold);
        return;
      case 'html': {
        const inner = inlineHtml(n.value, hiding, context);
        text += inner;
        if (inBold) bold += inner.replace(/\s/g, '').length;
        return;
      }
      default:
        return; // image, imageReference, footnoteReference: no text
    }
  };
  for (const n of nodes) visit(n, false);
  return { text, bold };
}

/**
 * Inline raw HTML: a tag that hides its content (or any tag inside one) adds no text and goes on
 * the stack of hiding tags until its end tag; other HTML adds its text.
 */
function inlineHtml(value: string, hiding: string[], context: MarkdownContext): string {
  const trimmed = value.trim();
  const tag = /^<\/?([a-z][a-z0-9]*)/i.exec(trimmed)?.[1]?.toLowerCase();
  const closing = trimmed.startsWith('</');
  const selfClosing = /\/>$/.test(trimmed);
  if (hiding.length) {
    if (closing && tag === hiding.at(-1)) hiding.pop();
    else if (tag && !closing && !selfClosing) hiding.push(tag);
    return '';
  }
  if (tag && !closing && inlineHiding(value, context.css, (h) => fragment(h).ownerDocument as never)) {
    if (!selfClosing) hiding.push(tag);
    return '';
  }
  return inlineHtmlText(value);
}

/** `<br>` is a line break, `<span>` keeps its text, tags are dropped: parsed, not pattern-matched. */
function inlineHtmlText(html: string): string {
  const body = fragment(html);
  if (body.querySelector('br') && !(body.textContent ?? '').trim()) return '\n';
  for (const el of Array.from(body.querySelectorAll('script,style,noscript,template'))) el.remove();
  return body.textContent ?? '';
}

/** Raw HTML of a Markdown file, parsed as a fragment of a body. */
function fragment(html: string) {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.body;
}

/** Images only (possibly wrapped in bold, emphasis or a link): the paragraph is an image. */
function onlyImages(nodes: readonly PhrasingContent[]): string[] | undefined {
  const alts: string[] = [];
  const visit = (n: PhrasingContent): boolean => {
    if (n.type === 'image' || n.type === 'imageReference') {
      alts.push(n.alt ?? '');
      return true;
    }
    if (n.type === 'text') return !n.value.replace(/\*+|_+/g, '').trim();
    if (n.type === 'break') return true;
    if (n.type === 'html') {
      const body = fragment(n.value);
      for (const img of Array.from(body.querySelectorAll('img'))) alts.push(img.getAttribute('alt') ?? '');
      return !(body.textContent ?? '').trim();
    }
    if ('children' in n) return (n.children as PhrasingContent[]).every(visit);
    return false;
  };
  return nodes.every(visit) && alts.length ? alts : undefined;
}

/** What reading one Markdown file shares: its `<style>` rules (for raw HTML) and what was hidden. */
interface MarkdownContext {
  css: string;
  notes: string[];
  hidden: HiddenElements['removed'];
  hiddenText(text: string): void;
}

function headingBlock(n: Heading, line: number, context: MarkdownContext): DocBlock {
  const images = onlyImages(n.children);
  if (images) return { kind: 'image', text: images.join(' '), line };
  return { kind: 'heading', level: n.depth, text: phrasingText(n.children, context).text, line };
}

function paragraphBlocks(
  n: Paragraph,
  line: number,
  kind: 'paragraph' | 'quote' | 'listItem',
  context: MarkdownContext,
): DocBlock[] {
  const images = onlyImages(n.children);
  if (images) return [{ kind: 'image', text: images.join(' '), line }];
  const { text, bold } = phrasingText(n.children, context);
  if (!text.trim()) return [];
  // A whole line in bold that reads as a heading (`**一、强化保障**`); a bold lead in a sentence is just text.
  if (kind === 'paragraph' && !text.includes('\n') && isBoldHeading(text, bold))
    return [{ kind: 'heading', level: 2, text, line }];
  return [{ kind, text, line }];
}

/** A raw HTML block: checked like a page, its hidden elements (by the file's `<style>` rules too) removed. */
function htmlNodeBlocks(html: string, line: number, context: MarkdownContext): DocBlock[] {
  const body = fragment(`<style>${context.css}</style>${html}`);
  checkHtmlTree(body.ownerDocument as never);
  for (const [why, n] of removeHiddenElements(body.ownerDocument as never).removed) {
    const entry = context.hidden.get(why) ?? { elements: 0, chars: 0, sample: n.sample };
    entry.elements += n.elements;
    entry.chars += n.chars;
    context.hidden.set(why, entry);
  }
  return htmlBlocks(body as never, { locate: () => line });
}

function blocksOf(
  nodes: readonly RootContent[],
  kind: 'paragraph' | 'quote' | 'listItem',
  out: DocBlock[],
  context: MarkdownContext,
): void {
  for (const n of nodes) {
    const line = n.position?.start.line ?? 1;
    switch (n.type) {
      case 'heading':
        out.push(headingBlock(n, line, context));
        break;
      case 'paragraph':
        out.push(...paragraphBlocks(n, line, kind, context));
        break;
      case 'blockquote':
        blocksOf(n.children, 'quote', out, context);
        break;
      case 'list':
        for (const item of n.children) blocksOf(item.children, 'listItem', out, context);
        break;
      case 'table':
        for (const row of n.children) {
          const cells = row.children.map((c) => phrasingText(c.children, context).text.trim()).filter(Boolean);
          if (cells.length) out.push({ kind, text: cells.join(' '), line: row.position?.start.line ?? line });
        }
        break;
      case 'html':
        out.push(...htmlNodeBlocks(n.value, line, context));
        break;
      case 'code':
        context.notes.push(`line ${line}: a code block (${n.lang ?? 'no language'}) was left out of the text`);
        break;
      default:
        break; // yaml, thematicBreak, definition (link targets), footnoteDefinition
    }
  }
}

const DELIMITER = /[*_~`[\]<!]/g;

/**
 * Limits checked on the source, before the parser (whose inline pass is superlinear in emphasis
 * delimiters and whose block pass recurses once per nesting level): character references,
 * container nesting at the start of a line, and the delimiters of a paragraph.
 */
function checkMarkdownSource(text: string): void {
  checkHtmlSource(text);
  let paragraph = 0;
  for (let start = 0; start <= text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, Math.min(end, start + 4 * READ_LIMITS.markdownNesting));
    // Quote markers, and list markers or indents, before the text of the line.
    const nesting = /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))*/.exec(line)![0].replace(/[^>*+\-.)]/g, '').length;
    enforce('markdownNesting', nesting);
    const full = text.slice(start, end);
    paragraph = full.trim() ? paragraph + countUpTo(full, DELIMITER, READ_LIMITS.markdownDelimiters) : 0;
    enforce('markdownDelimiters', paragraph);
    start = end + 1;
  }
}

/** The mdast of a Markdown text (front matter included as a `yaml` node). */
export function parseMarkdown(text: string): Root {
  return processor.parse(text) as Root;
}

export function readMarkdown(source: string, encoding = 'text'): ReadResult {
  const clean = hygiene(source.replace(/^\ufeff/, ''), { decode: false });
  checkMarkdownSource(clean.text);
  const tree = parseMarkdown(clean.text);
  const notes = bidiNote(clean.bidi);
  let meta: DocumentMeta = {};
  const yamlNode = tree.children.find((n): n is Extract<Nodes, { type: 'yaml' }> => n.type === 'yaml');
  if (yamlNode) {
    try {
      meta = frontMatterMeta(parseYaml(yamlNode.value, { maxAliasCount: 50 }));
    } catch (error) {
      notes.push(
        `front matter is not valid YAML (${(error as Error).message.split('\n')[0]}): its metadata was not used`,
      );
    }
  }
  const blocks: DocBlock[] = [];
  const css = tree.children
    .filter((n) => n.type === 'html' && /<style[\s>]/i.test(n.value))
    .map((n) => fragment((n as { value: string }).value).ownerDocument.querySelector('style')?.textContent ?? '')
    .join('\n');
  const hidden: HiddenElements['removed'] = new Map();
  const context: MarkdownContext = {
    css,
    notes,
    hidden,
    hiddenText(text) {
      const entry = hidden.get('hidden by its style') ?? { elements: 0, chars: 0, sample: text.trim().slice(0, 30) };
      entry.elements++;
      entry.chars += text.replace(/\s/g, '').length;
      hidden.set('hidden by its style', entry);
    },
  };
  blocksOf(tree.children, 'paragraph', blocks, context);
  notes.unshift(...hiddenNotes({ removed: hidden }, 'Markdown file'));
  if (!blocks.some((b) => b.kind !== 'image' && b.text.trim()))
    return {
      ok: false,
      format: 'markdown',
      reason: 'no text in the Markdown file (only front matter, images or markup)',
    };
  return { ok: true, format: 'markdown', encoding, blocks, meta, notes };
}
