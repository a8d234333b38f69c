/**
 * The masthead: publication, issue, date, issuing body, byline, address, and what kind of
 * document this is (简报 | 报纸 | 网页 | 文章), read from the lines above the title.
 */
import type { Block } from './structure.ts';
import type { Byline } from './orgs.ts';
import { HAN } from '../../text/han.ts';

export type SourceKind = '简报' | '报纸' | '网页' | '文章';

export interface Masthead {
  publication?: string;
  issue?: string;
  /** Printed date, YYYY-MM-DD (or YYYY-MM). */
  date?: string;
  /** The line the date was read from. */
  dateLine?: string;
  publisher?: string;
  /** Byline as printed, e.g. 本报记者 苏立萌. */
  author?: string;
  url?: string;
  kind: SourceKind;
  /** Masthead lines that are none of the above (column names, OCR noise). */
  other: string[];
}

const pad = (n: string) => n.padStart(2, '0');

/** The first full date printed in a line: 2025年10月11日, 2024-01-13, 2024/1/13 (or a year and month). */
export function printedDate(line: string): string | undefined {
  const full =
    /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/.exec(line) ??
    /(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)/.exec(line);
  if (full) return `${full[1]}-${pad(full[2]!)}-${pad(full[3]!)}`;
  const month = /^(\d{4})\s*年\s*(\d{1,2})\s*月$/.exec(line.trim());
  return month ? `${month[1]}-${pad(month[2]!)}` : undefined;
}

const ISSUE = /(总\s*)?第\s*[\d一二三四五六七八九十百〇]+\s*期(\s*[（(]?总第\s*\d+\s*期[）)]?)?/;
const PUBLISHER =
  /(办公室|委员会|编辑部|报社|杂志社|宣传部|研究院|中心|教育局|教育厅|教育体育局)$|联合出品|主办|编印|承办|主管|出品/;
const ONLY_DATE = /^[\d\s年月日\-/.:：星期周一二三四五六日天]+$/;

/** A labelled line of a web or WeChat article: `来源：成都市教育局`, `作者：…`, `发布时间：…`. */
const LABELLED =
  /^(文章来源|信息来源|来源|出处|发布单位|作者|文|编辑|责编|发布时间|发布日期|时间|日期)\s*[:：]\s*(.*)$/;
/** Where the next label starts on the same line (`来源：某局 作者：某某`). */
const NEXT_LABEL = new RegExp(`\\s+(?=${HAN}{2,4}\\s*[:：])`, 'u');
const EDITOR_LABEL = /^(开栏的话|编者按|编者的话|编前语|编前话|按语|导语)[:：]?$/;
const DATE_LINE =
  /\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(\s*(星期|周)[一二三四五六日天])?|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}/;

/** What the lines read so far have settled besides the masthead itself. */
interface HeadState {
  web: boolean;
  /** A web page's title bar was read (the first plain line of a page). */
  siteTitle: boolean;
  isTitle: (text: string) => boolean;
  bylines: readonly Byline[];
}

/**
 * Reads the head blocks (everything above the title) into a masthead. `titleLines` and
 * `bylines` are what structure detection already took from the head.
 */
export function parseMasthead(
  head: readonly Block[],
  titleLines: readonly string[],
  bylines: readonly Byline[],
): Masthead {
  const m: Masthead = { kind: '文章', other: [] };
  const norm = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
  const state: HeadState = {
    web: head.some((b) => b.kind === 'chrome' && b.chrome === 'site'),
    siteTitle: false,
    isTitle: (t) => titleLines.some((l) => norm(l) === norm(t)),
    bylines,
  };
  for (const b of head) {
    if (b.kind === 'placeholder' || b.afterPlaceholder) continue; // an image and its caption
    readHeadLine(m, b, state);
  }
  if (bylines.length) m.author = bylines.map((b) => b.text).join('；');
  m.kind = sourceKind(m, state.web, bylines);
  return m;
}

/** One line above the title: its date and address, then what it is (label, issue, publisher, publication, other). */
function readHeadLine(m: Masthead, b: Block, state: HeadState): void {
  const t = b.text.trim();
  const date = printedDate(t);
  if (date && !m.date) {
    m.date = date;
    m.dateLine = DATE_LINE.exec(t)?.[0] ?? t;
  }
  const url = /https?:\/\/[^\s，。；）)]+/.exec(t)?.[0];
  if (url && !m.url) m.url = url;
  if (b.kind === 'chrome' && b.chrome !== 'label') return;
  if (state.bylines.some((by) => by.text === t) || state.isTitle(t)) return;
  const label = LABELLED.exec(t);
  if (label) {
    const value = label[2]!.split(NEXT_LABEL)[0]!.trim();
    if (/来源|出处|发布单位/.test(label[1]!) && value) m.publisher ??= value;
    else if (/^(作者|文)$/.test(label[1]!) && value) m.author ??= value;
    return;
  }
  if ((date && ONLY_DATE.test(t)) || EDITOR_LABEL.test(t) || (url && t === url)) return;
  const issue = ISSUE.exec(t);
  if (issue) {
    m.issue ??= issue[0].replace(/\s+/g, '');
    const rest = t.replace(issue[0], '').trim();
    if (!rest || /^\d{4}\s*年?$/.test(rest)) return; // `2025年第6期`
  }
  // A publisher and the date on one line: `浙江省教育厅办公室\u30002025年6月20日`.
  const undated = date && m.dateLine ? t.replace(m.dateLine, '').trim() : t;
  if (undated !== t && PUBLISHER.test(undated) && !m.publisher) {
    m.publisher = undated;
    return;
  }
  if (state.web && !state.siteTitle) {
    // A site's title bar: `学信·招生考试平台-努力做…` → the part before the separator.
    state.siteTitle = true;
    m.publication ??= t.split(/\s*[-_|－—]\s*/)[0]!.trim();
    return;
  }
  if (PUBLISHER.test(t) && !m.publisher) m.publisher = t;
  else if (!m.publication && t.length <= 20) m.publication = t;
  else m.other.push(t);
}

/** 网页 (an address or site chrome), 简报 (a bulletin's name or an issue number), 报纸 (a newspaper) or 文章. */
function sourceKind(m: Masthead, web: boolean, bylines: readonly Byline[]): SourceKind {
  if (web || m.url) return '网页';
  if (/(简报|快报|通报|专报|信息|动态|工作)$/.test(m.publication ?? '')) return '简报';
  if (
    bylines.some((b) => b.role.startsWith('本报')) ||
    /报$/.test(m.publication ?? '') ||
    /日报|晚报|报社/.test(m.publisher ?? '')
  )
    return '报纸';
  return m.issue ? '简报' : '文章';
}
