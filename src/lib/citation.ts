/**
 * A citation in the style of GB/T 7714-2015 for a case, so bureau staff can paste it into
 * a report: responsible body. title[type]. publication, issue, date. URL.
 */
export type SourceKind = '简报' | '报纸' | '网页' | '文章';

/** GB/T 7714 document-type codes: newspaper N, online bulletin EB/OL, other Z. */
const TYPE_CODE: Record<SourceKind, string> = { 简报: 'Z', 报纸: 'N', 网页: 'EB/OL', 文章: 'Z' };

export interface CitationInput {
  author?: string | undefined;
  body: string;
  title: string;
  kind: SourceKind;
  publication?: string | undefined;
  issue?: string | undefined;
  /** As precise as known: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** The case page's address: what the reader actually consulted. */
  url: string;
}

export function formatCitation(c: CitationInput): string {
  // GB/T 7714 names the responsible person: the signed author, else the reporting body.
  const who = c.author ?? c.body;
  const published = [c.publication, c.issue, c.date].filter(Boolean).join(', ');
  return `${who}. ${c.title}[${TYPE_CODE[c.kind]}]. ${published}. ${c.url}`;
}
