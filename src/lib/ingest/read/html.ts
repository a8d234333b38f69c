/**
 * An HTML page saved from a browser or a bureau site: parsed with linkedom, metadata read
 * from `<meta>` (publish date, source, title, URL) and from the page's `来源：… 发布时间：…`
 * line, share widgets and navigation removed, then the article found with Mozilla's
 * Readability. A page with no article (a list page, a login page) is refused.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { DocBlock, DocumentMeta, ReadResult } from '../structure/blocks.ts';
import { metadataDate } from '../structure/dating.ts';
import { hygiene } from './hygiene.ts';
import { countHan } from '../../text/han.ts';
import { htmlBlocks, lineLocator } from './htmlBlocks.ts';
import { hiddenNotes, removeHiddenElements } from './htmlHidden.ts';
import { checkHtmlSource, checkHtmlTree } from './htmlLimits.ts';
import { bidiNote } from './notes.ts';

/** Fewest Chinese characters in what Readability finds for it to be an article. */
export const MIN_ARTICLE_CJK = 80;

/** `<meta>` names/properties (lower case) per field, in order of preference. */
const META: Record<'title' | 'date' | 'source' | 'author' | 'publication' | 'url', string[]> = {
  title: ['articletitle', 'og:title', 'twitter:title', 'dc.title', 'title'],
  date: [
    'article:published_time',
    'pubdate',
    'publishdate',
    'publish_date',
    'og:release_date',
    'dc.date',
    'dc.date.issued',
    'date',
    'firstpublishedtime',
    'weibo:article:create_at',
    'article:modified_time',
  ],
  source: ['contentsource', 'source', 'dc.source', 'article:author'],
  author: ['author', 'dc.creator'],
  publication: ['sitename', 'site_name', 'og:site_name', 'columnname', 'application-name'],
  url: ['og:url', 'url'],
};

/** Class or id words of share widgets, navigation and page furniture. */
const FURNITURE =
  /(^|[\s_-])(share|bdshare|jiathis|social|qrcode|qr-code|weixin-code|breadcrumb|crumbs?|nav|navbar|menu|sidebar|footer|toolbar|print|fontsize|font-size|comment|related|recommend|pager|pagination|copyright|login|search)([\s_-]|$)/i;

type Doc = ReturnType<typeof parseHTML>['document'];

function metaMap(document: Doc): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of Array.from(document.querySelectorAll('meta'))) {
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '')
      .trim()
      .toLowerCase();
    const value = (el.getAttribute('content') ?? '').trim();
    if (key && value && !map.has(key)) map.set(key, value);
  }
  return map;
}

/** Short leaf-ish elements that print `来源：…`, `发布时间：…` (bureau sites put them above the article). */
function infoLines(document: Doc): string[] {
  const lines: string[] = [];
  for (const el of Array.from(document.querySelectorAll('div,p,span,td,li,em,small,font'))) {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (!text || text.length > 160 || !/(来源|发布时间|发布日期|发文日期|作者)\s*[:：]/.test(text)) continue;
    if (Array.from(el.children).some((c) => (c.textContent ?? '').replace(/\s+/g, ' ').trim() === text)) continue; // a wrapper of the same line
    lines.push(text);
  }
  return lines;
}

/** `来源：成都市教育局 发布时间：2025-03-12 10:00 浏览次数：…` → its fields. */
export function parseInfoLine(line: string): { source?: string; date?: string; author?: string } {
  const field = (label: string) =>
    new RegExp(`(?:${label})\\s*[:：]\\s*([^\\s|｜]+(?:\\s\\d{1,2}:\\d{2}(?::\\d{2})?)?)`).exec(line)?.[1];
  const source = field('文章来源|信息来源|来源');
  const dateText = field('发布时间|发布日期|发文日期|时间|日期');
  const author = field('作者');
  const date = dateText ? metadataDate(dateText.split(/\s/)[0]!) : undefined;
  return { ...(source && { source }), ...(date && { date }), ...(author && { author }) };
}

/** A `<title>` without the site's name: `标题 - 成都市教育局` → `标题`. */
function pageTitle(title: string): string {
  const parts = title
    .split(/\s+[-_|–—]\s+|\s*[|｜_]\s*/)
    .map((p) => p.trim())
    .filter(Boolean);
  return parts.sort((a, b) => b.length - a.length)[0] ?? title.trim();
}

