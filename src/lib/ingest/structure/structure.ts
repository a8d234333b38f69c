/**
 * Structure: raw lines → blocks (paragraphs with broken wraps joined, short lines,
 * placeholders, chrome) → a document: masthead/title head, editor's notes, a preamble, and
 * one section per reporting body, each with headings and paragraphs and a list of what was
 * removed (captions, chrome, layout duplicates) so that the review report can show it.
 */
import type { DivisionDataset } from '../../model/regions.ts';
import {
  chromeKind,
  cleanHeading,
  cleanParagraph,
  dedupeParagraphs,
  isImageRef,
  isPlaceholder,
  joinText,
  normalizeChars,
  numberedPrefix,
  shouldJoin,
  wordSpansBoundary,
} from './cleanLines.ts';
import { endsSentence } from '../../text/sentences.ts';
import type { DocBlock } from './blocks.ts';
import { readFrame, type Frame } from './frame.ts';
import { bylineOf, orgLine, signatureLine, type Byline, type OrgMention, type Signature } from './orgs.ts';

export interface Block {
  kind: 'text' | 'short' | 'placeholder' | 'chrome';
  text: string;
  /** 1-based line of the raw file where the block starts. */
  line: number;
  chrome?: 'site' | 'footer' | 'links' | 'label' | 'image';
  /** The block right before this one was an image placeholder (so this is its caption). */
  afterPlaceholder?: boolean;
  /** Blank lines before the block. */
  gap: number;
  /** A heading the format marks as one (Markdown `#`, `<h2>`, a DOCX heading style): its level. */
  heading?: number;
  /**
   * From a format with real paragraphs (not plain text): a short line that is not a heading is
   * a paragraph, never guessed to be a caption (only the line after an image is one).
   */
  structured?: boolean;
  /** A list item: never joined with the text before it. */
  listItem?: boolean;
}

export type RemovedKind =
  | 'repeat'
  | 'fragment'
  | 'caption'
  | 'placeholder'
  | 'chrome'
  | 'editor-note'
  | 'preamble'
  | 'byline'
  | 'noise'
  | 'docinfo'
  | 'history'
  | 'signature'
  | 'attachment'
  | 'form';

export interface Removed {
  kind: RemovedKind;
  text: string;
  line: number;
  /** For a repeat/fragment: the line of the paragraph that keeps the text. */
  keptAt?: number;
}

export interface BodyItem {
  kind: 'heading' | 'paragraph';
  text: string;
  line: number;
  /** Markdown heading depth (2 = `##`). */
  depth?: number;
}

export interface Marker {
  kind: 'org' | 'signature';
  text: string;
  line: number;
  org: OrgMention;
  signature?: Signature;
}

export interface Section {
  marker?: Marker;
  /** A closing signature line after the text (rare). */
  closing?: Marker;
  titleLines: string[];
  bylines: Byline[];
  items: BodyItem[];
  removed: Removed[];
  /** Things an editor should check. */
  notes: string[];
}

export interface DocStructure {
  /** Masthead and title blocks before the first paragraph. */
  head: Block[];
  titleLines: string[];
  bylines: Byline[];
  editorNotes: string[];
  preamble: string[];
  sections: Section[];
  removed: Removed[];
  /** Information fields, document number, history, signature and attachments around the text. */
  frame: Frame;
}

/** Longest line that can be a heading, title, caption or masthead line. @default 50 */
export const MAX_SHORT = 50;

function commasOutsideQuotes(s: string): number {
  let depth = 0;
  let n = 0;
  for (const c of s) {
    if (c === '“' || c === '‘' || c === '《') depth++;
    else if ((c === '”' || c === '’' || c === '》') && depth > 0) depth--;
    else if ((c === '，' || c === ',') && depth === 0) n++;
  }
  return n;
}

