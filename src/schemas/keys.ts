/** A string that must be one of `valid` (a taxonomy or region key); the message suggests the nearest. */
import { z } from 'astro/zod';
import { closestMatch } from '../lib/content/didYouMean.ts';

export const keyOf = (valid: string[], what: string) =>
  z.string().refine(
    (v) => valid.includes(v),
    (v) => {
      const near = closestMatch(v, valid);
      return {
        message:
          `unknown ${what} “${v}”` +
          (near ? `; did you mean \`${near}\`?` : '') +
          `; valid ${what} keys: ${valid.join(', ')}`,
      };
    },
  );
