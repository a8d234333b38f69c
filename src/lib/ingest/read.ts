/**
 * readDocument(bytes, fileName) → the one block model, whatever the format: the format is
 * told by content (magic bytes, a doctype, front matter) and by the extension. Refusals
 * (scanned or encrypted PDF, encrypted DOCX, a page with no article, binary data) come back
 * as `{ ok: false, reason }` and nothing is written.
 */
import type { DocFormat, ReadResult } from './blocks.ts';
import { decodeBytes, MAX_INPUT_BYTES } from './decode.ts';
import { readHtml } from './read/html.ts';
import { readMarkdown } from './read/markdown.ts';
import { readText } from './read/text.ts';

export type {
  DocBlock,
  DocBlockKind,
  DocFormat,
  DocumentMeta,
  DocumentRead,
  DocumentRefused,
  ReadResult,
} from './blocks.ts';

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
  return /^\s*(<!--[\s\S]{0,2000}?-->\s*)*<(!doctype\s+html|html[\s>]|head[\s>]|meta\s)/i.test(text.slice(0, 4096));
}

/** Text that is Markdown: YAML front matter, or several lines of Markdown block syntax. */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 64 * 1024);
  if (
    /^\ufeff?---[ \t]*\r?\n(?:[^\n]*\n){0,80}?---[ \t]*(\r?\n|$)/.test(head) &&
    /^\ufeff?---[ \t]*\r?\n\s*[\w\u4e00-\u9fff-]+\s*:/.test(head)
  )
    return true;
  const signals = head.match(/^(#{1,6} \S|!\[[^\]\n]*\]\([^)\n]*\)|> \S|\*\*[^*\n]+\*\*\s*$)/gm)?.length ?? 0;
  return signals >= 3;
}

/** Reads any supported input into blocks and metadata, or refuses it with a reason. */
export async function readDocument(
  bytes: Uint8Array,
  fileName: string,
  maxBytes = MAX_INPUT_BYTES,
): Promise<ReadResult> {
  const binary = bytes.length && bytes.length <= maxBytes ? sniffBinary(bytes, fileName) : undefined;
  // The PDF and DOCX readers (pdf.js, mammoth) are large: loaded only when such a file comes.
  if (binary && 'format' in binary && binary.format === 'pdf') return (await import('./read/pdf.ts')).readPdf(bytes);
  if (binary && 'format' in binary && binary.format === 'docx') return (await import('./read/docx.ts')).readDocx(bytes);
  return readTextDocument(bytes, fileName, maxBytes);
}

/**
 * The synchronous part of `readDocument`: text-based formats (plain text, Markdown, HTML).
 * A PDF or DOCX is refused here with a pointer to `readDocument`.
 */
export function readTextDocument(bytes: Uint8Array, fileName: string, maxBytes = MAX_INPUT_BYTES): ReadResult {
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
 * The text of a document as the casebook reads it (one block a paragraph, headings with
 * `#`), for the site's source page of a non-.txt seed. Throws with the refusal's reason
 * when the document cannot be read.
 */
export async function extractedText(bytes: Uint8Array, fileName: string): Promise<string> {
  const read = await readDocument(bytes, fileName);
  if (!read.ok) throw new Error(`${fileName}: ${read.reason}`);
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
