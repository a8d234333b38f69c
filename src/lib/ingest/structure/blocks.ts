/**
 * The one block model every reader produces (plain text, Markdown, HTML, DOCX, PDF) and
 * every later stage reads: what a block is, where it was in the original, and what the
 * document says about itself (title, author, publication, date, URL).
 */

export type DocFormat = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

export type DocBlockKind = 'heading' | 'paragraph' | 'caption' | 'image' | 'listItem' | 'quote';

export interface DocBlock {
  kind: DocBlockKind;
  /** The block's text, without markup (for an image: its alt text, possibly empty). */
  text: string;
  /** Heading level, 1 (the title) to 6. Only for `heading`. */
  level?: number;
  /**
   * Where the block starts in the original: the 1-based line of a text, Markdown or HTML
   * file; for DOCX the paragraph number; for PDF the line on its page.
   */
  line: number;
  /** PDF only: the 1-based page. */
  page?: number;
}

/** What a document says about itself (front matter, `<meta>`, document properties). */
export interface DocumentMeta {
  title?: string;
  /** A person or body named as author (front matter `author`, docx creator, `<meta name=author>`). */
  author?: string;
  /** The body a page names as its source (`来源：成都市教育局`, `<meta name=ContentSource>`). */
  source?: string;
  /** Where it was published: a WeChat account, a site name, a journal. */
  publication?: string;
  /** Publication date as printed in the metadata: YYYY-MM-DD, YYYY-MM or YYYY. */
  date?: string;
  /** The field the date was read from, for the report (`front matter date`, `meta article:published_time`). */
  dateFrom?: string;
  /** A metadata date that the date printed on the page overrode (for the report). */
  otherDate?: { date: string; from: string };
  url?: string;
}

export interface DocumentRead {
  ok: true;
  format: DocFormat;
  /** Text encoding, for text-based formats. */
  encoding?: string;
  blocks: DocBlock[];
  meta: DocumentMeta;
  /** Things the reader noticed that an editor should know (bidi controls removed, …). */
  notes: string[];
}

export interface DocumentRefused {
  ok: false;
  format?: DocFormat;
  /** Why, in words an editor understands (Chinese first for the common cases). */
  reason: string;
}

export type ReadResult = DocumentRead | DocumentRefused;
