/** Schema side of the length limits (src/lib/content/lengths.ts). */
import { z } from 'astro/zod';
import { characterCount } from '../lib/content/lengths.ts';

export { characterCount, MAX_LENGTH } from '../lib/content/lengths.ts';

/** `base` (a string schema) with at most `max` characters, counted as a reader counts them. */
export const limited = (base: z.ZodString, max: number, what = 'it') =>
  base.superRefine((value, ctx) => {
    const n = characterCount(value);
    if (n > max)
      ctx.addIssue({
        // too_big, as zod's own max() says it: the studio words it by code (src/lib/studio/messages.ts).
        code: z.ZodIssueCode.too_big,
        type: 'string',
        maximum: max,
        inclusive: true,
        message: `${n} characters, more than the ${max} allowed: shorten ${what} (longer than any real one by far, it would burden every page, list, feed and export that shows it)`,
      });
  });
