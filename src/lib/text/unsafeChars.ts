/**
 * Characters that must not reach a page, a feed or a terminal unannounced — the one list of the
 * project: the build refuses them in content (values and text, ../content/read.ts, ../content/loaders.ts) and
 * ingest removes them from everything it writes (src/lib/ingest/read/hygiene.ts). One linear scan; no
 * backtracking. Each class is a regex character-class body.
 */
export const UNSAFE_CLASSES = {
  /** C0 controls except tab and newline (CR only in CRLF, see UNSAFE), DEL, C1 controls. */
  controls: '\\0-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F',
  /** Bidi embeddings, overrides, isolates and marks: they reorder what a reader sees (`0051` shown as `1500`). */
  bidi: '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069',
  /**
   * Zero-width and other invisible characters: soft hyphen, combining grapheme joiner, Hangul
   * fillers, Khmer inherent vowels, Mongolian separators, zero-width space/joiners, word joiner and
   * invisible operators, deprecated format characters, the BOM, interlinear annotation marks.
   */
  invisible:
    '\\u00AD\\u034F\\u115F\\u1160\\u17B4\\u17B5\\u180B-\\u180F\\u200B-\\u200D\\u2060-\\u2065\\u206A-\\u206F\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB',
  /** Line and paragraph separators (ingest turns them into newlines first). */
  separators: '\\u2028\\u2029',
  /** Noncharacters of the BMP. */
  noncharacters: '\\uFDD0-\\uFDEF\\uFFFE\\uFFFF',
} as const;

/** Tag characters (U+E0000–E007F, invisible) and lone surrogates, which need more than a class. */
export const UNSAFE_EXTRA =
  '\\uDB40[\\uDC00-\\uDC7F]|[\\uD800-\\uDBFF](?![\\uDC00-\\uDFFF])|(?<![\\uD800-\\uDBFF])[\\uDC00-\\uDFFF]';

// The class lists U+034F COMBINING GRAPHEME JOINER on purpose, as a character of its own.
// eslint-disable-next-line no-misleading-character-class
const UNSAFE = new RegExp(`[${Object.values(UNSAFE_CLASSES).join('')}]|\\r(?!\\n)|${UNSAFE_EXTRA}`, 'g');

const NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'BEL (bell)',
  0x08: 'BACKSPACE',
  0x0b: 'VERTICAL TAB',
  0x0c: 'FORM FEED',
  0x0d: 'CARRIAGE RETURN',
  0x1b: 'ESC (terminal escape)',
  0x7f: 'DELETE',
  0x061c: 'ARABIC LETTER MARK (bidi)',
  0x180e: 'MONGOLIAN VOWEL SEPARATOR',
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK (bidi)',
  0x200f: 'RIGHT-TO-LEFT MARK (bidi)',
  0x2028: 'LINE SEPARATOR',
  0x2029: 'PARAGRAPH SEPARATOR',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING (bidi)',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING (bidi)',
  0x202c: 'POP DIRECTIONAL FORMATTING (bidi)',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE (bidi)',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE (bidi)',
  0x2060: 'WORD JOINER',
  0x2066: 'LEFT-TO-RIGHT ISOLATE (bidi)',
  0x2067: 'RIGHT-TO-LEFT ISOLATE (bidi)',
  0x2068: 'FIRST STRONG ISOLATE (bidi)',
  0x2069: 'POP DIRECTIONAL ISOLATE (bidi)',
  0xfeff: 'BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE',
};

/** `U+202E`, the notation editors and their tools understand. */
export function codePointLabel(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

const CATEGORY: [RegExp, string][] = [
  [new RegExp(`[${UNSAFE_CLASSES.controls}]`), 'control character'],
  [new RegExp(`[${UNSAFE_CLASSES.bidi}]`), 'bidi control'],
  [new RegExp(`[${UNSAFE_CLASSES.noncharacters}]`), 'noncharacter'],
  [/^[\uD800-\uDFFF]$/, 'lone surrogate'],
];

function describe(char: string): string {
  const name =
    NAMES[char.codePointAt(0)!] ?? CATEGORY.find(([re]) => re.test(char))?.[1] ?? 'invisible formatting character';
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
    found.push({
      line,
      column: at - lineStart + 1,
      codePoint: codePointLabel(match[0]),
      description: describe(match[0]),
    });
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
