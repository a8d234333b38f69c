/**
 * Dating a document that prints no date. We never invent a day: the result is a year, the
 * latest one the text reports as past (targets, plan periods and document titles excluded),
 * or the year of a dated event it refers to (迎接党的二十大 → 2022). It is a lower bound, and
 * the report says so.
 */
import type { Masthead } from './masthead.ts';

/** Political events bulletins date themselves by; the year is when the event took place. */
const EVENTS: { re: RegExp; year: number; label: string }[] = [
  { re: /二十届四中全会/, year: 2025, label: '二十届四中全会' },
  { re: /二十届三中全会/, year: 2024, label: '二十届三中全会' },
  { re: /二十届二中全会/, year: 2023, label: '二十届二中全会' },
  { re: /党的二十大|二十大精神|二十大报告/, year: 2022, label: '党的二十大' },
  { re: /十九届六中全会|建党百年|中国共产党成立100周年|建党100周年/, year: 2021, label: '建党百年' },
  { re: /十九届五中全会/, year: 2020, label: '十九届五中全会' },
  { re: /党的十九大|十九大精神/, year: 2017, label: '党的十九大' },
];

/** Words that make a year in the same clause a target or plan rather than a report. */
const FUTURE = /目标|计划|力争|预计|争取|规划|展望|确保|(?<![重主需必首纲摘])要(?!求)|将(?!军)|拟|预期/;

export interface YearEvidence {
  year: number;
  /** The phrase it was read from. */
  why: string;
}

/**
 * For each position, the index just after the last clause break before it and the index of
 * the next break at or after it, and the last `《`/`》` before it: precomputed in one pass
 * each way, so that looking up the clause of every year costs constant time.
 */
function clauseIndex(text: string) {
  const isBreak = (c: number) =>
    c === 0xff0c || c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0xff1a || c === 10;
  const start = new Int32Array(text.length + 1);
  const end = new Int32Array(text.length + 1);
  const open = new Int32Array(text.length + 1);
  const close = new Int32Array(text.length + 1);
  let s = 0;
  let o = -1;
  let c = -1;
  for (let i = 0; i < text.length; i++) {
    start[i] = s;
    open[i] = o;
    close[i] = c;
    const code = text.charCodeAt(i);
    if (isBreak(code)) s = i + 1;
    if (code === 0x300a) o = i;
    if (code === 0x300b) c = i;
  }
  let e = text.length;
  end[text.length] = e;
  for (let i = text.length - 1; i >= 0; i--) {
    if (isBreak(text.charCodeAt(i))) e = i;
    end[i] = e;
  }
  return { start, end, inBookTitle: (at: number) => open[at]! >= 0 && close[at]! < open[at]! };
}

/** The latest year the text reports as past, and the latest dated event it refers to. */
export function latestReportedYear(text: string, notAfter = 2100): YearEvidence | undefined {
  let best: YearEvidence | undefined;
  const consider = (e: YearEvidence) => {
    if (e.year <= notAfter && (!best || e.year > best.year)) best = e;
  };
  const index = clauseIndex(text);
  for (const m of text.matchAll(/(?<![\d\-—–~至])((?:19|20)\d{2})\s*年(?!\s*[-—–~至到]\s*\d)/g)) {
    const at = m.index!;
    if (index.inBookTitle(at)) continue;
    // A clause, at most 80 characters either side (a text without punctuation is not one long clause).
    const start = Math.max(index.start[at]!, at - 80);
    const clause = text.slice(start, Math.min(index.end[at]!, at + 80));
    const before = text.slice(start, at);
    if (FUTURE.test(clause) || /到|至/.test(before.slice(-2))) continue;
    consider({ year: Number(m[1]), why: clause.length > 40 ? `${clause.slice(0, 40)}…` : clause });
  }
  for (const e of EVENTS) {
    const m = e.re.exec(text);
    if (m) consider({ year: e.year, why: `refers to ${e.label}` });
  }
  return best;
}

/** A year printed in a title (`2023年我市紧扣重点建设教育强市`). */
export function titleYear(title: string): number | undefined {
  const m = /((?:19|20)\d{2})\s*年/.exec(title);
  return m ? Number(m[1]) : undefined;
}

const realDate = (y: number, m: number, d: number) => {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
};
const two = (n: number) => String(n).padStart(2, '0');

/**
 * A publication date from metadata (front matter, `<meta>`, document properties) as printed:
 * `2025-03-12`, `2025/3/12`, `2025年3月12日`, `2025-03-12T08:00:00+08:00` (the printed day,
 * never shifted by the time zone), `2025-03`, or a Unix time (read in China time, UTC+8).
 * Undefined for anything that is not a real calendar date between 1949 and 2100.
 */