/** A line that may be a heading, title, caption or masthead line rather than running text. */
function isShortLine(t: string, afterPlaceholder: boolean): boolean {
  if (t.length > (afterPlaceholder ? 80 : MAX_SHORT)) return false;
  if (/[。；;]/.test(t) || /[：:]$/.test(t)) return false;
  // A piece that stops mid-phrase (`…中支撤校、`, `…2000 余`, `…建设的`) is wrapped text, not a heading.
  if (/([、（(“《—\d]|\d\s*[余多]|[的和与及或对把将从])$/.test(t)) return false;
  return afterPlaceholder || !!numberedPrefix(t) || commasOutsideQuotes(t) === 0;
}

/** Plain text → one block per non-empty line (the structure stage joins broken wraps). */
export function lineBlocks(text: string): DocBlock[] {
  const out: DocBlock[] = [];
  text.split('\n').forEach((raw, i) => {
    if (raw.trim()) out.push({ kind: 'paragraph', text: raw, line: i + 1 });
  });
  return out;
}

function classify(b: DocBlock, t: string, gap: number, afterPlaceholder: boolean, structured: boolean): Block {
  const line = b.line;
  const base = { text: t, line, gap, ...(structured && { structured }) };
  if (b.kind === 'image') return { ...base, kind: 'placeholder', text: t || '[图片]' };
  if (b.kind === 'caption') return { ...base, kind: 'short', afterPlaceholder: true };
  const chrome = chromeKind(t);
  if (b.kind === 'heading')
    return chrome ? { ...base, kind: 'chrome', chrome } : { ...base, kind: 'short', heading: b.level ?? 2 };
  if (isPlaceholder(t)) return { ...base, kind: 'placeholder' };
  if (isImageRef(t)) return { ...base, kind: 'chrome', chrome: 'image' };
  if (chrome) return { ...base, kind: 'chrome', chrome };
  const list = b.kind === 'listItem' ? { listItem: true } : {};
  if (isShortLine(t, afterPlaceholder))
    return { ...base, ...list, kind: 'short', ...(afterPlaceholder && { afterPlaceholder }) };
  return { ...base, ...list, kind: 'text' };
}

/**
 * Whether `block` goes on the paragraph `previous` (whose text ends in `tail`): paragraphs are
 * rebuilt from sentence ends, not from the export's styling. A wrapped piece of text after
 * unfinished text; a short line, or a heading the format marked (a WeChat export's bold run,
 * a CMS `<br>` line), in the middle of a sentence unless it is a heading by its form (`一、`,
 * `第三条`); a piece that completes a word (`成|功纳入`); and anything that opens with a
 * comma or a closing mark (`，全区共…`), which no paragraph or heading ever does.
 */
function continuesPrevious(previous: Block, tail: string, block: Block): boolean {
  if (block.listItem || block.kind === 'placeholder' || block.kind === 'chrome' || block.heading === 1) return false;
  const joinable = previous.kind === 'text' || (previous.kind === 'short' && !previous.afterPlaceholder);
  if (!joinable || previous.heading === 1) return false;
  if (CONTINUATION.test(block.text)) return !(previous.kind === 'short' && endsSentence(tail));
  if (previous.kind !== 'text') return false;
  // A speech's address (同志们：) opens the paragraph after it.
  if (ADDRESS.test(previous.text) && block.kind === 'text' && !block.heading && !headingByForm(block.text)) return true;
  if (block.kind === 'text' && !block.heading) return shouldJoin(tail, block.text);
  if (endsSentence(tail) || LEAD_IN.test(tail)) return false;
  if (wordSpansBoundary(tail, block.text)) return true;
  // In a plain text a short line between wrapped lines is the layout's heading or caption.
  if (!block.structured || block.afterPlaceholder || headingByForm(block.text) || DATE_LINE.test(block.text))
    return false;
  // A paragraph of a structured format that stops without a sentence end was cut by styling
  // (a bold run, a `<br>`): `…比去年增加` | `**600个**` | `。` (not a phone number line).
  return !/\d{5,}$/.test(tail.trim());
}

/**
 * The width a plain text wraps its lines at (a PDF's page width): the most common length of
 * long lines, when a good share of them have it; undefined for a text of one line a paragraph.
 */
function wrapWidth(lines: readonly DocBlock[]): number | undefined {
  const lengths = lines.map((l) => normalizeChars(l.text).length).filter((n) => n >= 16);
  if (lengths.length < 6) return undefined;
  const counts = new Map<number, number>();
  for (const n of lengths) for (const k of [n - 1, n, n + 1]) counts.set(k, (counts.get(k) ?? 0) + 1);
  const [mode, count] = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
  return count >= 5 && count >= lengths.length * 0.4 ? mode + 1 : undefined;
}

/** A line of running text a full-width line goes on into (never a title, a heading or a list item). */
function wrappable(previous: Block, block: Block): boolean {
  return (
    previous.kind === 'text' &&
    previous.heading === undefined &&
    !previous.afterPlaceholder &&
    (block.kind === 'text' || block.kind === 'short') &&
    block.heading === undefined &&
    !block.listItem
  );
}

/** The address a speech opens with, on a line of its own. */
const ADDRESS = /^(同志们|同学们|老师们|朋友们|女士们、先生们|各位[\p{Script=Han}、]{1,8})[：:]$/u;

/** Marks that only ever continue a sentence: a block never starts with them. */
const CONTINUATION = /^[，,、；;：:。．.！!？?）)」』”’》〉】]/;
/** A lead-in that introduces what follows (`具体内容如下`): the next block starts anew. */
const LEAD_IN = /(如下|以下|如次)\s*$/;

