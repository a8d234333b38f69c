/**
 * A DOCX's ZIP container, unpacked with a counter: entries are found in the central directory and
 * inflated in chunks, and the count of bytes actually inflated stops at the limit whatever the
 * headers declare (a bomb that declares 1 KB and inflates to 1 GB is refused after the limit,
 * not after 1 GB). Only XML parts are inflated; media are never read. The result has the shape
 * mammoth reads a document from (its `file` input), so mammoth never unzips anything itself.
 */
import { Inflate } from 'fflate';
import { READ_LIMITS, ReadLimitError } from './limits.ts';

/** Entries of a container: a DOCX has a few dozen. */
const MAX_ENTRIES = 5000;

export class DocxZipError extends Error {}

export interface DocxZip {
  /** Names of all entries. */
  names: string[];
  exists(name: string): boolean;
  read(name: string, encoding?: string): Promise<string | Uint8Array>;
  /** The inflated text of an XML part, or undefined. */
  text(name: string): string | undefined;
  /** Replaces a part's text (hidden runs removed) before mammoth reads it. */
  write(name: string, text: string): void;
}

interface Entry {
  method: number;
  compressedSize: number;
  localOffset: number;
}

function centralDirectory(bytes: Uint8Array): Map<string, Entry> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) throw new DocxZipError('no ZIP central directory (the file is cut short or not a ZIP)');
  const count = view.getUint16(end + 10, true);
  if (count > MAX_ENTRIES) throw new DocxZipError(`${count} entries in the ZIP (a DOCX has a few dozen)`);
  let at = view.getUint32(end + 16, true);
  const entries = new Map<string, Entry>();
  const names = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50)
      throw new DocxZipError('damaged ZIP central directory');
    const nameLength = view.getUint16(at + 28, true);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.set(name, {
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      localOffset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

/** The entry's bytes, inflated with the shared counter. */
function inflateEntry(bytes: Uint8Array, entry: Entry, counter: { total: number }): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localOffset;
  if (local + 30 > bytes.length || view.getUint32(local, true) !== 0x04034b50)
    throw new DocxZipError('damaged ZIP entry');
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  const limit = READ_LIMITS.docxInflatedBytes;
  const count = (n: number) => {
    counter.total += n;
    if (counter.total > limit) throw new ReadLimitError('docxInflatedBytes', 'over the limit');
  };
  if (entry.method === 0) {
    count(data.length);
    return data;
  }
  if (entry.method !== 8) throw new DocxZipError(`unsupported ZIP compression method ${entry.method}`);
  const chunks: Uint8Array[] = [];
  const inflate = new Inflate((chunk) => {
    count(chunk.length);
    chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += 65536) inflate.push(data.subarray(i, i + 65536));
    inflate.push(new Uint8Array(0), true);
  } catch (error) {
    if (error instanceof ReadLimitError) throw error;
    throw new DocxZipError(`damaged ZIP entry (${(error as Error).message})`);
  }
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Opens a DOCX; XML parts (`.xml`, `.rels`) are inflated now, within the limit. */
export function openDocxZip(bytes: Uint8Array): DocxZip {
  const entries = centralDirectory(bytes);
  const counter = { total: 0 };
  const texts = new Map<string, string>();
  const utf8 = new TextDecoder();
  for (const [name, entry] of entries)
    if (/\.(xml|rels)$/i.test(name)) texts.set(name, utf8.decode(inflateEntry(bytes, entry, counter)));
  return {
    names: [...entries.keys()],
    exists: (name) => entries.has(name),
    text: (name) => texts.get(name),
    write: (name, text) => void texts.set(name, text),
    async read(name, encoding) {
      const text = texts.get(name);
      const entry = entries.get(name);
      if (text === undefined && !entry) throw new DocxZipError(`no ${name} in the DOCX`);
      if (text !== undefined && encoding && encoding !== 'base64') return text;
      const data = text !== undefined ? new TextEncoder().encode(text) : inflateEntry(bytes, entry!, counter);
      if (encoding === 'base64') throw new DocxZipError('images are not read');
      return encoding ? utf8.decode(data) : data;
    },
  };
}
