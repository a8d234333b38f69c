/**
 * Text hygiene, the first thing every input goes through (before lines are split, before any
 * rule reads the text, long before MDX escaping): character references decoded, line and
 * paragraph separators made newlines, Unicode normalised, invisible and control characters
 * removed. Bidi controls are removed *and counted*, because they can make `0051` display as
 * `1500`; the report says where they were. Every step is a single pass over the text.
 */
import { decodeHTMLStrict } from 'entities';
import { UNSAFE_CLASSES, UNSAFE_EXTRA } from '../../text/unsafeChars.ts';

/** Bidi controls (the shared list of src/lib/text/unsafeChars.ts). */
const BIDI = new RegExp(`[${UNSAFE_CLASSES.bidi}]`, 'g');
/**
 * Everything else of the shared list: controls (tab and newline are kept), invisible characters,
 * separators, noncharacters, tag characters and lone surrogates.
 */
const INVISIBLE = new RegExp(
  `[${UNSAFE_CLASSES.controls}${UNSAFE_CLASSES.invisible}${UNSAFE_CLASSES.separators}${UNSAFE_CLASSES.noncharacters}\\r]|${UNSAFE_EXTRA}`,
  'g',
);
/** Kangxi radicals, CJK radicals supplement, compatibility ideographs (PDF fonts produce them). */
const COMPAT_IDEOGRAPHS = /[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/g;
/**
 * CJK Radicals Supplement characters that PDF fonts emit for a whole simplified ideograph
 * (`⻓` for 长, `⻔` for 门, `⻣` for 骨): NFKC leaves most of them alone, so they are mapped to
 * the ideograph they stand for (Unicode's EquivalentUnifiedIdeograph data).
 */
const RADICAL_IDEOGRAPH: Record<string, string> = {
  '\u2ea0': '民',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed8': '青',
  '\u2ed9': '韦',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eea': '黾',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2ef0': '龙',
  '\u2ef3': '龟',
};
/** Line separators other than \n: CR LF, CR, NEL, U+2028, U+2029, form feed, vertical tab. */
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029\f\v]/g;

/** Decodes HTML character references (`&#10;`, `&#x1b;`, `&amp;`) in one pass: `&amp;#10;` stays `&#10;`. */
export function decodeReferences(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}

/** Every line break becomes `\n` (so `U+2028` cannot hide a line from the line-based rules). */
export function normalizeLineBreaks(text: string): string {
  return text.replace(LINE_BREAKS, '\n');
}

/**
 * NFC, and NFKC for the compatibility ideographs and radicals only (`⼈` U+2F08 → `人`; a
 * supplement radical to the ideograph it stands for):
 * NFKC on the whole text would also turn full-width punctuation `，` into `,`.
 */
export function normalizeUnicode(text: string): string {
  return text.normalize('NFC').replace(COMPAT_IDEOGRAPHS, (c) => RADICAL_IDEOGRAPH[c] ?? c.normalize('NFKC'));
}

/** Removes control characters (keeping tab and newline), invisible characters and lone surrogates. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

export interface BidiFinding {
  /** How many bidi controls were removed. */
  count: number;
  /** 1-based lines (of the text given) where they were, at most the first 10. */
  lines: number[];
}

const BIDI_CHAR = new RegExp(`^[${UNSAFE_CLASSES.bidi}]$`);
const isBidi = (c: number) => c >= 0x61c && BIDI_CHAR.test(String.fromCharCode(c));

/** Removes bidi controls and says where they were (one pass to count, one to remove). */
export function stripBidi(text: string): { text: string; bidi: BidiFinding } {
  const bidi: BidiFinding = { count: 0, lines: [] };
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) line++;
    else if (isBidi(c)) {
      bidi.count++;
      if (bidi.lines.at(-1) !== line && bidi.lines.length < 10) bidi.lines.push(line);
    }
  }
  return { text: bidi.count ? text.replace(BIDI, '') : text, bidi };
}

export interface HygieneResult {
  text: string;
  bidi: BidiFinding;
}

/**
 * The whole hygiene pass, in order: references decoded first (so that `&#10;` and `&#27;`
 * meet the same rules as the characters they stand for), line breaks, normalisation,
 * invisible characters, bidi controls. `decode: false` for inputs whose parser decodes
 * references itself (Markdown, HTML), where decoding first would change their meaning.
 */
export function hygiene(text: string, { decode = true }: { decode?: boolean } = {}): HygieneResult {
  const decoded = decode ? decodeReferences(text) : text;
  const { text: out, bidi } = stripBidi(stripInvisible(normalizeUnicode(normalizeLineBreaks(decoded))));
  return { text: out, bidi };
}
