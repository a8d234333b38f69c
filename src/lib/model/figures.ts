/**
 * Key figures must be traceable: each one quotes the exact phrase of the case body it
 * comes from, and that phrase must contain the number. The build and the ingest CLI both
 * run these checks.
 */
import { numbersIn } from '../text/numerals.ts';

export interface FigureLike {
  label: string;
  value: number;
  unit: string;
  quote: string;
  /** How the text states it when the bare value would lose meaning: 30多亿元, 6万余名, 85%以上. */
  display?: string | undefined;
  measure?: string | undefined;
  kind?: FigureKind | undefined;
  period?: Period | undefined;
  metric?: string | undefined;
}

/** 成效 (achieved), 目标 (planned, due by period.to), 投入 (money, staff, buildings put in), 背景. */
export const FIGURE_KINDS = ['result', 'target', 'input', 'context'] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/**
 * The year or span a figure covers, only as the text states it: `{ to: 2023 }` (in/by 2023),
 * `{ from: 2019, to: 2021 }`, `{ from: 2019 }` (2019年以来: up to the time of writing).
 */
export interface Period {
  from?: number | undefined;
  to?: number | undefined;
}

/** Five-year plans a text may name instead of years (十三五期间 is 2016–2020). */
const FIVE_YEAR_PLANS: [name: string, from: number][] = [
  ['十一五', 2006],
  ['十二五', 2011],
  ['十三五', 2016],
  ['十四五', 2021],
  ['十五五', 2026],
];

/** The five-year plan a span is, if it is one; {from: 2016, to: 2020} → 十三五. */
export function fiveYearPlan(period: Period): string | undefined {
  return FIVE_YEAR_PLANS.find(([, from]) => period.from === from && period.to === from + 4)?.[0];
}

/** How a period reads: 2023年, 2016—2020年, 2019年以来 (kind target: 至2026年). */
export function periodText(period: Period | null | undefined, kind?: FigureKind): string | undefined {
  if (!period) return undefined;
  const { from, to } = period;
  if (from !== undefined && to === undefined) return `${from}年以来`;
  if (to === undefined) return undefined;
  if (from !== undefined && from !== to) return `${from}—${to}年`;
  return kind === 'target' ? `至${to}年` : `${to}年`;
}

/** A sort key for a period: its end year (an open span sorts by its start). */
export function periodKey(period: Period | null | undefined): number | undefined {
  return period?.to ?? period?.from;
}

/** A figure as the page shows it: the text's own wording when set, else value and unit. */
export function figureText(f: Pick<FigureLike, 'value' | 'unit' | 'display'>): string {
  return f.display ?? `${f.value}${f.unit}`;
}

/** Words after a number that make it approximate or a bound: shown without them, it would overstate. */
const APPROX_AFTER = /^(多|余|以上|左右|以下)/;

export interface FigureProblem {
  /** Position of the figure in the case's `figures` list. */
  figure: number;
  message: string;
}

/**
 * How a number may be written in the text (read by ../text/numerals.ts, as ingest reads it):
 * 1980, 1,980, 1980.0 and １９８０ are all 1980; 六 is 6, 百分之八十 is 80, 三十万 is 30 (万 is
 * part of the unit).
 */
export function numberAppearsIn(value: number, text: string): boolean {
  return numbersIn(text).some((t) => t.value === value);
}

/** Where a quote states `value` followed by `unit` (百分之八十 states 80 %), if it does. */
function statedAt(quote: string, value: number, unit: string): number | undefined {
  for (const t of numbersIn(quote)) {
    if (t.value !== value) continue;
    if (t.percent && t.chinese && unit === '%') return t.end;
    if (quote.startsWith(unit, t.end)) return t.end + unit.length;
  }
  return undefined;
}

/**
 * Whether the text ties a figure to its period: each year stands in the quote's paragraph, or
 * the paragraph names the five-year plan the span is, or a year stands in the document's title
 * (an annual work plan: 2023年我市紧扣重点…, where the paragraph says 今年).
 */
function periodStated(period: Period, paragraph: string, titles: readonly string[]): boolean {
  const plan = fiveYearPlan(period);
  if (plan && paragraph.includes(plan)) return true;
  const years = [period.from, period.to].filter((y): y is number => y !== undefined);
  return years.every((y) => paragraph.includes(String(y)) || titles.some((t) => t.includes(`${y}年`)));
}

export interface FigureCheckOptions {
  /** The document's titles (as printed and as edited), where an annual plan states its year. */
  titles?: readonly string[];
}

export function checkFigures(
  paragraphs: readonly string[],
  figures: readonly FigureLike[],
  caseMeasures: readonly string[],
  options: FigureCheckOptions = {},
): FigureProblem[] {
  const problems: FigureProblem[] = [];
  figures.forEach((f, figure) => {
    if (!paragraphs.some((p) => p.includes(f.quote))) {
      problems.push({
        figure,
        message: `quote “${f.quote}” is not in the case text (copy the exact phrase from one paragraph)`,
      });
    } else if (!numberAppearsIn(f.value, f.quote)) {
      problems.push({ figure, message: `value ${f.value} does not appear in its quote “${f.quote}”` });
    } else if (f.display !== undefined && (!f.quote.includes(f.display) || !numberAppearsIn(f.value, f.display))) {
      problems.push({
        figure,
        message: `display “${f.display}” must be part of the quote and contain the value ${f.value}`,
      });
    } else if (f.display === undefined) {
      // The value must stand in the quote followed by the unit (12.0亿元 is 12 亿元), and not by 多/余/以上.
      const stated = statedAt(f.quote, f.value, f.unit);
      if (stated === undefined) {
        problems.push({
          figure,
          message: `the quote “${f.quote}” does not state ${f.value}${f.unit}: fix the unit, or set display to the quote's wording (e.g. 30多亿元)`,
        });
      } else if (APPROX_AFTER.test(f.quote.slice(stated))) {
        problems.push({
          figure,
          message: `the quote qualifies ${f.value}${f.unit} (多/余/以上…): set display so the page keeps the text's wording`,
        });
      }
    }
    const paragraph = paragraphs.find((p) => p.includes(f.quote));
    if (f.period && paragraph !== undefined && !periodStated(f.period, paragraph, options.titles ?? [])) {
      problems.push({
        figure,
        message: `period ${periodText(f.period, f.kind) ?? JSON.stringify(f.period)} is not stated in the paragraph of the quote (nor in the title): drop it or quote the sentence that dates the figure`,
      });
    }
    if (f.measure && !caseMeasures.includes(f.measure)) {
      problems.push({
        figure,
        message: `measure “${f.measure}” is not one of this case's measures (${caseMeasures.join(', ')})`,
      });
    }
  });
  return problems;
}
