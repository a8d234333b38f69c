/**
 * Citations in GB/T 7714-2015 (信息与文献 参考文献著录规则) for a case: one for the original
 * document, one for the casebook's copy of it. The rules chosen per source kind are written up
 * in docs/citation.md. Dates are printed only as precisely as known: a year stays a year.
 */
export type SourceKind = '简报' | '报纸' | '网页' | '文章';

/** The original document a case comes from. */
export interface OriginalWork {
  /** Responsible persons or bodies, in order (signed authors, else the reporting body). */
  authors: string[];
  /** The title as printed (the case's headline within its source, else the source's title). */
  title: string;
  kind: SourceKind;
  /**
   * The document the piece is part of, when it is one of several in it (a web page collecting
   * several reports): its title and responsible body, cited with “//” (GB/T 7714 §8.3).
   */
  host?: { title: string; by?: string | undefined } | undefined;
  /** Newspaper, bulletin or site name as printed. */
  publication?: string | undefined;
  /** Issue as printed, e.g. 第49期 (not renumbered: bulletins number issues in many ways). */
  issue?: string | undefined;
  /** Issuing body, used where no publication name is printed. */
  publisher?: string | undefined;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  /** The original's address, only when the source states one. */
  url?: string | undefined;
  /** When the original was retrieved from `url` (引用日期), if recorded. */
  accessed?: string | undefined;
}

/** The casebook's page for a case: an online copy, cited as [EB/OL] in its own right. */
export interface CasebookCopy {
  authors: string[];
  title: string;
  /** The casebook's name, as publisher. */
  siteName: string;
  /** The date of this build: the day the page was current (引用日期). */
  accessed: string;
  /** Absolute URL of the case page, or its path when the site address is not configured. */
  url: string;
}

/**
 * GB/T 7714 document type codes (Appendix B): 报纸 N, 电子公告 EB, 报告 R, 其他 Z; an online
 * carrier adds /OL. A bulletin printed as an issue of a named internal serial has no type of its
 * own (it is not a 期刊: no ISSN/CN), so it is Z; a bulletin issued on its own by a body is a
 * work report, R. A signed article with no masthead is Z.
 */
export function typeCode(work: Pick<OriginalWork, 'kind' | 'publication' | 'url'>): string {
  const online = work.url ? '/OL' : '';
  switch (work.kind) {
    case '报纸':
      return `N${online}`;
    case '网页':
      return 'EB/OL';
    case '简报':
      return `${work.publication ? 'Z' : 'R'}${online}`;
    case '文章':
      return `Z${online}`;
  }
}

/** GB/T 7714 §8.1.2: up to three names, then “, 等”. */
export function responsible(authors: string[]): string {
  const names = authors.map((a) => a.trim()).filter(Boolean);
  return names.length > 3 ? `${names.slice(0, 3).join(', ')}, 等` : names.join(', ');
}

/**
 * Elements end with “. ” (GB/T 7714 §7.1), except after an element's own ? ! or full stop,
 * which is not doubled.
 */
function joinElements(parts: (string | undefined)[]): string {
  let text = '';
  for (const part of parts) {
    if (!part) continue;
    if (text) text += /[.。?？!！]$/.test(text) ? ' ' : '. ';
    text += part;
  }
  return /[.。?？!！]$/.test(text) ? text : `${text}.`;
}

function dates(published: string | undefined, accessed: string | undefined, online: boolean): string {
  // The access date only belongs to an item read online (GB/T 7714 §8.8.2).
  return `${published ?? ''}${online && accessed ? `[${accessed}]` : ''}`;
}

export function formatOriginal(w: OriginalWork): string {
  const code = typeCode(w);
  const online = Boolean(w.url);
  const titlePart = w.host
    ? `${w.title}[${code}]//${joinElements([w.host.by, w.host.title]).replace(/\.$/, '')}`
    : `${w.title}[${code}]`;
  let publication: string;
  switch (w.kind) {
    case '报纸':
      // 报纸名, 出版日期 — the paper's name only when the text states it.
      publication = [w.publication, dates(w.date, w.accessed, online)].filter(Boolean).join(', ');
      break;
    case '网页':
      // (更新或修改日期)[引用日期], after the site's name.
      publication = [w.publication ?? w.publisher, dates(`(${w.date})`, w.accessed, true)].filter(Boolean).join(', ');
      break;
    default:
      publication = [w.publication ?? w.publisher, w.issue, dates(w.date, w.accessed, online)]
        .filter(Boolean)
        .join(', ');
  }
  return joinElements([responsible(w.authors), titlePart, publication, w.url]);
}

export function formatCopy(c: CasebookCopy): string {
  return joinElements([responsible(c.authors), `${c.title}[EB/OL]`, `${c.siteName}[${c.accessed}]`, c.url]);
}
