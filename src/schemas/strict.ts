/**
 * Objects that refuse unknown keys, naming the closest known key: a mistyped `figuers:` is an
 * error (“did you mean `figures`?”), never silently dropped data. The issue's path is the unknown
 * key, so the loader can point at its line. Checked before the fields, so a typo is reported
 * together with the errors it causes (a required field that is then missing).
 */
import { z } from 'astro/zod';
import { closestMatch } from '../lib/content/didYouMean.ts';

function unknownKeyMessage(key: string, known: string[]): string {
  const near = closestMatch(key, known);
  return `unknown key “${key}”` + (near ? `; did you mean \`${near}\`?` : `; known keys: ${known.join(', ')}`);
}

export function strictObject<T extends z.ZodRawShape>(shape: T) {
  const known = Object.keys(shape);
  return z.preprocess((value, ctx) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const key of Object.keys(value)) {
        if (!known.includes(key))
          ctx.addIssue({ code: z.ZodIssueCode.custom, path: [key], message: unknownKeyMessage(key, known) });
      }
    }
    return value;
  }, z.object(shape));
}