export function metadataDate(value: string): string | undefined {
  const v = value.trim();
  const epoch = /^(\d{10})(\d{3})?$/.exec(v);
  if (epoch) {
    const t = new Date((Number(epoch[1]) + 8 * 3600) * 1000);
    return metadataDate(`${t.getUTCFullYear()}-${two(t.getUTCMonth() + 1)}-${two(t.getUTCDate())}`);
  }
  const full = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:$|[T\s])/.exec(v);
  const inRange = (y: number) => y >= 1949 && y <= 2100;
  if (full) {
    const [y, m, d] = [Number(full[1]), Number(full[2]), Number(full[3])];
    return inRange(y) && realDate(y, m, d) ? `${y}-${two(m)}-${two(d)}` : undefined;
  }
  const month = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*月?$/.exec(v);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    return inRange(y) && m >= 1 && m <= 12 ? `${y}-${two(m)}` : undefined;
  }
  const year = /^(\d{4})\s*年?$/.exec(v);
  return year && inRange(Number(year[1])) ? year[1] : undefined;
}

export interface DocumentDate {
  /** Undefined when nothing dates the text (such a text is rejected unless the editor gives a date). */
  date?: string;
  /** The date is the one the document's own frame prints (not a page's or a lower bound). */
  own?: boolean;
  dateNote?: string;
  uncertain: string[];
}

export interface DatingOptions {
  /** The editor's date for a text with no date and no year (`--date`). */
  fallbackDate?: string;
  /** The date the document's own frame prints (history line, signature block, information table). */
  own?: { value: string; from: string; note?: string };
  /** Today (YYYY-MM-DD, the run's date): a date after it is never used. */
  today?: string;
}

const zhDate = (d: string) =>
  d
    .split('-')
    .map(Number)
    .map((n, i) => `${n}${'年月日'[i]}`)
    .join('');

/**
 * The date of a document: the date its text prints (the frame its kind says: a regulation's
 * text in force, a notice's signature; else the masthead), then the date the metadata gives,
 * else a year in the title, else the latest year the text reports (a lower bound), else the
 * editor's date. A date after today is never used: it is skipped and flagged.
 */
export function dateDocument(
  head: { masthead: Masthead; title: string; dateFrom?: string },
  allText: string,
  options: DatingOptions = {},
): DocumentDate {
  const { masthead, title } = head;
  const { own, today, fallbackDate } = options;
  const uncertain: string[] = [];
  const future = (d: string | undefined, what: string) => {
    if (!d || !today || d.slice(0, today.length) <= today.slice(0, d.length)) return false;
    uncertain.push(`${what} ${d} is after today (${today}): not used — check the date of the original`);
    return true;
  };
  if (own && !future(own.value, `the date printed in the text (${own.from})`)) {
    const note =
      own.note ?? `日期取自原文${own.from === 'the signature block' ? '落款' : '所印'}的${zhDate(own.value)}。`;
    if (masthead.date && masthead.date !== own.value)
      uncertain.push(
        `the text prints ${own.value} (${own.from}); the page or metadata says ${masthead.date}: ${own.value} is used`,
      );
    return { date: own.value, dateNote: note, uncertain, own: true };
  }
  const lower = latestReportedYear(allText, today ? Number(today.slice(0, 4)) : undefined);
  if (masthead.date && !future(masthead.date, 'the masthead or metadata date')) {
    if (masthead.kind === '网页' && !head.dateFrom) {
      uncertain.push(`date ${masthead.date} is the web page's date, not the original publication's`);
      return {
        date: masthead.date,
        dateNote: `日期取自网页所印的“${masthead.dateLine}”；原文发布日期未印出`,
        uncertain,
      };
    }
    return { date: masthead.date, uncertain };
  }
  const year = titleYear(title);
  if (year && !future(String(year), 'the year in the title'))
    return { date: String(year), dateNote: `文中未印出版日期；标题写明${year}年，故只定为${year}年。`, uncertain };
  if (lower) {
    uncertain.push(`no date printed: year ${lower.year} inferred as a lower bound (${lower.why})`);
    return {
      date: String(lower.year),
      dateNote: `原文未注明日期；草稿按文中所报最晚年份定为${lower.year}年（${lower.why}），请核对。`,
      uncertain,
    };
  }
  if (fallbackDate) {
    uncertain.push(`no date and no year in the text: ${fallbackDate} was given with --date`);
    return { date: fallbackDate, dateNote: '原文未注明日期，文中也无年份；日期由编辑录入时给出。', uncertain };
  }
  return { uncertain };
}

/**
 * A report inside a web page that reposts older reports is dated by its own latest year
 * (the page's date is when it was reposted). Not for a date the metadata gives: that is the
 * article's own publication date.
 */
export function sectionDate(
  doc: DocumentDate,
  head: { masthead: Masthead; dateFrom?: string },
  sectionText: string,
): { date: string; dateNote?: string; note?: string } {
  const { masthead } = head;
  if (!doc.own && masthead.kind === '网页' && masthead.date && !head.dateFrom) {
    const pageYear = Number(masthead.date.slice(0, 4));
    const own = latestReportedYear(sectionText, pageYear);
    if (own && own.year < pageYear) {
      return {
        date: String(own.year),
        dateNote: `报告本身未印日期；文中所报最晚年份为${own.year}年（${own.why}），故定为${own.year}年（所在网页页眉日期为${masthead.date}）。`,
        note: `dated ${own.year} from its own text (latest year reported), not the page date ${masthead.date}: check`,
      };
    }
  }
  return { date: doc.date ?? '', ...(doc.dateNote && { dateNote: doc.dateNote }) };
}
