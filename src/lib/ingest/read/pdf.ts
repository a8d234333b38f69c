/**
 * A PDF with a text layer, through pdfjs-dist: the text shown by each page's operators (hidden text left
 * out, ./pdfHidden.ts) grouped into lines by position,
 * running headers, footers and page numbers (`— 1 —`, `- 2 -`, `第 3 页`) dropped, lines
 * broken by the page width joined back into paragraphs (a new paragraph starts at an
 * indent, a wider gap or after a line that stops short), larger type read as headings.
 * Compatibility ideographs (`⼈` U+2F08) are normalised by ./hygiene.ts. A scanned PDF (no
 * text layer) and an encrypted PDF are refused with a message that says so.
 */
import { loadPdfJs, pdfDocumentOptions, type PdfJs } from '#pdf-platform';
import type { DocBlock, DocumentMeta, ReadResult } from '../structure/blocks.ts';
import { metadataDate } from '../structure/dating.ts';
import { hygiene } from './hygiene.ts';
import { CJK_WIDE, countHan } from '../../text/han.ts';
import { bidiNote } from './notes.ts';
import { enforce, ReadLimitError } from './limits.ts';
import { hiddenSummary, pageRuns, type PdfOps, type PdfRun } from './pdfHidden.ts';
import { checkPdfInflation } from './pdfStreams.ts';

/** Fewest characters of text per page for a PDF to have a text layer. */
const MIN_TEXT_PER_PAGE = 20;

export const SCANNED_PDF = '扫描件：PDF 没有文字层，请先做 OCR（文字识别）再导入';
export const ENCRYPTED_PDF = '加密的 PDF：需要密码才能打开，请先去除密码（另存为未加密的 PDF）再导入';

const CJK = new RegExp(`[${CJK_WIDE}]`);

