/**
 * readDocument(bytes, fileName) → the one block model, whatever the format: the format is
 * told by content (magic bytes, a doctype, front matter) and by the extension. Refusals
 * (scanned or encrypted PDF, encrypted DOCX, a page with no article, binary data) come back
 * as `{ ok: false, reason }` and nothing is written.
 */
import type { DocFormat, DocumentMeta, DocumentRead, ReadResult } from '../structure/blocks.ts';
import { decodeBytes, MAX_INPUT_BYTES } from './decode.ts';
import { hygiene } from './hygiene.ts';
import { HAN } from '../../text/han.ts';
import { characterCount, MAX_LENGTH } from '../../content/lengths.ts';
import { enforce, ReadLimitError } from './limits.ts';
import { bidiNote } from './notes.ts';
import { readHtml } from './html.ts';
import { readMarkdown } from './markdown.ts';
import { readText } from './text.ts';

export type {
  DocBlock,
  DocBlockKind,
  DocFormat,
  DocumentMeta,
  DocumentRead,
  DocumentRefused,
  ReadResult,
} from '../structure/blocks.ts';

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0) => magic.every((b, i) => bytes[at + i] === b);
const extension = (fileName: string) => /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';

/** What the bytes are, before decoding: a binary container, or text to sniff further. */
export function sniffBinary(
  bytes: Uint8Array,
  fileName: string,
): { format: DocFormat } | { refuse: string } | undefined {
  const ext = extension(fileName);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.includes('%PDF-')) return { format: 'pdf' };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return ext === 'docx' || ext === 'docm' || ext === 'dotx' || !['xlsx', 'pptx', 'zip', 'epub', 'odt'].includes(ext)
      ? { format: 'docx' }
      : { refuse: `不支持的文件格式（.${ext} 压缩包）：能导入的是 .txt .md .html .docx .pdf` };
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return {
      refuse:
        ext === 'doc' || ext === 'wps'
          ? '旧版 Word 文件（.doc/.wps）：请在 Word 或 WPS 中另存为 .docx 再导入'
          : '加密的 Word 文件（DOCX 设了打开密码，是一个加密容器）：请去除密码后另存为 .docx 再导入',
    };
  }
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) ||
    startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) ||
    startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])
  ) {
    return { refuse: '图片文件（扫描件或截图）：没有文字层，请先做 OCR（文字识别）再导入' };
  }
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return { refuse: 'RTF 文件：请另存为 .docx 或 .txt 再导入' };
  return undefined;
}

/** Text that is an HTML document (a doctype or an `<html>` element first). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 4096);
  // Also a fragment copied from an editor or a repost: it opens with a block element.
  return (
    /^\s*(<!--[\s\S]{0,2000}?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|meta\s)/i.test(head) ||
    /^\s*<(section|article|div|p|table)[\s>][\s\S]*<\/(section|article|div|p|table)>/i.test(head)
  );
}

/** Front matter that opens with a `key:` (a word, Chinese characters allowed). */
const FRONT_MATTER_KEY = new RegExp(String.raw`^\ufeff?---[ \t]*\r?\n\s*[\w${HAN}-]+\s*:`, 'u');

