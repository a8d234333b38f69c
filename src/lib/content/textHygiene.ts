/**
 * Characters that must not reach a page, a feed or a terminal unannounced: C0/C1 controls
 * (except tab and newline; CR only as part of CRLF), bidi controls that reorder what a reader
 * sees (`0051` shown as `1500`), zero-width and other invisible characters, line/paragraph
 * separators, noncharacters and lone surrogates. One linear scan; no backtracking.
 */
const UNSAFE =
  /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFDD0-\uFDEF\uFEFF\uFFFE\uFFFF]|\r(?!\n)|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const NAMES: Record<number, string> = {
  0x00: 'NUL', 0x07: 'BEL (bell)', 0x08: 'BACKSPACE', 0x0b: 'VERTICAL TAB', 0x0c: 'FORM FEED', 0x0d: 'CARRIAGE RETURN',
  0x1b: 'ESC (terminal escape)', 0x7f: 'DELETE', 0x061c: 'ARABIC LETTER MARK (bidi)', 0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE', 0x200c: 'ZERO WIDTH NON-JOINER', 0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK (bidi)', 0x200f: 'RIGHT-TO-LEFT MARK (bidi)', 0x2028: 'LINE SEPARATOR', 0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING (bidi)', 0x202b: 'RIGHT-TO-LEFT EMBEDDING (bidi)', 0x202c: 'POP DIRECTIONAL FORMATTING (bidi)',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE (bidi)', 0x202e: 'RIGHT-TO-LEFT OVERRIDE (bidi)', 0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE (bidi)', 0x2067: 'RIGHT-TO-LEFT ISOLATE (bidi)', 0x2068: 'FIRST STRONG ISOLATE (bidi)',
  0x2069: 'POP DIRECTIONAL ISOLATE (bidi)', 0xfeff: 'BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE',
};

/** `U+202E`, the notation editors and their tools understand. */
export function codePointLabel(char: string): string {
  return `U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

function describe(char: string): string {
  const code = char.charCodeAt(0);
  const name =
    NAMES[code] ??
    (code < 0x20 ? 'control character' : code >= 0x80 && code <= 0x9f ? 'C1 control character'
      : code >= 0xd800 && code <= 0xdfff ? 'lone surrogate' : code >= 0x2060 ? 'invisible formatting character' : 'noncharacter');
  return `${codePointLabel(char)} ${name}`;
}

export interface UnsafeCharacter {
  /** 1-based line and column (in UTF-16 code units, as editors count for BMP text). */
  line: number;
  column: number;
  codePoint: string;
  description: string;
}

/** Every unsafe character in `text`, with its line and column. A leading BOM is allowed. */
export function unsafeCharacters(text: string): UnsafeCharacter[] {
  const found: UnsafeCharacter[] = [];
  let line = 1;
  let lineStart = 0;
  let scanned = 0;
  for (const match of text.matchAll(UNSAFE)) {
    const at = match.index;
    if (at === 0 && match[0] === '\uFEFF') continue;
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < at; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    scanned = at;
    found.push({ line, column: at - lineStart + 1, codePoint: codePointLabel(match[0]), description: describe(match[0]) });
  }
  return found;
}

/** True when `text` has no unsafe character at all. */
export function isCleanText(text: string): boolean {
  UNSAFE.lastIndex = 0;
  return !UNSAFE.test(text.replace(/^\uFEFF/, ''));
}

/**
 * Text as a reader may see it where it must stay as stored (the raw bulletin): every unsafe
 * character is replaced by a visible `⟨U+202E⟩` marker instead of acting invisibly.
 */
export function visibleControls(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(UNSAFE, (char) => `⟨${codePointLabel(char)}⟩`);
}

/** Characters XML 1.0 forbids anywhere in a document (a feed with one is not XML). */
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` with every character removed that XML 1.0 does not allow, plus the invisible ones above. */
export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '').replace(UNSAFE, '');
}
