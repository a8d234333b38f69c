/**
 * Maximum lengths of what a page shows, in characters (code points, as a reader counts them). Each
 * is several times the longest in the curated cases and in real bulletins (titles ≤ 41, summaries
 * ≤ 170, reporting bodies ≤ 13, figure labels ≤ 22, quotes ≤ 27, paragraphs ≤ 900, headings of
 * real texts ≤ 35): room for any real text, and a bound on the work of every page, feed, export
 * and search result that shows it. Ingest applies the same limits to what it drafts.
 */
export const MAX_LENGTH = {
  title: 120,
  originalTitle: 200,
  summary: 300,
  /** A reporting body (报送单位) or a publisher. */
  body: 60,
  author: 60,
  authorRole: 100,
  dateNote: 300,
  figureLabel: 40,
  figureDisplay: 40,
  figureQuote: 200,
  sourceTitle: 200,
  sourceSummary: 600,
  publication: 80,
  issue: 40,
  /** One paragraph of a case body (the text between blank lines). */
  paragraph: 4000,
  /** A whole case body. */
  caseBody: 60000,
} as const;

export const characterCount = (text: string) => {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff) n++;
  }
  return n;
};
