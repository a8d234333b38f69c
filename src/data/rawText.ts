/** The raw bulletin behind a source record, read from seeds/ exactly as stored. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../lib/ingest/decode.ts';
import { extractedText } from '../lib/ingest/read.ts';
import type { SourceEntry } from './casebook.ts';

export function rawBytes(source: SourceEntry): Buffer {
  return readFileSync(join(process.cwd(), source.data.file));
}

/**
 * The raw text for display; seeds may be GBK as received, so decode as the ingest CLI does.
 * A seed of another format (.md, .html, .docx, .pdf) shows the text ingest extracted from it.
 */
export async function rawText(source: SourceEntry): Promise<string> {
  if (!/\.txt$/i.test(source.data.file)) return extractedText(new Uint8Array(rawBytes(source)), source.data.file);
  const decoded = decodeBytes(rawBytes(source), Number.POSITIVE_INFINITY);
  if (!decoded.ok) throw new Error(`${source.data.file}: ${decoded.reason}`);
  return decoded.text;
}