/** Text that is Markdown: YAML front matter, or several lines of Markdown block syntax. */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  if (/^\ufeff?---[ \t]*\r?\n(?:[^\n]*\n){0,80}?---[ \t]*(\r?\n|$)/.test(head) && FRONT_MATTER_KEY.test(head))
    return true;
  const signals = head.match(/^(#{1,6} \S|!\[[^\]\n]*\]\([^)\n]*\)|> \S|\*\*[^*\n]+\*\*\s*$)/gm)?.length ?? 0;
  return signals >= 3;
}

/** A limit or a parser's own overflow as a refusal; anything else is a bug and is thrown. */
function refusedBy(error: unknown): ReadResult {
  if (error instanceof ReadLimitError) return { ok: false, reason: error.message };
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return {
      ok: false,
      reason:
        'refused: the file nests too deeply to read (the parser ran out of stack) — it is damaged or built to stall the reader',
    };
  throw error;
}

/**
 * What every reader's result goes through last: at most READ_LIMITS.blocks blocks, and the shared
 * hygiene (src/lib/text/unsafeChars.ts's list) on every block and every metadata value — values
 * a parser decoded from escapes (`&#x202E;` in a `<title>`, `"\u202E"` in front matter, a control
 * in DOCX properties) meet the same rule as characters typed raw. Bidi controls removed here are
 * reported.
 */
function finish(result: ReadResult): ReadResult {
  if (!result.ok) return result;
  enforce('blocks', result.blocks.length);
  let bidi = 0;
  const clean = (text: string) => {
    const out = hygiene(text, { decode: false });
    bidi += out.bidi.count;
    return out.text;
  };
  const notes = result.notes.map((n) => hygiene(n, { decode: false }).text);
  const blocks = result.blocks
    .map((b) => ({ ...b, text: clean(b.text) }))
    .filter((b) => b.kind === 'image' || b.text.trim())
    .map((b) => {
      if (b.kind !== 'heading' || characterCount(b.text) <= MAX_LENGTH.originalTitle) return b;
      notes.push(`a heading of ${characterCount(b.text)} characters (line ${b.line}) is read as a paragraph`);
      const { level: _level, ...paragraph } = b;
      return { ...paragraph, kind: 'paragraph' as const };
    });
  const { otherDate, ...strings } = result.meta;
  const meta: DocumentMeta = {};
  for (const [key, value] of Object.entries(strings) as [
    Exclude<keyof DocumentMeta, 'otherDate'>,
    string | undefined,
  ][]) {
    const text = value === undefined ? '' : fitMeta(key, clean(value).replace(/\s+/g, ' ').trim(), notes);
    if (text) meta[key] = text;
  }
  if (otherDate) meta.otherDate = { date: clean(otherDate.date), from: clean(otherDate.from) };
  if (bidi)
    notes.push(...bidiNote({ count: bidi, lines: [] }).map((n) => n.replace('removed', 'removed from decoded values')));
  return { ...result, blocks, meta, notes };
}

/** Longest metadata values kept: as the schemas allow (src/lib/content/lengths.ts). */
const META_LENGTH: Partial<Record<keyof DocumentMeta, number>> = {
  title: MAX_LENGTH.title,
  author: MAX_LENGTH.author,
  source: MAX_LENGTH.body,
  publication: MAX_LENGTH.publication,
  url: 2000,
};

/** A metadata value within its length: a title is shortened (it is drafted for review), anything else dropped; both noted. */
function fitMeta(key: keyof DocumentMeta, text: string, notes: string[]): string {
  const max = META_LENGTH[key];
  const length = characterCount(text);
  if (!max || length <= max) return text;
  if (key === 'title') {
    notes.push(
      `the document's title is ${length} characters long: the draft uses its first ${max - 1} — write a real title`,
    );
    return `${[...text].slice(0, max - 1).join('')}…`;
  }
  notes.push(`the document's ${key} (${length} characters, more than ${max}) was not used`);
  return '';
}

/** Reads any supported input into blocks and metadata, or refuses it with a reason. */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  maxBytes = MAX_INPUT_BYTES,
): Promise<ReadResult> {
  try {
    const binary = bytes.length && bytes.length <= maxBytes ? sniffBinary(bytes, fileName) : undefined;
    // The PDF and DOCX readers (pdf.js, mammoth) are large: loaded only when such a file comes.
    if (binary && 'format' in binary && binary.format === 'pdf')
      return finish(await (await import('./pdf.ts')).readPdf(bytes));
    if (binary && 'format' in binary && binary.format === 'docx')
      return finish(await (await import('./docx.ts')).readDocx(bytes));
    return readTextDocument(bytes, fileName, maxBytes);
  } catch (error) {
    return refusedBy(error);
  }
}

/**
 * The synchronous part of `readDocument`: text-based formats (plain text, Markdown, HTML).
 * A PDF or DOCX is refused here with a pointer to `readDocument`.
 */
export function readTextDocument(bytes: Uint8Array, fileName: string, maxBytes = MAX_INPUT_BYTES): ReadResult {
  try {
    return finish(readTextFormats(bytes, fileName, maxBytes));
  } catch (error) {
    return refusedBy(error);
  }
}

function readTextFormats(bytes: Uint8Array, fileName: string, maxBytes: number): ReadResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty file (0 bytes)' };
  if (bytes.length > maxBytes)
    return {
      ok: false,
      reason: `file too large (${bytes.length} bytes; the limit is ${maxBytes} bytes — a bulletin is a few tens of KB)`,
    };
  const binary = sniffBinary(bytes, fileName);
  if (binary && 'refuse' in binary) return { ok: false, reason: binary.refuse };
  if (binary)
    return {
      ok: false,
      format: binary.format,
      reason: `${binary.format.toUpperCase()} is read asynchronously: use readDocument`,
    };
  const decoded = decodeBytes(bytes, maxBytes);
  if (!decoded.ok) return { ok: false, reason: decoded.reason };
  const ext = extension(fileName);
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml' || looksLikeHtml(decoded.text))
    return readHtml(decoded.text, decoded.encoding);
  if (ext === 'md' || ext === 'markdown' || looksLikeMarkdown(decoded.text))
    return readMarkdown(decoded.text, decoded.encoding);
  return readText(decoded.text, decoded.encoding);
}

/**
 * The text of a document as the casebook reads it (one block a paragraph, headings with `#`), for
 * the site's source page of a non-.txt seed.
 */
export function documentText(read: DocumentRead): string {
  return read.blocks
    .filter((b) => b.kind !== 'image')
    .map((b) =>
      b.kind === 'heading'
        ? `${'#'.repeat(b.level ?? 2)} ${b.text}`
        : b.kind === 'listItem'
          ? `- ${b.text}`
          : b.kind === 'quote'
            ? `> ${b.text}`
            : b.text,
    )
    .join(read.format === 'text' ? '\n' : '\n\n');
}

/** `documentText` of any input; throws with the refusal's reason when it cannot be read. */
export async function extractedText(bytes: Uint8Array, fileName: string): Promise<string> {
  const read = await readDocument(bytes, fileName);
  if (!read.ok) throw new Error(`${fileName}: ${read.reason}`);
  return documentText(read);
}
