/**
 * Dates as the source states them: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked as real calendar
 * dates. Front matter is read with YAML's core schema (src/lib/content/yamlSource.ts), so an
 * unquoted 2025-02-30 stays the string it is (and fails here) instead of a timestamp that rolls
 * over to 03-02 or shifts a day with a time zone. A bare year (`date: 2023`) is read as a number.
 */
import { z } from 'astro/zod';
import { isPartialDate, parsePartialDate } from '../lib/model/dates.ts';

export const partialDate = z
  .union([z.string(), z.number().int()], {
    errorMap: () => ({ message: 'must be a date written as YYYY, YYYY-MM or YYYY-MM-DD' }),
  })
  .transform((value) => String(value).trim())
  .superRefine((value, ctx) => {
    const parsed = parsePartialDate(value);
    if (!isPartialDate(parsed)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.error });
  });
