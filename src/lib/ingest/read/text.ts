/** Plain text: decoded (UTF-8, BOM, GB18030, UTF-16), cleaned, one block per line. */
import type { ReadResult } from '../structure/blocks.ts';
import { decodeBytes, MAX_INPUT_BYTES } from './decode.ts';
import { hygiene } from './hygiene.ts';
import { lineBlocks } from '../structure/structure.ts';
import { bidiNote } from './notes.ts';

/** Text already decoded (a `.txt` read as a string, or the text of another reader). */
export function readText(text: string, encoding = 'text'): ReadResult {
  const clean = hygiene(text.replace(/^\ufeff/, ''));
  if (!clean.text.trim()) return { ok: false, format: 'text', reason: 'empty file (only whitespace)' };
  return { ok: true, format: 'text', encoding, blocks: lineBlocks(clean.text), meta: {}, notes: bidiNote(clean.bidi) };
}

export function readTextBytes(bytes: Uint8Array, maxBytes = MAX_INPUT_BYTES): ReadResult {
  const decoded = decodeBytes(bytes, maxBytes);
  if (!decoded.ok) return { ok: false, format: 'text', reason: decoded.reason };
  return readText(decoded.text, decoded.encoding);
}
