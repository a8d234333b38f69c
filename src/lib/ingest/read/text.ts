/** Plain text (decoded by ./decode.ts): cleaned, one block per line. */
import type { ReadResult } from '../structure/blocks.ts';
import { hygiene } from './hygiene.ts';
import { lineBlocks } from '../structure/structure.ts';
import { bidiNote } from './notes.ts';

/** Text already decoded (a `.txt` read as a string, or the text of another reader). */
export function readText(text: string, encoding = 'text'): ReadResult {
  const clean = hygiene(text.replace(/^\ufeff/, ''));
  if (!clean.text.trim()) return { ok: false, format: 'text', reason: 'empty file (only whitespace)' };
  return { ok: true, format: 'text', encoding, blocks: lineBlocks(clean.text), meta: {}, notes: bidiNote(clean.bidi) };
}
