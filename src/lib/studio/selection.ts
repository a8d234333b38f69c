/**
 * A key figure from a number the editor selects in the case text: what ingest proposes for
 * that number (src/lib/ingest/draft/figures.ts, run on its paragraph: label, unit as stated,
 * kind, period, measure), else the number with the unit word after it and the clause before it
 * as label. The quote is always a phrase of the paragraph, so the build's quote check holds.
 */
import { extractFigures } from '../ingest/draft/figures.ts';
import type { FigureDraft } from '../ingest/draft/files.ts';
import { guessMetric, type Metric } from '../model/metrics.ts';
import type { MeasureTerms } from '../model/tagging.ts';
import { HAN } from '../text/han.ts';

export interface SelectionContext {
  /** The case's measures, most central first. */
  measures: readonly MeasureTerms[];
  /** Title and headings of the case (a year they print dates a plan's targets). */
  headings: readonly string[];
  metrics: readonly Metric[];
}

const NUMBER = /\d+(?:\.\d+)?/g;
const CLAUSE_BREAK = /[，。；：！？、,;:!?（）()“”\s]/;
/** A unit as stated right after a number: 万/亿 and a measure word, a percent or a short noun. */
const UNIT_AFTER = new RegExp(
  `^(?:[万亿])?(?:%|个百分点|${HAN}{1,3}?(?=[，。；：、,;:！？）)\\s]|$|[以左多余])|${HAN})`,
  'u',
);

/** The number (offsets in the paragraph) that the selection [start, end) covers or touches. */
function numberAt(paragraph: string, start: number, end: number): { at: number; text: string } | undefined {
  for (const m of paragraph.matchAll(NUMBER)) {
    const stop = m.index + m[0].length;
    if (m.index < Math.max(end, start + 1) && stop > start) return { at: m.index, text: m[0] };
  }
  return undefined;
}

/** Where the quote of a proposal stands in the paragraph, if it covers offset `at`. */
function covers(paragraph: string, quote: string, at: number): boolean {
  for (let i = paragraph.indexOf(quote); i >= 0; i = paragraph.indexOf(quote, i + 1))
    if (i <= at && at < i + quote.length) return true;
  return false;
}

/** The figure for the number selected between `start` and `end`; undefined when no number is selected. */
export function figureFromSelection(
  paragraph: string,
  start: number,
  end: number,
  ctx: SelectionContext,
): FigureDraft | undefined {
  const number = numberAt(paragraph, start, end);
  if (!number) return undefined;
  const proposed = extractFigures([paragraph], { measures: ctx.measures, headings: ctx.headings, max: 1000 }).find(
    (f) => covers(paragraph, f.quote, number.at),
  );
  if (proposed) {
    const { paragraph: _p, score: _s, ...figure } = proposed;
    const metric = guessMetric(figure.label, figure.unit, figure.measure, ctx.metrics)?.metric;
    return metric ? { ...figure, metric: metric.id } : figure;
  }
  const after = paragraph.slice(number.at + number.text.length);
  // A year, a date, an ordinal (2024年, 第3届) is not a quantity.
  if (/^[年月日号届期级]/.test(after) || paragraph[number.at - 1] === '第') return undefined;
  const unit = UNIT_AFTER.exec(after)?.[0] ?? '';
  let from = number.at;
  while (from > 0 && !CLAUSE_BREAK.test(paragraph[from - 1]!) && number.at - from < 30) from--;
  const to = Math.max(end, number.at + number.text.length + unit.length);
  return {
    label: paragraph.slice(from, number.at).trim() || unit,
    value: Number(number.text),
    unit,
    kind: 'result',
    quote: paragraph.slice(Math.min(from, start), to),
  };
}
