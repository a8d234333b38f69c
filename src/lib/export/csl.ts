/**
 * A case as a CSL-JSON item (the Citation Style Language data model that Zotero, Citation.js and
 * pandoc read): the casebook page as a web page, with the original document in `note`.
 */
import { parsePartialDate } from '../model/dates.ts';

export interface CslDate {
  'date-parts': [number[]];
}

export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'webpage';
  title: string;
  /** Chinese personal and body names are given whole (`literal`), never split into family/given. */
  author: { literal: string }[];
  issued?: CslDate;
  accessed: CslDate;
  URL: string;
  'container-title': string;
  publisher: string;
  abstract: string;
  keyword?: string;
  language: 'zh-CN';
  note: string;
  'original-title'?: string;
}

/** YYYY, YYYY-MM or YYYY-MM-DD as CSL date-parts, only as precise as given. */
export function cslDate(value: string): CslDate | undefined {
  const d = parsePartialDate(value);
  if ('error' in d) return undefined;
  const parts = [d.year, d.month, d.day].filter((n): n is number => n !== undefined);
  return { 'date-parts': [parts] };
}

export interface CaseCitationData {
  id: string;
  title: string;
  originalTitle?: string | undefined;
  authors: string[];
  date: string;
  accessed: string;
  url: string;
  siteName: string;
  summary: string;
  keywords: string[];
  /** The original document's citation (GB/T 7714). */
  original: string;
}

export function cslItem(c: CaseCitationData): CslItem {
  const issued = cslDate(c.date);
  return {
    id: c.id,
    'citation-key': c.id,
    type: 'webpage',
    title: c.title,
    author: c.authors.map((literal) => ({ literal })),
    ...(issued && { issued }),
    accessed: cslDate(c.accessed) ?? { 'date-parts': [[]] },
    URL: c.url,
    'container-title': c.siteName,
    publisher: c.siteName,
    abstract: c.summary,
    // CSL keeps keywords in one comma-separated string.
    ...(c.keywords.length > 0 && { keyword: c.keywords.map((k) => k.replace(/,/g, '，')).join(',') }),
    language: 'zh-CN',
    note: c.original,
    ...(c.originalTitle && c.originalTitle !== c.title && { 'original-title': c.originalTitle }),
  };
}
