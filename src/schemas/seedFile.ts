/** A source record's `file:` — a regular file directly in seeds/ (rules in src/lib/content/seeds.ts). */
import { z } from 'astro/zod';
import { seedFileProblem } from '../lib/content/seeds.ts';

export const seedFile = (root: string) =>
  z.string().superRefine((file, ctx) => {
    const problem = seedFileProblem(root, file);
    if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
  });
