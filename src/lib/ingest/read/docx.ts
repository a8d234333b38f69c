/**
 * A Word file (.docx): paragraphs and headings (from paragraph styles, also the Chinese
 * style names Word uses: 标题 1, 标题) through mammoth, document properties
 * (docProps/core.xml: title, creator) as metadata. An encrypted DOCX is an OLE container,
 * not a ZIP, and is refused before this reader sees it (see ./sniff.ts).
 */
import { DOMParser, parseHTML } from 'linkedom';
import { strToU8, zipSync } from 'fflate';
import mammoth from 'mammoth';
import type { DocumentMeta, ReadResult } from '../structure/blocks.ts';
import { hygiene } from './hygiene.ts';
import { removeHiddenRuns, type HiddenRuns } from './docxHidden.ts';
import { DocxZipError, openDocxZip, type DocxZip } from './docxZip.ts';
import { htmlBlocks } from './htmlBlocks.ts';
import { ReadLimitError } from './limits.ts';
import { bidiNote } from './notes.ts';

const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  "p[style-name='Subtitle'] => h2:fresh",
  "p[style-name='副标题'] => h2:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [
    `p[style-name='标题 ${n}'] => h${Math.min(6, n + 1)}:fresh`,
    `p[style-name='heading ${n}'] => h${Math.min(6, n + 1)}:fresh`,
    `p[style-name='Heading ${n}'] => h${Math.min(6, n + 1)}:fresh`,
  ]),
  "p[style-name='Caption'] => figcaption:fresh",
  "p[style-name='题注'] => figcaption:fresh",
];

/** Creators that are a machine's default, not an author. */
const DEFAULT_CREATOR =
  /^(administrator|admin|user|owner|microsoft office 用户|microsoft office user|un-named|unknown|wps|python-docx|docx)$/i;

/** docProps/core.xml → title and creator (the created date is the file's, not the publication's). */
export function coreProperties(xml: string | undefined): DocumentMeta {
  if (!xml) return {};
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const text = (tag: string) => (doc.getElementsByTagName(tag)[0]?.textContent ?? '').trim();
  const meta: DocumentMeta = {};
  const title = text('dc:title');
  if (title) meta.title = title;
  const creator = text('dc:creator');
  if (creator && !DEFAULT_CREATOR.test(creator)) meta.author = creator;
  return meta;
}

/** Parts whose text mammoth reads, without their hidden runs; notes naming what was left out. */
function dropHiddenText(zip: DocxZip): string[] {
  const removed: HiddenRuns['removed'] = new Map();
  for (const part of ['word/document.xml', 'word/footnotes.xml', 'word/endnotes.xml']) {
    const xml = zip.text(part);
    if (xml === undefined) continue;
    const clean = removeHiddenRuns(xml, zip.text('word/styles.xml'));
    zip.write(part, clean.xml);
    for (const [why, n] of clean.removed) {
      const entry = removed.get(why) ?? { runs: 0, chars: 0, sample: n.sample };
      entry.runs += n.runs;
      entry.chars += n.chars;
      removed.set(why, entry);
    }
  }
  return [...removed].map(
    ([why, n]) =>
      `hidden text left out (${why}): ${n.chars} character(s) in ${n.runs} run(s), e.g. “${n.sample}” — a reader of the Word file does not see it`,
  );
}

/**
 * What mammoth opens: its Node build reads `buffer`, its browser build `arrayBuffer`, and both unzip
 * it themselves. So the parts already inflated within the limit (hidden runs removed, media left
 * out) are packed again, uncompressed: mammoth never inflates anything the counter has not seen.
 */
function mammothInput(zip: DocxZip): { arrayBuffer: ArrayBuffer; buffer: Buffer } {
  const parts: Record<string, Uint8Array> = {};
  for (const name of zip.names) {
    const text = zip.text(name);
    if (text !== undefined) parts[name] = strToU8(text);
  }
  const packed = zipSync(parts, { level: 0 });
  const data = packed.buffer.slice(packed.byteOffset, packed.byteOffset + packed.byteLength) as ArrayBuffer;
  return { arrayBuffer: data, buffer: data as unknown as Buffer };
}

const refused = (reason: string): ReadResult => ({ ok: false, format: 'docx', reason });

export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  let zip: DocxZip;
  let hiddenNotes: string[];
  try {
    zip = openDocxZip(bytes);
    if (!zip.exists('word/document.xml'))
      return refused('不是 Word 文档：ZIP 压缩包里没有 word/document.xml（只支持 .docx）');
    hiddenNotes = dropHiddenText(zip);
  } catch (error) {
    if (error instanceof ReadLimitError) return refused(error.message);
    if (error instanceof DocxZipError) return refused(`不是可读的 DOCX 文件（ZIP 结构损坏：${error.message}）`);
    return refused(`DOCX 无法读取（XML 不完整或损坏：${(error as Error).message.split('\n')[0]}）`);
  }
  let html: string;
  try {
    const result = await mammoth.convertToHtml(mammothInput(zip), {
      styleMap: STYLE_MAP,
      ignoreEmptyParagraphs: true,
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    });
    html = result.value;
  } catch (error) {
    return refused(`DOCX 无法读取：${(error as Error).message}`);
  }
  const clean = hygiene(html, { decode: false });
  const { document } = parseHTML(`<!doctype html><html><body>${clean.text}</body></html>`);
  // A DOCX has no lines: a block's position is its paragraph number.
  const blocks = htmlBlocks(document.body as never, { locate: (_t, ordinal) => ordinal + 1 });
  if (!blocks.some((b) => b.kind !== 'image')) return refused('DOCX 中没有文字（只有图片或空白）：扫描件请先做 OCR');
  const meta = coreProperties(zip.text('docProps/core.xml'));
  // The printed title wins over the property; the property stands in when nothing is marked as a title.
  const printed = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  if (printed) meta.title = printed.text;
  return { ok: true, format: 'docx', blocks, meta, notes: [...hiddenNotes, ...bidiNote(clean.bidi)] };
}