/** One line of text on a page. */
export interface PdfLine {
  text: string;
  x: number;
  right: number;
  y: number;
  /** Font size (the line's tallest item). */
  size: number;
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/** Text items of one page → lines, top to bottom, each left to right. */
export function pageLines(items: readonly TextItem[]): PdfLine[] {
  const placed = items
    // Spaces are decided from positions below: a space item (letter-spaced titles) is not text.
    .filter((it) => it.str.trim())
    .map((it) => ({
      x: it.transform[4] ?? 0,
      y: it.transform[5] ?? 0,
      size: Math.abs(it.transform[3] ?? it.height) || it.height || 10,
      width: it.width,
      str: it.str,
    }))
    // Sorted once by baseline, so that each item is compared with the line being built only.
    .sort((a, b) => b.y - a.y);
  const lines: { y: number; size: number; parts: { x: number; right: number; str: string }[] }[] = [];
  for (const it of placed) {
    const line = lines.at(-1);
    const part = { x: it.x, right: it.x + it.width, str: it.str };
    // Same line when the baselines are within a third of the type size.
    if (line && Math.abs(line.y - it.y) <= Math.max(line.size, it.size) / 3) {
      line.parts.push(part);
      line.size = Math.max(line.size, it.size);
    } else lines.push({ y: it.y, size: it.size, parts: [part] });
  }
  return lines
    .map((l) => {
      const parts = l.parts.sort((a, b) => a.x - b.x);
      let text = '';
      let end = -Infinity;
      for (const p of parts) {
        // A visible gap is a space, except between Chinese characters (spaced-out titles: `浙 江`).
        if (text && p.x - end > l.size * 0.6 && !(CJK.test(text.at(-1) ?? '') && CJK.test(p.str[0] ?? ''))) text += ' ';
        text += p.str;
        end = Math.max(end, p.right);
      }
      return { text: text.trim(), x: parts[0]?.x ?? 0, right: end, y: l.y, size: l.size };
    })
    .filter((l) => l.text);
}

/** A page number line: `— 1 —`, `- 2 -`, `第 3 页`, `第3页 共10页`, `3 / 10`, `3`. */
export function isPageNumber(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return (
    /^[—–\-－·•]*\d{1,4}[—–\-－·•]*$/.test(t) ||
    /^第\d{1,4}页([,，]?共\d{1,4}页)?$/.test(t) ||
    /^\d{1,4}\/\d{1,4}$/.test(t) ||
    /^[-—]?[ivxlc]{1,6}[-—]?$/i.test(t)
  );
}

/**
 * Running headers and footers: the first and last line of a page that recur (digits
 * ignored) on at least half of the pages, when there are at least two pages; page numbers
 * always.
 */
export function runningLines(pages: readonly PdfLine[][]): Set<string> {
  const key = (t: string) => t.replace(/\d+/g, '#').replace(/\s+/g, '');
  const counts = new Map<string, number>();
  for (const lines of pages) {
    const edges = new Set(
      [lines[0], lines[1], lines.at(-1), lines.at(-2)].filter((l): l is PdfLine => !!l).map((l) => key(l.text)),
    );
    for (const k of edges) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const running = new Set<string>();
  if (pages.length >= 2) for (const [k, n] of counts) if (n >= Math.max(2, pages.length / 2)) running.add(k);
  return running;
}

const SENTENCE_END = /[。！？；：…”』」）)]$/;

/** The page's layout as the body text sets it: its type size, left margin, usual right edge and the heading sizes. */
interface Layout {
  bodySize: number;
  left: number;
  right: number;
  /** Sizes larger than the body's, largest first (a heading's level is its rank). */
  headingSizes: number[];
}

/** Lines of all pages → blocks: headings by type size, paragraphs reflowed. */
export function reflow(pages: readonly PdfLine[][]): DocBlock[] {
  const running = runningLines(pages);
  const key = (t: string) => t.replace(/\d+/g, '#').replace(/\s+/g, '');
  const body = pages.map((lines) =>
    lines.filter((l, i) => !isPageNumber(l.text) && !((i <= 1 || i >= lines.length - 2) && running.has(key(l.text)))),
  );
  const layout = layoutOf(body.flat());
  const out: DocBlock[] = [];
  let open: OpenBlock | undefined;
  body.forEach((lines, p) => {
    lines.forEach((l, i) => {
      open = addLine(out, open, l, { page: p + 1, line: i + 1 }, layout) ?? open;
    });
  });
  return out;
}

function layoutOf(lines: readonly PdfLine[]): Layout {
  const sizes = lines.map((l) => Math.round(l.size * 10) / 10).sort((a, b) => a - b);
  const bodySize = sizes[Math.floor(sizes.length / 2)] ?? 10;
  const bodyLines = lines.filter((l) => Math.abs(l.size - bodySize) < 0.5);
  const lefts = bodyLines.map((l) => l.x);
  const left = lefts.length ? Math.min(...lefts) : 0;
  const rights = bodyLines.map((l) => l.right).sort((a, b) => a - b);
  const right = rights[Math.floor(rights.length * 0.9)] ?? 0;
  const headingSizes = [...new Set(lines.filter((l) => l.size >= bodySize * 1.15).map((l) => Math.round(l.size)))].sort(
    (a, b) => b - a,
  );
  return { bodySize, left, right, headingSizes };
}

/** The block being reflowed and its last line. */
interface OpenBlock {
  block: DocBlock;
  last: PdfLine;
}

/**
 * One line into the blocks: joined to the open heading or paragraph it continues, or a new
 * block (returned as the open one; undefined when the line was joined).
 */
function addLine(
  out: DocBlock[],
  open: OpenBlock | undefined,
  l: PdfLine,
  { page, line }: { page: number; line: number },
  { bodySize, left, right, headingSizes }: Layout,
): OpenBlock | undefined {
  const rank = headingSizes.indexOf(Math.round(l.size));
  if (l.size >= bodySize * 1.15 && rank >= 0) {
    // Consecutive lines in the same heading type are one heading (a title over two lines).
    if (
      open?.block.kind === 'heading' &&
      Math.round(open.last.size) === Math.round(l.size) &&
      open.block.page === page
    ) {
      open.block.text += l.text;
      open.last = l;
      return undefined;
    }
    const block: DocBlock = { kind: 'heading', level: Math.min(6, rank + 1), text: l.text, line, page };
    out.push(block);
    return { block, last: l };
  }
  const indented = l.x - left > bodySize * 1.2;
  const prev = open?.block.kind === 'paragraph' ? open : undefined;
  const lineGap = prev && prev.block.page === page ? prev.last.y - l.y : bodySize * 1.5;
  const prevShort = prev ? prev.last.right < right - bodySize * 1.5 : true;
  const continues =
    prev && !indented && !prevShort && !(lineGap > bodySize * 2.2) && !(SENTENCE_END.test(prev.last.text) && prevShort);
  if (continues && prev) {
    prev.block.text += l.text;
    prev.last = l;
    return undefined;
  }
  const block: DocBlock = { kind: 'paragraph', text: l.text, line, page };
  out.push(block);
  return { block, last: l };
}

/** `D:20250312093000+08'00'` → 2025-03-12. */
function pdfDate(value: unknown): string | undefined {
  const m = typeof value === 'string' ? /^D:(\d{4})(\d{2})?(\d{2})?/.exec(value) : null;
  return m ? metadataDate([m[1], m[2], m[3]].filter(Boolean).join('-')) : undefined;
}

type PdfDoc = Awaited<ReturnType<PdfJs['getDocument']>['promise']>;

/**
 * The shown runs of every page, from its operator list (one evaluation of the page, which also
 * gives each run's render mode, colour and position: pdf.js's text content has neither), without
 * the hidden ones.
 */
async function readPages(lib: PdfJs, doc: PdfDoc): Promise<{ pages: PdfLine[][]; notes: string[] }> {
  enforce('pdfPages', doc.numPages);
  const read: { runs: PdfRun[] }[] = [];
  let itemCount = 0;
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const list = await page.getOperatorList();
    const fontScale = (font: string) => {
      const data = page.commonObjs.has(font) ? (page.commonObjs.get(font) as { fontMatrix?: number[] }) : undefined;
      return data?.fontMatrix?.[0] ?? 0.001;
    };
    // pdf.js's own text normalisation (ligatures such as ﬁ, presentation forms), as its text content applies.
    const runs = pageRuns(lib.OPS as unknown as PdfOps, list, page.view, fontScale).map((r) => ({
      ...r,
      str: lib.normalizeUnicode(r.str),
    }));
    enforce('pdfTextItems', (itemCount += runs.length));
    read.push({ runs });
    page.cleanup();
  }
  const runs = read.flatMap((r) => r.runs);
  // All text invisible is the text layer of an OCR'd scan: what the reader sees is its image.
  if (runs.length && runs.every((r) => r.hidden === 'invisible render mode'))
    return {
      pages: read.map((r) => pageLines(r.runs)),
      notes: [
        'the whole text layer is invisible (an OCR’d scan): read from it — check the text against the page images',
      ],
    };
  const notes = [...hiddenSummary(runs)].map(
    ([why, n]) =>
      `hidden text left out (${why}): ${n.chars} character(s) in ${n.runs} place(s), e.g. “${runs
        .find((r) => r.hidden === why)!
        .str.trim()
        .slice(0, 30)}” — a reader of the PDF does not see it`,
  );
  return {
    pages: read.map((r) => pageLines(r.runs.filter((x) => !x.hidden))),
    notes,
  };
}

