/**
 * What the readers accept before the expensive step: counts and sizes measured on the input itself
 * (what a ZIP or a PDF stream actually inflates to, not what its headers say), each far above any
 * real bulletin (a few hundred paragraphs, a few thousand runs, tens of pages) and low enough that
 * the step after it stays within the read budget (src/lib/ingest/read/budget/budget.ts). A reader throws
 * `ReadLimitError`; readDocument turns it into a refusal that names the limit.
 */

export const READ_LIMITS = {
  /** Bytes the parts of a DOCX that are read may inflate to, counted while inflating. */
  docxInflatedBytes: 24 * 1024 * 1024,
  /** Paragraphs (`<w:p>`) in a DOCX. */
  docxParagraphs: 10_000,
  /** Text runs (`<w:r>`) in a DOCX. */
  docxRuns: 30_000,
  /** Pages of a PDF. */
  pdfPages: 500,
  /** Text items of a PDF, all pages together. */
  pdfTextItems: 100_000,
  /** Bytes the non-image streams of a PDF may inflate to, counted while inflating. */
  pdfInflatedBytes: 128 * 1024 * 1024,
  /** Element nesting depth of an HTML page (real pages: 20–40). */
  htmlDepth: 256,
  /** Elements of an HTML page. */
  htmlElements: 200_000,
  /** Character references (`&#…;`, `&name;`) in an HTML or Markdown file. */
  entities: 200_000,
  /** Nesting of Markdown containers (`>` quotes, list indents) at the start of a line. */
  markdownNesting: 32,
  /** Emphasis, code and link delimiters (`* _ ~ \` [ ] < !`) in one Markdown paragraph: the inline parser is quadratic in them. */
  markdownDelimiters: 5_000,
  /** Blocks (paragraphs, headings …) of one document. */
  blocks: 20_000,
} as const;

export type ReadLimit = keyof typeof READ_LIMITS;

/** What each limit counts, for the message. */
const WHAT: Record<ReadLimit, string> = {
  docxInflatedBytes: 'data unpacked from the DOCX',
  docxParagraphs: 'paragraphs',
  docxRuns: 'text runs',
  pdfPages: 'pages',
  pdfTextItems: 'text items',
  pdfInflatedBytes: 'data inflated from the PDF’s streams',
  htmlDepth: 'levels of nested elements',
  htmlElements: 'elements',
  entities: 'character references',
  markdownNesting: 'levels of nested quotes or lists',
  markdownDelimiters: 'emphasis or link delimiters in one paragraph',
  blocks: 'paragraphs and headings',
};

export class ReadLimitError extends Error {
  constructor(
    readonly limit: ReadLimit,
    found: number | 'over the limit',
  ) {
    const amount = (n: number) =>
      limit.endsWith('Bytes') ? `${Math.round(n / 1024 / 1024)} MB of` : n.toLocaleString('en');
    super(
      `refused: more than ${amount(READ_LIMITS[limit])} ${WHAT[limit]}${typeof found === 'number' ? ` (${amount(found)})` : ''} — the limit “${limit}”, far beyond any bulletin: the file is damaged or built to stall the reader`,
    );
    this.name = 'ReadLimitError';
  }
}

/** Throws when `count` is over the limit. */
export function enforce(limit: ReadLimit, count: number): void {
  if (count > READ_LIMITS[limit]) throw new ReadLimitError(limit, count);
}

/** Occurrences of `needle` in `text`, counting stops one past `cap`. */
export function countUpTo(text: string, needle: string | RegExp, cap: number): number {
  if (typeof needle !== 'string') {
    let n = 0;
    const re = new RegExp(needle.source, needle.flags.includes('g') ? needle.flags : `${needle.flags}g`);
    while (re.exec(text) && n <= cap) n++;
    return n;
  }
  let n = 0;
  for (let i = text.indexOf(needle); i >= 0 && n <= cap; i = text.indexOf(needle, i + needle.length)) n++;
  return n;
}
