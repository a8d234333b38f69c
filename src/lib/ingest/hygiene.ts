/**
 * Text hygiene, the first thing every input goes through (before lines are split, before any
 * rule reads the text, long before MDX escaping): character references decoded, line and
 * paragraph separators made newlines, Unicode normalised, invisible and control characters
 * removed. Bidi controls are removed *and counted*, because they can make `0051` display as
 * `1500`; the report says where they were. Every step is a single pass over the text.
 */
import { decodeHTMLStrict } from 'entities';

/** Bidi embedding/override/isolate controls and the directional marks. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g;
/** C0 controls except tab and newline, DEL, and C1 controls (U+0080–U+009F). */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
/** Zero-width characters, the soft hyphen, the BOM, the Mongolian vowel separator. */
const INVISIBLE = /[\u200b-\u200d\u2060-\u2064\ufeff\u00ad\u180e]/g;
/** Kangxi radicals, CJK radicals supplement, compatibility ideographs (PDF fonts produce them). */
const COMPAT_IDEOGRAPHS = /[\u2e80-\u2eff\u2f00-\u2fdf\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/g;
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
 * NFC, and NFKC for the compatibility ideographs and radicals only (`⼈` U+2F08 → `人`):
 * NFKC on the whole text would also turn full-width punctuation `，` into `,`.
 */
export function normalizeUnicode(text: string): string {
  return text.normalize('NFC').replace(COMPAT_IDEOGRAPHS, (c) => c.normalize('NFKC'));
}

/** Removes control characters (keeping tab and newline) and zero-width characters. */
export function stripInvisible(text: string): string {
  return text.replace(CONTROLS, '').replace(INVISIBLE, '');
}

export interface BidiFinding {
  /** How many bidi controls were removed. */
  count: number;
  /** 1-based lines (of the text given) where they were, at most the first 10. */
  lines: number[];
}

/** Removes bidi controls and says where they were. */
export function stripBidi(text: string): { text: string; bidi: BidiFinding } {
  const bidi: BidiFinding = { count: 0, lines: [] };
  if (!BIDI.test(text)) return { text, bidi };
  BIDI.lastIndex = 0;
  let line = 1;
  let scanned = 0;
  const out = text.replace(BIDI, (_c, at: number) => {
    for (let i = scanned; i < at; i++) if (text.charCodeAt(i) === 10) line++;
    scanned = at;
    bidi.count++;
    if (bidi.lines.at(-1) !== line && bidi.lines.length < 10) bidi.lines.push(line);
    return '';
  });
  return { text: out, bidi };
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

/** Hygiene for a piece of extracted text (a block), where findings are not reported again. */
export function cleanText(text: string): string {
  return hygiene(text).text;
}
