/**
 * Numbers from front matter that a page can show exactly: finite, within ±1e15, and integers
 * exactly representable (YAML reads 12345678901234567890 as 12345678901234567000 — refused, not
 * shown wrong). Use for every number an editor types (figure values, years …).
 */
import { z } from 'astro/zod';

export const SAFE_NUMBER_LIMIT = 1e15;

function safeNumberReason(value: number): string | undefined {
  if (!Number.isFinite(value)) return 'is not a finite number';
  if (Math.abs(value) > SAFE_NUMBER_LIMIT)
    return `is out of range (at most ${SAFE_NUMBER_LIMIT.toExponential()} in size)`;
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) return 'has more digits than can be stored exactly';
  return undefined;
}

export const safeNumber = z
  .number({ invalid_type_error: 'must be a number (without quotes or units)' })
  .superRefine((value, ctx) => {
    const reason = safeNumberReason(value);
    if (reason) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `${value} ${reason}` });
  });
