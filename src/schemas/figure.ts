/**
 * The key-figure schema (front matter `figures:` of a case), shared by the content collection
 * and anything that validates drafts. Strict: an unknown key (such as the retired `year:`) is an
 * error. See docs/figures.md for the fields and content/taxonomy/metrics.yaml for metrics.
 */
import { z } from 'astro/zod';
import { safeNumber } from './number.ts';
import { limited, MAX_LENGTH } from './lengths.ts';
import { strictObject } from './strict.ts';
import { FIGURE_KINDS } from '../lib/model/figures.ts';
import { checkMetric, type Metric } from '../lib/model/metrics.ts';

const year = z.number().int('a year is a whole number like 2023').min(1900).max(2100);

const period = z
  .object({
    /** First year of a span (2019年以来 → from: 2019). */
    from: year.optional(),
    /** Last year, or the year the figure is for / due by. */
    to: year.optional(),
  })
  .strict()
  .refine((p) => p.from !== undefined || p.to !== undefined, 'a period needs from and/or to (or omit it)')
  .refine(
    (p) => p.from === undefined || p.to === undefined || p.from <= p.to,
    'period.from must not be after period.to',
  );

export interface FigureSchemaOptions {
  measureIds: readonly string[];
  metrics: readonly Metric[];
}

export function figureSchema({ measureIds, metrics }: FigureSchemaOptions) {
  return strictObject({
    /** Noun phrase the number measures, e.g. 新增优质学位. */
    label: limited(z.string().trim().min(1), MAX_LENGTH.figureLabel, 'a label'),
    value: safeNumber,
    /** Unit as stated: 个, 万个, 所, %, 亿元, 万人次 … */
    unit: z.string().trim().min(1, 'unit is required (个, 所, %, 亿元 …)').max(12),
    /** The number as the text states it, when value + unit would lose a 多/余/以上 (part of the quote). */
    display: limited(z.string().min(1), MAX_LENGTH.figureDisplay, 'a number as stated').optional(),
    /** The exact phrase of the case body the number comes from. */
    quote: limited(z.string().min(2), MAX_LENGTH.figureQuote, 'a quote'),
    /** Measure key the number belongs to (one of the case's measures). */
    measure: z
      .string()
      .refine(
        (v) => measureIds.includes(v),
        (v) => ({ message: `unknown measure “${v}”; valid measure keys: ${measureIds.join(', ')}` }),
      )
      .optional(),
    kind: z.enum(FIGURE_KINDS, {
      errorMap: () => ({ message: `kind is required: one of ${FIGURE_KINDS.join(', ')} (成效, 目标, 投入, 背景)` }),
    }),
    /** Year or span as the text ties the number to it; omitted (or null) when it does not. */
    period: period.nullish().transform((p) => p ?? undefined),
    /** Metric key of content/taxonomy/metrics.yaml, of `measure` (or a general metric without one). */
    metric: z.string().min(1).optional(),
  }).superRefine((f, ctx) => {
    if (f.kind === 'target' && f.period?.to === undefined) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        path: ['period'],
        message: 'a target needs its due year: period: { to: YYYY } as the text states it',
      });
    }
    const problem = checkMetric(f, metrics);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ['metric'], message: problem });
  });
}

export type Figure = z.infer<ReturnType<typeof figureSchema>>;
