/**
 * Bytes → text. Bulletins arrive as UTF-8 (with or without BOM), GBK/GB18030 (Windows
 * exports, older sites) or occasionally UTF-16 with a BOM. We detect, never ask: a strict
 * UTF-8 decode first, GB18030 (a superset of GBK) when that fails. Anything that is not
 * text is rejected with a reason an editor understands.
 */

/** Largest input accepted; a bulletin is a few tens of KB. @default 2 MiB */
export const MAX_INPUT_BYTES = 2 * 1024 * 1024;

export type Encoding = 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be';

export type Decoded = { ok: true; text: string; encoding: Encoding } | { ok: false; reason: string };

function tryDecode(label: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Share of C0 control characters other than tab, newline, carriage return and form feed. */
function controlShare(text: string): number {
  if (!text.length) return 0;
  const controls = text.match(/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls / text.length;
}

/**
 * Decodes a raw file. Rejects empty files, files over `maxBytes`, binary data (NUL bytes or
 * many control characters) and bytes that are neither UTF-8 nor GB18030.
 */
export function decodeBytes(bytes: Uint8Array, maxBytes = MAX_INPUT_BYTES): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty file (0 bytes)' };
  if (bytes.length > maxBytes) {
    return {
      ok: false,
      reason: `file too large (${bytes.length} bytes; the limit is ${maxBytes} bytes — a bulletin is a few tens of KB)`,
    };
  }
  let text: string | undefined;
  let encoding: Encoding;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = tryDecode('utf-16le', bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = tryDecode('utf-16be', bytes.subarray(2));
    encoding = 'utf-16be';
  } else {
    if (bytes.includes(0)) return { ok: false, reason: 'binary file (contains NUL bytes); expected plain text' };
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      text = tryDecode('utf-8', bytes.subarray(3));
      encoding = 'utf-8-bom';
    } else {
      text = tryDecode('utf-8', bytes);
      encoding = 'utf-8';
      if (text === undefined) {
        text = tryDecode('gb18030', bytes);
        encoding = 'gb18030';
      }
    }
  }
  if (text === undefined) return { ok: false, reason: 'not readable as UTF-8 or GBK/GB18030 text' };
  if (controlShare(text) > 0.01) return { ok: false, reason: 'binary file (control characters); expected plain text' };
  if (!text.trim()) return { ok: false, reason: 'empty file (only whitespace)' };
  return { ok: true, text, encoding };
}
