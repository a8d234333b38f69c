/**
 * Dating a document that prints no date. We never invent a day: the result is a year, the
 * latest one the text reports as past (targets, plan periods and document titles excluded),
 * or the year of a dated event it refers to (迎接党的二十大 → 2022). It is a lower bound, and
 * the report says so.
 */

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

function insideBookTitle(text: string, at: number): boolean {
  const open = text.lastIndexOf('《', at);
  return open >= 0 && text.lastIndexOf('》', at) < open;
}

/** The latest year the text reports as past, and the latest dated event it refers to. */
export function latestReportedYear(text: string, notAfter = 2100): YearEvidence | undefined {
  let best: YearEvidence | undefined;
  const consider = (e: YearEvidence) => {
    if (e.year <= notAfter && (!best || e.year > best.year)) best = e;
  };
  for (const m of text.matchAll(/(?<![\d\-—–~至])((?:19|20)\d{2})\s*年(?!\s*[-—–~至到]\s*\d)/g)) {
    const at = m.index!;
    if (insideBookTitle(text, at)) continue;
    const start = Math.max(...['，', '。', '；', '！', '？', '：', '\n'].map((c) => text.lastIndexOf(c, at))) + 1;
    const endMatch = /[，。；！？：\n]/.exec(text.slice(at));
    const clause = text.slice(start, endMatch ? at + endMatch.index : text.length);
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
