/** The raw bulletin behind a source record, read from seeds/ exactly as stored. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeBytes } from '../lib/ingest/decode.ts';
import type { SourceEntry } from './casebook.ts';

export function rawBytes(source: SourceEntry): Buffer {
  return readFileSync(join(process.cwd(), source.data.file));
}

/** The raw text for display; seeds may be GBK as received, so decode as the ingest CLI does. */
export function rawText(source: SourceEntry): string {
  const decoded = decodeBytes(rawBytes(source), Number.POSITIVE_INFINITY);
  if (!decoded.ok) throw new Error(`${source.data.file}: ${decoded.reason}`);
  return decoded.text;
}