/** A heading by its form, whatever its styling: `一、`, `（一）`, `1.`, `第二章`, `第三条`. */
export function headingByForm(text: string): boolean {
  return !!numberedPrefix(text) || /^第[一二三四五六七八九十百零〇\d]+[条章节]/.test(text.trim());
}

/**
 * Blocks of any format (or a plain text) → classified blocks. Text is normalised; wrapped
 * pieces of one paragraph are joined. The pieces of a paragraph are collected and joined
 * once, so that a text of many short lines costs linear time.
 */
export function toBlocks(input: string | readonly DocBlock[], structured = typeof input !== 'string'): Block[] {
  const docBlocks = typeof input === 'string' ? lineBlocks(input.replace(/\r\n?/g, '\n')) : input;
  const blocks: Block[] = [];
  let previous: Block | undefined;
  let pieces: string[] = [];
  let lastLine = 0;
  // A plain text copied from a PDF wraps its lines at the page width: a line that fills it goes on.
  const width = structured ? undefined : wrapWidth(docBlocks);
  let lastLength = 0;
  const flush = () => {
    if (previous && pieces.length > 1) previous.text = pieces.join('');
    pieces = [];
  };
  for (const doc of docBlocks) {
    // One block of a structured format can hold several lines (a soft line break).
    for (const raw of doc.text.split('\n')) {
      const t = normalizeChars(raw);
      if (!t && doc.kind !== 'image') continue;
      const gap = Math.max(0, doc.line - lastLine - 1);
      lastLine = Math.max(lastLine, doc.line);
      const afterPlaceholder = previous?.kind === 'placeholder';
      const block = classify(doc, t, gap, afterPlaceholder, structured);
      const tail = pieces.length ? pieces.slice(-3).join('') : (previous?.text ?? '');
      const wrapped = !!width && lastLength >= width - 1 && !endsSentence(tail) && !headingByForm(t);
      lastLength = t.length;
      if (previous && (continuesPrevious(previous, tail, block) || (wrapped && wrappable(previous, block)))) {
        // A styled run set apart by the export (a bold heading, a short line) is text again.
        if (previous.kind === 'short') {
          previous.kind = 'text';
          delete previous.heading;
        }
        if (!pieces.length) pieces.push(previous.text);
        // Pieces are trimmed, so joining to the last piece only decides on a space between.
        const last = pieces.at(-1)!;
        pieces.push(joinText(last, t).slice(last.length));
        continue;
      }
      flush();
      blocks.push(block);
      previous = block;
    }
  }
  flush();
  // Link lists right after “相关链接：” are chrome too (a wide gap ends the list).
  let inLinks = false;
  for (const b of blocks) {
    if (b.kind === 'chrome' && b.chrome === 'links') inLinks = true;
    else if (inLinks && b.kind === 'short' && b.gap <= 2) Object.assign(b, { kind: 'chrome', chrome: 'links' });
    else inLinks = false;
  }
  return blocks;
}

const NOTE_MARKER = /^(开栏的话|编者按|编者的话|编前语|编前话|按语|导语)[:：]?$/;
const DATE_LINE =
  /^(\d{4}\s*年(\s*\d{1,2}\s*月(\s*\d{1,2}\s*日)?)?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2})(\s*(星期|周)[一二三四五六日天])?$/;
