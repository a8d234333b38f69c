/** The raw bulletin behind a source record, read from seeds/ exactly as stored. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceEntry } from './casebook.ts';

export function rawBytes(source: SourceEntry): Buffer {
  return readFileSync(join(process.cwd(), source.data.file));
}

export function rawText(source: SourceEntry): string {
  return new TextDecoder('utf-8').decode(rawBytes(source));
}