function readMeta(document: Doc): DocumentMeta {
  const m = metaMap(document);
  const first = (keys: string[]) => keys.map((k) => [k, m.get(k)] as const).find(([, v]) => !!v);
  const meta: DocumentMeta = {};
  const h1 = Array.from(document.querySelectorAll('h1'))
    .map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim())
    .find((t) => t.length >= 4);
  const metaTitle = first(META.title)?.[1];
  const docTitle = document.querySelector('title')?.textContent?.trim();
  const title = h1 ?? metaTitle ?? (docTitle ? pageTitle(docTitle) : undefined);
  if (title) meta.title = title;
  for (const [key, value] of META.date.map((k) => [k, m.get(k)] as const)) {
    const date = value ? metadataDate(value) : undefined;
    if (date) {
      meta.date = date;
      meta.dateFrom = `<meta ${key}="${value}">`;
      break;
    }
  }
  const timeEl = document.querySelector('time[datetime]');
  const timeDate = timeEl ? metadataDate(timeEl.getAttribute('datetime') ?? '') : undefined;
  if (!meta.date && timeDate) {
    meta.date = timeDate;
    meta.dateFrom = `<time datetime="${timeEl!.getAttribute('datetime')}">`;
  }
  let source = first(META.source)?.[1];
  let printed = false;
  for (const line of infoLines(document)) {
    const info = parseInfoLine(line);
    source ??= info.source;
    // The date the page prints (来源：… 发布时间：…) wins over <meta>: a reader sees it, not the metadata.
    if (!printed && info.date) {
      printed = true;
      if (meta.date && meta.date !== info.date) meta.otherDate = { date: meta.date, from: meta.dateFrom ?? 'metadata' };
      meta.date = info.date;
      meta.dateFrom = `the page's line “${line.length > 40 ? `${line.slice(0, 40)}…` : line}”`;
    }
    if (info.author && !meta.author) meta.author = info.author;
  }
  const author = first(META.author)?.[1];
  if (author && !meta.author) meta.author = author;
  const publication = first(META.publication)?.[1];
  if (publication) meta.publication = publication;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? first(META.url)?.[1];
  if (canonical && /^https?:\/\//i.test(canonical)) meta.url = canonical;
  if (source) meta.source = source;
  return meta;
}

/** Removes what is never the article, before Readability looks for it. */
function removeFurniture(document: Doc): void {
  for (const el of Array.from(
    document.querySelectorAll(
      'script,style,noscript,template,iframe,object,embed,svg,canvas,form,button,input,select,textarea,nav,aside,footer',
    ),
  ))
    el.remove();
  for (const el of Array.from(document.querySelectorAll('[class],[id]'))) {
    const words = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    if (FURNITURE.test(words) && el.isConnected) el.remove();
  }
}

export function readHtml(source: string, encoding = 'text'): ReadResult {
  const clean = hygiene(source.replace(/^\ufeff/, ''), { decode: false });
  checkHtmlSource(clean.text);
  // A fragment (a repost's `<section><p><span style=…>`) has no <html> or <body> to find an article in.
  const whole = /<(html|body)[\s>]/i.test(clean.text.slice(0, 65_536));
  const { document } = parseHTML(whole ? clean.text : `<!doctype html><html><body>${clean.text}</body></html>`);
  checkHtmlTree(document as never);
  const meta = readMeta(document);
  // Hidden text goes before anything reads the page (Readability drops inline `display:none` only).
  const hidden = hiddenNotes(removeHiddenElements(document as never), 'page');
  removeFurniture(document);
  const article = new Readability(document as never, { charThreshold: 100, keepClasses: false }).parse();
  const articleText = article?.textContent ?? '';
  if (!article?.content || countHan(articleText) < MIN_ARTICLE_CJK) {
    return {
      ok: false,
      format: 'html',
      reason: `网页中没有找到正文：这个 HTML 页面没有文章（只有导航、链接或不到 ${MIN_ARTICLE_CJK} 个汉字的正文）。请保存文章页本身，或把正文复制为 .txt`,
    };
  }
  const { document: articleDoc } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
  const locate = lineLocator(clean.text);
  const blocks: DocBlock[] = htmlBlocks(articleDoc.body as never, { locate });
  // Readability turns the page's <h1> into <h2>; the printed title is level 1 again.
  const norm = (s: string) => s.replace(/\s+/g, '');
  const titleBlock = meta.title
    ? blocks.find((b) => b.kind === 'heading' && norm(b.text) === norm(meta.title!))
    : undefined;
  if (titleBlock) titleBlock.level = 1;
  else if (meta.title)
    blocks.unshift({ kind: 'heading', level: 1, text: meta.title, line: lineLocator(clean.text)(meta.title) });
  return { ok: true, format: 'html', encoding, blocks, meta, notes: [...hidden, ...bidiNote(clean.bidi)] };
}