/** A labelled masthead line of a web or WeChat article: `来源：…`, `作者：…`, `发布时间：…`. */
export const MASTHEAD_LABEL =
  /^(文章来源|来源|出处|作者|文|图|编辑|责编|发布时间|发布日期|发布单位|时间|日期|浏览次数)\s*[:：]/;
/** A full printed date inside a line (`浙江省教育厅办公室 2025年6月20日`): a masthead line, not a title. */
const FULL_DATE = /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)/;
/** The name of a bulletin over its issue line (`浙江教育简报` / `2025年第6期`): the publication, not the title. */
function isPublicationLine(b: Block, next: Block | undefined): boolean {
  return (
    b.kind === 'short' &&
    !!next &&
    next.kind === 'short' &&
    next.text.length <= 30 &&
    /第\s*[\d一二三四五六七八九十百〇]+\s*期/.test(next.text) &&
    !/第\s*[\d一二三四五六七八九十百〇]+\s*期/.test(b.text)
  );
}
/** A head line that is masthead, not title: an image or its caption, chrome, a date, an issue, a label, the publication. */
function isMastheadLine(b: Block, next: Block | undefined): boolean {
  return (
    b.kind === 'chrome' ||
    b.kind === 'placeholder' ||
    !!b.afterPlaceholder ||
    DATE_LINE.test(b.text) ||
    FULL_DATE.test(b.text) ||
    /第\s*[\d一二三四五六七八九十百〇]+\s*期/.test(b.text) ||
    MASTHEAD_LABEL.test(b.text) ||
    isPublicationLine(b, next)
  );
}
const ISSUE_LINE = /^(总)?第\s*[\d一二三四五六七八九十百]+\s*期/;

/** Heading-number style, for heading depth: the first style met is `##`, the next `###`. */
function numberStyle(prefix: string): string {
  if (/^[一二三四五六七八九十]+、/.test(prefix)) return 'cn';
  if (/^[（(]/.test(prefix)) return 'paren';
  if (/^\d/.test(prefix)) return 'digit';
  return 'part';
}

/**
 * `一、以“综合改革”提升教育教学质量。一是…` → a heading and the paragraph after it, when the
 * numbered first sentence is short enough to be a heading.
 */
function splitInlineHeading(text: string): { heading: string; rest: string } | undefined {
  if (!numberedPrefix(text)) return undefined;
  const end = text.search(/[。！？]/);
  if (end < 0 || end > 45) return undefined;
  const heading = text.slice(0, end);
  if (commasOutsideQuotes(heading) > 2) return undefined;
  return { heading, rest: text.slice(end + 1).trim() };
}

/** `强化保障，夯实基础教育发展根基。…`: a short two-part lead sentence that works as a heading. */
export function leadHeading(text: string): { heading: string; rest: string } | undefined {
  if (/^[一二三四五六七八九十]+是/.test(text)) return undefined;
  let depth = 0;
  let end = -1;
  for (let i = 0; i < text.length && i <= 26; i++) {
    const c = text[i]!;
    if (c === '“' || c === '‘') depth++;
    else if ((c === '”' || c === '’') && depth > 0) depth--;
    else if (c === '。' && depth === 0) {
      end = i;
      break;
    }
  }
  if (end < 6) return undefined;
  const heading = text.slice(0, end);
  const rest = text.slice(end + 1).trim();
  if (!rest || commasOutsideQuotes(heading) !== 1 || /[、；：]/.test(heading.replace(/“[^”]*”/g, ''))) return undefined;
  const [a, b] = heading.split(/[，,](?![^“]*”)/);
  if (!a || !b || a.length < 2 || b.length < 4) return undefined;
  return { heading, rest };
}

/** The items of one section as they are found, with the numbering styles seen so far (for heading depth). */
interface BodyWriter {
  items: BodyItem[];
  removed: Removed[];
  notes: string[];
  bylines: Byline[];
  heading(raw: string, line: number, level?: number): void;
  paragraph(raw: string, line: number): void;
}

function bodyWriter(): BodyWriter {
  const items: BodyItem[] = [];
  const notes: string[] = [];
  const styles: string[] = [];
  const depthOf = (prefix: string | undefined) => {
    if (!prefix) return 2;
    const style = numberStyle(prefix);
    if (!styles.includes(style)) styles.push(style);
    return Math.min(4, 2 + styles.indexOf(style));
  };
  return {
    items,
    removed: [],
    notes,
    bylines: [],
    heading(raw, line, level) {
      const text = cleanHeading(raw);
      const prefix = numberedPrefix(text);
      // A marked heading without a number keeps its own level (a level-1 heading in the body is `##`).
      const depth = level !== undefined && !prefix ? Math.min(4, Math.max(2, level)) : depthOf(prefix);
      items.push({ kind: 'heading', text, line, depth });
    },
    paragraph(raw, line) {
      const { text, notes: n } = cleanParagraph(raw);
      if (!text) return;
      for (const note of n) notes.push(`line ${line}: ${note}`);
      items.push({ kind: 'paragraph', text, line });
    },
  };
}

/** Headings, paragraphs and removals of one section's content blocks. */
export function buildBody(blocks: readonly Block[]): {
  items: BodyItem[];
  removed: Removed[];
  notes: string[];
  bylines: Byline[];
} {
  const body = bodyWriter();
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i]!;
    if (b.kind === 'text') {
      addText(b, body);
      i++;
      continue;
    }
    // A run of non-text blocks between paragraphs.
    const run: Block[] = [];
    while (i < blocks.length && blocks[i]!.kind !== 'text') run.push(blocks[i++]!);
    addRun(run, i < blocks.length, body);
  }
  const items = inferLeadHeadings(body.items, body.notes);
  const kept = dropLayoutDuplicates(items, body.removed);
  return {
    items: kept,
    removed: body.removed.sort((a, b) => a.line - b.line),
    notes: body.notes,
    bylines: body.bylines,
  };
}

