/**
 * A Word file (.docx): paragraphs and headings (from paragraph styles, also the Chinese
 * style names Word uses: 标题 1, 标题) through mammoth, document properties
 * (docProps/core.xml: title, creator) as metadata. An encrypted DOCX is an OLE container,
 * not a ZIP, and is refused before this reader sees it (see ./sniff.ts).
 */
import JSZip from 'jszip';
import { DOMParser, parseHTML } from 'linkedom';
import mammoth from 'mammoth';
import type { DocumentMeta, ReadResult } from '../blocks.ts';
import { hygiene } from '../hygiene.ts';
import { htmlBlocks } from './htmlBlocks.ts';
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

/** Largest unpacked size of a DOCX (text of a bulletin is a few hundred KB even with images). */
const MAX_UNPACKED = 64e6;

/** Creators that are a machine's default, not an author. */
const DEFAULT_CREATOR =
  /^(administrator|admin|user|owner|microsoft office 用户|microsoft office user|un-named|unknown|wps|python-docx|docx)$/i;

/** docProps/core.xml → title and creator (the created date is the file's, not the publication's). */
export async function coreProperties(zip: JSZip): Promise<DocumentMeta> {
  const xml = await zip.file('docProps/core.xml')?.async('string');
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

/** mammoth's Node build reads `buffer`, its browser build `arrayBuffer`; both hand it to JSZip, which takes either. */
function mammothInput(bytes: Uint8Array): { arrayBuffer: ArrayBuffer; buffer: Buffer } {
  const data = bytes.slice().buffer;
  return { arrayBuffer: data, buffer: data as unknown as Buffer };
}

export async function readDocx(bytes: Uint8Array): Promise<ReadResult> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    return { ok: false, format: 'docx', reason: `不是可读的 DOCX 文件（ZIP 结构损坏：${(error as Error).message}）` };
  }
  // A ZIP bomb: 2 MB that unpack to gigabytes would stall the reader. The central directory says the sizes.
  const unpacked = Object.values(zip.files).reduce(
    (n, f) => n + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0),
    0,
  );
  if (unpacked > MAX_UNPACKED)
    return {
      ok: false,
      format: 'docx',
      reason: `DOCX 解压后过大（${Math.round(unpacked / 1e6)} MB，上限 ${MAX_UNPACKED / 1e6} MB）：不像一份简报，已拒绝`,
    };
  if (!zip.file('word/document.xml'))
    return { ok: false, format: 'docx', reason: '不是 Word 文档：ZIP 压缩包里没有 word/document.xml（只支持 .docx）' };
  let html: string;
  try {
    const result = await mammoth.convertToHtml(mammothInput(bytes), {
      styleMap: STYLE_MAP,
      ignoreEmptyParagraphs: true,
      convertImage: mammoth.images.imgElement(async () => ({ src: '' })),
    });
    html = result.value;
  } catch (error) {
    return { ok: false, format: 'docx', reason: `DOCX 无法读取：${(error as Error).message}` };
  }
  const clean = hygiene(html, { decode: false });
  const { document } = parseHTML(`<!doctype html><html><body>${clean.text}</body></html>`);
  // A DOCX has no lines: a block's position is its paragraph number.
  const blocks = htmlBlocks(document.body as never, { locate: (_t, ordinal) => ordinal + 1 });
  if (!blocks.some((b) => b.kind !== 'image'))
    return { ok: false, format: 'docx', reason: 'DOCX 中没有文字（只有图片或空白）：扫描件请先做 OCR' };
  const meta = await coreProperties(zip);
  // The printed title wins over the property; the property stands in when nothing is marked as a title.
  const printed = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  if (printed) meta.title = printed.text;
  return { ok: true, format: 'docx', blocks, meta, notes: bidiNote(clean.bidi) };
}