export async function readPdf(bytes: Uint8Array): Promise<ReadResult> {
  try {
    checkPdfInflation(bytes);
  } catch (error) {
    if (error instanceof ReadLimitError) return { ok: false, format: 'pdf', reason: error.message };
    throw error;
  }
  const lib = await loadPdfJs();
  const doc = await openPdf(lib, bytes);
  if ('reason' in doc) return { ok: false, format: 'pdf', reason: doc.reason };
  try {
    let pages: PdfLine[][];
    const notes: string[] = [];
    try {
      const read = await readPages(lib, doc);
      pages = read.pages;
      notes.push(...read.notes);
    } catch (error) {
      if (error instanceof ReadLimitError) return { ok: false, format: 'pdf', reason: error.message };
      throw error;
    }
    if (isScanned(pages, doc.numPages)) return { ok: false, format: 'pdf', reason: SCANNED_PDF };
    let bidi = 0;
    const blocks = reflow(pages).map((b) => {
      const clean = hygiene(b.text);
      bidi += clean.bidi.count;
      return { ...b, text: clean.text };
    });
    if (bidi) notes.push(...bidiNote({ count: bidi, lines: [] }));
    const meta = await pdfMeta(doc, blocks, notes);
    return { ok: true, format: 'pdf', blocks, meta, notes };
  } finally {
    await doc.destroy();
  }
}

/** The document, or why it cannot be opened (a password, a damaged file). */
async function openPdf(lib: PdfJs, bytes: Uint8Array): Promise<PdfDoc | { reason: string }> {
  try {
    return await lib.getDocument({
      data: new Uint8Array(bytes),
      // Where CMaps and standard fonts come from: the package under Node, the site in a browser.
      ...pdfDocumentOptions(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      // Images are never decoded: only text is read.
      maxImageSize: 1,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') return { reason: ENCRYPTED_PDF };
    return { reason: `PDF 无法读取（文件损坏或不是 PDF）：${(error as Error).message}` };
  }
}

/** Too little text for its pages, and hardly any Chinese: a scan without a text layer. */
function isScanned(pages: readonly PdfLine[][], pageCount: number): boolean {
  const lines = pages.flat();
  const chars = lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
  return chars < MIN_TEXT_PER_PAGE * Math.max(1, pageCount) && countHan(lines.map((l) => l.text).join('')) < 50;
}

/** Title and author from the document properties when they stand in for nothing printed; the creation date as a note. */
async function pdfMeta(doc: PdfDoc, blocks: readonly DocBlock[], notes: string[]): Promise<DocumentMeta> {
  const info = ((await doc.getMetadata().catch(() => undefined))?.info ?? {}) as Record<string, unknown>;
  const meta: DocumentMeta = {};
  // The printed title is read from the page by the structure stage; the Title property only
  // stands in when the page has no larger type. A file name (`Microsoft Word - 通知.docx`) is not a title.
  const infoTitle = typeof info.Title === 'string' ? hygiene(info.Title).text.trim() : '';
  const printed = blocks.some((b) => b.kind === 'heading' && b.page === 1);
  if (!printed && infoTitle && countHan(infoTitle) >= 4 && !/\.(docx?|wps|pdf|html?)$/i.test(infoTitle))
    meta.title = infoTitle;
  if (typeof info.Author === 'string' && countHan(info.Author) >= 2) meta.author = hygiene(info.Author).text.trim();
  const created = pdfDate(info.CreationDate);
  if (created) notes.push(`the PDF's properties say it was created on ${created} (not used as the publication date)`);
  return meta;
}