/** A paragraph, or a numbered heading run into its paragraph (`一、总体要求。…`). */
function addText(b: Block, body: BodyWriter): void {
  const split = splitInlineHeading(b.text);
  if (split) {
    body.heading(split.heading, b.line);
    if (split.rest) body.paragraph(split.rest, b.line);
  } else body.paragraph(b.text, b.line);
}

/** A run of short lines, captions, placeholders and chrome between paragraphs: headings, bylines or removals. */
function addRun(run: readonly Block[], nextIsText: boolean, body: BodyWriter): void {
  const { removed } = body;
  const hasNumbered = run.some((r) => r.kind === 'short' && !r.afterPlaceholder && numberedPrefix(r.text));
  const candidates = run.filter(
    (r) => r.kind === 'short' && !r.afterPlaceholder && !r.structured && !numberedPrefix(r.text) && !bylineOf(r.text),
  );
  const plainHeading = !hasNumbered && nextIsText ? candidates.at(-1) : undefined;
  for (const r of run) {
    if (r.heading !== undefined) body.heading(r.text, r.line, r.heading);
    else if (r.kind === 'placeholder') removed.push({ kind: 'placeholder', text: r.text, line: r.line });
    else if (r.kind === 'chrome') removed.push({ kind: 'chrome', text: r.text, line: r.line });
    else if (r.afterPlaceholder) removed.push({ kind: 'caption', text: cleanHeading(r.text), line: r.line });
    else if (bylineOf(r.text)) {
      body.bylines.push(bylineOf(r.text)!);
      removed.push({ kind: 'byline', text: r.text, line: r.line });
    } else if (numberedPrefix(r.text) || r === plainHeading) body.heading(r.text, r.line);
    else if (r.structured) body.paragraph(r.text, r.line);
    else removed.push({ kind: 'caption', text: cleanHeading(r.text), line: r.line });
  }
}

/** Lead sentences as headings, in a text that has no headings at all (three leads at least). */
function inferLeadHeadings(items: BodyItem[], notes: string[]): BodyItem[] {
  if (items.some((it) => it.kind === 'heading')) return items;
  const leads = items.map((it) => (it.kind === 'paragraph' ? leadHeading(it.text) : undefined));
  if (leads.filter(Boolean).length < 3) return items;
  const out: BodyItem[] = [];
  items.forEach((it, k) => {
    const lead = leads[k];
    if (!lead) return void out.push(it);
    out.push({ kind: 'heading', text: lead.heading, line: it.line, depth: 2 });
    out.push({ kind: 'paragraph', text: lead.rest, line: it.line });
  });
  notes.push('headings inferred from short lead sentences (the text has no numbered headings): check them');
  return out;
}

