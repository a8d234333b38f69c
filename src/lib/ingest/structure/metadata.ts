/**
 * Stage "structure", first half: the document's head. The masthead read from the lines above
 * the title, completed by what the document says about itself (front matter, `<meta>`,
 * document properties), and the printed title: the metadata title (front matter `title`,
 * `<h1>`, a DOCX Title) wins over title lines found by layout, and a metadata line
 * (`title：…`, `policy_year: 2025`) never becomes one — front matter is not text.
 */
import type { DocFormat, DocumentMeta } from './blocks.ts';
import { cleanHeading } from './cleanLines.ts';
import { parseMasthead, type Masthead } from './masthead.ts';
import type { DocStructure } from './structure.ts';

/** Title lines → one printed title: a `——` subtitle is appended directly, other lines with a space. */
export function joinTitle(lines: readonly string[]): string {
  // A notice's title wrapped onto two lines (…关于推进…数字化 / 资源建设与应用的通知) is one phrase.
  const wrapped = (acc: string, l: string) =>
    /关于/.test(acc) && !/的(通知|意见|决定|通报|函|批复)$/.test(acc) && OFFICIAL_END.test(l);
  return lines.reduce(
    (acc, l) => (!acc ? l : /^[—–-]{1,2}/.test(l) || wrapped(acc, l) ? `${acc}${l}` : `${acc} ${l}`),
    '',
  );
}

const OFFICIAL_END = /(通知|意见|决定|通报|函|批复|方案|办法|规定|细则|公告|通告)(（[^（）]*）)?$/;

export interface DocumentHead {
  masthead: Masthead;
  /** The printed title of the whole document ('' when none). */
  title: string;
  /** Where the title was read from. */
  titleFrom: 'metadata' | 'layout' | 'none';
  /** Where the masthead date was read from, when metadata gave it. */
  dateFrom?: string;
  notes: string[];
}

const norm = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');

const URL_RE = /(?:https?:\/\/|www\.)[\w\-.~:/?#[\]@!$&'*+,;=%]+/gi;

/** The host of a URL without `www.`, or undefined. */
function hostOf(url: string): string | undefined {
  try {
    return new URL(/^https?:/i.test(url) ? url : `http://${url}`).hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * The source URL from the metadata (canonical, og:url, front matter), unless the document
 * itself prints an address on another host (`本文链接：…`, a URL in its masthead): a page saved
 * from a mirror or a template's stale canonical is not where the text was published.
 */
function sourceUrl(doc: DocStructure, metaUrl: string | undefined): { url?: string; note?: string } {
  if (!metaUrl) return {};
  const printed = [
    ...doc.head.map((b) => b.text),
    ...doc.removed.filter((r) => r.kind === 'chrome' || r.kind === 'docinfo').map((r) => r.text),
    ...doc.frame.fields.values(),
  ].flatMap((t) => t.match(URL_RE) ?? []);
  const hosts = printed.map(hostOf).filter((h): h is string => !!h);
  const host = hostOf(metaUrl);
  const same = (a: string, b: string) => a === b || a.endsWith(`.${b}`) || b.endsWith(`.${a}`);
  if (!hosts.length || (host && hosts.some((h) => same(h, host)))) return { url: metaUrl };
  return {
    ...(printed[0] && { url: printed[0] }),
    note: `the metadata's URL ${metaUrl} is on another host than the address the document prints (${printed[0]}): not used as the source URL`,
  };
}

export function readHead(doc: DocStructure, meta: DocumentMeta, format: DocFormat = 'text'): DocumentHead {
  const masthead = parseMasthead(doc.head, doc.titleLines, doc.bylines);
  const notes: string[] = [];
  const printed = joinTitle(doc.titleLines);
  let title = printed;
  let titleFrom: DocumentHead['titleFrom'] = printed ? 'layout' : 'none';
  const metaTitle = meta.title ? cleanHeading(meta.title) : '';
  if (metaTitle && norm(metaTitle).length >= 4 && !(printed && norm(printed).includes(norm(metaTitle)))) {
    if (printed)
      notes.push(
        `title taken from the document's metadata (“${metaTitle}”), not from the lines above the text (“${printed}”)`,
      );
    title = metaTitle;
    titleFrom = 'metadata';
  }
  // An account or site name the document declares beats a masthead line guessed by layout.
  if (meta.publication) masthead.publication = meta.publication;
  // An outlet that names itself only in its closing promotion (请加入成为X的订户).
  masthead.publication ??= doc.frame.outlet;
  masthead.publisher ??= meta.source;
  if (meta.author && !masthead.author) masthead.author = meta.author;
  const url = sourceUrl(doc, meta.url);
  if (url.note) notes.push(url.note);
  masthead.url ??= url.url;
  let dateFrom: string | undefined;
  if (meta.otherDate)
    notes.push(
      `the page prints ${meta.date} (${meta.dateFrom}) but ${meta.otherDate.from} says ${meta.otherDate.date}: the printed date is used`,
    );
  if (meta.date) {
    if (masthead.date && masthead.date !== meta.date)
      notes.push(
        `the text prints ${masthead.date} (“${masthead.dateLine}”) but the metadata says ${meta.date} (${meta.dateFrom}): the printed date is used`,
      );
    else {
      masthead.date = meta.date;
      masthead.dateLine = meta.dateFrom ?? 'metadata';
      dateFrom = meta.dateFrom ?? 'metadata';
    }
  }
  // A page or a WeChat article (it has an address or an account) is a web source.
  if ((format === 'html' || format === 'markdown') && (masthead.url || meta.publication)) masthead.kind = '网页';
  return { masthead, title, titleFrom, ...(dateFrom && { dateFrom }), notes };
}