/** Paragraphs the page layout repeats (an exact repeat, a fragment of another) left out, each noted with the line kept. */
function dropLayoutDuplicates(items: readonly BodyItem[], removed: Removed[]): BodyItem[] {
  const paraIdx = items.flatMap((it, k) => (it.kind === 'paragraph' ? [k] : []));
  const dups = dedupeParagraphs(paraIdx.map((k) => items[k]!.text));
  const drop = new Set<number>();
  for (const d of dups) {
    const it = items[paraIdx[d.index]!]!;
    drop.add(paraIdx[d.index]!);
    removed.push({ kind: d.kind, text: it.text, line: it.line, keptAt: items[paraIdx[d.keptIn]!]!.line });
  }
  return items.filter((_, k) => !drop.has(k));
}

function markerOf(b: Block, data: DivisionDataset): Marker | undefined {
  if (b.kind !== 'short') return undefined;
  const signature = signatureLine(b.text, data);
  if (signature) return { kind: 'signature', text: b.text, line: b.line, org: signature.org, signature };
  const org = orgLine(b.text, data);
  return org ? { kind: 'org', text: b.text, line: b.line, org } : undefined;
}

/**
 * The whole structure of a bulletin. `structured`: the blocks come from a format with real
 * paragraphs (Markdown, HTML, DOCX, PDF), not from the lines of a plain text.
 */
export function structureDocument(
  input: string | readonly DocBlock[],
  data: DivisionDataset,
  structured = typeof input !== 'string',
): DocStructure {
  const { frame, rest: blocks } = readFrame(toBlocks(input, structured), data);
  const removed: Removed[] = [...frame.removed];
  const markers = new Map<number, Marker>();
  blocks.forEach((b, k) => {
    const m = markerOf(b, data);
    if (m) markers.set(k, m);
  });
  const { head, editorNotes, end } = readHeadBlocks(blocks, markers, removed);
  const { titleLines, bylines } = titleOf(head, blocks, markers);
  for (const b of head) {
    if (b.kind === 'chrome') removed.push({ kind: 'chrome', text: b.text, line: b.line });
    else if (b.kind === 'placeholder') removed.push({ kind: 'placeholder', text: b.text, line: b.line });
    else if (b.afterPlaceholder) removed.push({ kind: 'caption', text: b.text, line: b.line });
  }
  const { preamble, sections } = splitSections(blocks, end, markers, titleLines, removed);
  return { head, titleLines, bylines, editorNotes, preamble, sections, removed, frame };
}

/** Head: masthead and title, up to the first paragraph (editor's notes are set aside); `end` is where the text starts. */
function readHeadBlocks(
  blocks: readonly Block[],
  markers: ReadonlyMap<number, Marker>,
  removed: Removed[],
): { head: Block[]; editorNotes: string[]; end: number } {
  const head: Block[] = [];
  const editorNotes: string[] = [];
  let k = 0;
  for (; k < blocks.length; k++) {
    const b = blocks[k]!;
    const m = markers.get(k);
    if (m && (m.kind === 'signature' || markers.size >= 2)) break;
    // A marked section heading ends the head once it has a title (a level-1 heading or plain lines).
    if (b.heading !== undefined && b.heading >= 2 && head.some((h, n) => !isMastheadLine(h, head[n + 1] ?? b))) break;
    if (b.kind !== 'text') {
      head.push(b);
      continue;
    }
    const prev = head.at(-1);
    if (prev && NOTE_MARKER.test(prev.text)) {
      while (k < blocks.length && blocks[k]!.kind === 'text') {
        editorNotes.push(cleanParagraph(blocks[k]!.text).text);
        removed.push({ kind: 'editor-note', text: blocks[k]!.text, line: blocks[k]!.line });
        k++;
      }
      k--;
      continue;
    }
    break;
  }
  return { head, editorNotes, end: k };
}

/** Title: the last run of short lines before the text, without bylines, dates, issue numbers. */
function titleOf(
  head: readonly Block[],
  blocks: readonly Block[],
  markers: ReadonlyMap<number, Marker>,
): { titleLines: string[]; bylines: Byline[] } {
  const titleLines: string[] = [];
  const bylines: Byline[] = [];
  // A title marked as such (`# …`, `<h1>`, a Title style) is the title; other head lines are masthead.
  const marked = head.filter((b, h) => b.heading !== undefined && b.heading <= 1 && !isPublicationLine(b, head[h + 1]));
  for (const b of marked) titleLines.push(cleanHeading(b.text));
  if (marked.length) return { titleLines, bylines };
  // Lines printed under the title (its issuer and date: 标题 / 厦门市教育局 / 2025年5月20日) are masthead.
  let under = head.length - 1;
  while (
    under > 0 &&
    (DATE_LINE.test(head[under]!.text.replace(/^[（(]|[）)]$/g, '')) ||
      markers.get(blocks.indexOf(head[under]!))?.kind === 'org')
  )
    under--;
  for (let h = under; h >= 0; h--) {
    const b = head[h]!;
    if (
      b.kind !== 'short' ||
      NOTE_MARKER.test(b.text) ||
      DATE_LINE.test(b.text) ||
      ISSUE_LINE.test(b.text) ||
      MASTHEAD_LABEL.test(b.text) ||
      FULL_DATE.test(b.text) ||
      isPublicationLine(b, head[h + 1])
    )
      break;
    const by = bylineOf(b.text);
    if (by) {
      bylines.unshift(by);
      continue;
    }
    if (markers.has(blocks.indexOf(b))) break;
    titleLines.unshift(cleanHeading(b.text));
  }
  return { titleLines, bylines };
}

/** Sections: one per marker when the text has several bodies (or one signed article); text before the first is preamble. */
function splitSections(
  blocks: readonly Block[],
  from: number,
  markers: ReadonlyMap<number, Marker>,
  titleLines: string[],
  removed: Removed[],
): { preamble: string[]; sections: Section[] } {
  const sectionStarts = [...markers.keys()].filter(
    (m) => m >= from && (markers.size >= 2 || markers.get(m)!.kind === 'signature'),
  );
  const preamble: string[] = [];
  const sections: Section[] = [];
  if (!sectionStarts.length) return { preamble, sections: [sectionOf(blocks, from, blocks.length, titleLines)] };
  for (const b of blocks.slice(from, sectionStarts[0])) {
    if (b.kind === 'text') {
      preamble.push(cleanParagraph(b.text).text);
      removed.push({ kind: 'preamble', text: b.text, line: b.line });
    } else removed.push({ kind: b.kind === 'chrome' ? 'chrome' : 'preamble', text: b.text, line: b.line });
  }
  sectionStarts.forEach((start, n) => {
    const end = sectionStarts[n + 1] ?? blocks.length;
    const marker = markers.get(start)!;
    const hasText = blocks.slice(start + 1, end).some((b) => b.kind === 'text');
    if (!hasText && sections.length) {
      sections.at(-1)!.closing = marker; // a signature after the text it signs
      return;
    }
    sections.push(sectionOf(blocks, start + 1, end, titleLines, marker));
  });
  return { preamble, sections };
}

/** One section of blocks[from, to): a marked one takes the short lines right after its marker as its title. */
function sectionOf(blocks: readonly Block[], from: number, to: number, titleLines: string[], marker?: Marker): Section {
  let s = from;
  const titleRun: string[] = [];
  if (marker) {
    while (s < to && blocks[s]!.kind === 'short' && !numberedPrefix(blocks[s]!.text) && !bylineOf(blocks[s]!.text)) {
      titleRun.push(cleanHeading(blocks[s]!.text));
      s++;
    }
    // Only a title if text follows it directly.
    if (!(s < to && blocks[s]!.kind === 'text')) {
      s = from;
      titleRun.length = 0;
    }
  }
  const body = buildBody(blocks.slice(s, to));
  return {
    ...(marker && { marker }),
    titleLines: marker ? titleRun : titleLines,
    bylines: body.bylines,
    items: body.items,
    removed: body.removed,
    notes: body.notes,
  };
}
