/** A measure of content/taxonomy/measures.yaml; theme and related keys must exist. */
import { z } from 'astro/zod';
import { keyOf } from './keys.ts';
import { strictObject } from './strict.ts';

export const measureSchema = (ids: { themes: string[]; measures: string[] }) =>
  strictObject({
    /** Display name, e.g. 县管校聘. */
    name: z.string().min(1),
    /** Theme key. */
    theme: keyOf(ids.themes, 'theme'),
    /** Words that signal the measure in a text (tagging, search). */
    aliases: z.array(z.string().min(1)).default([]),
    /** Ambiguous aliases that count only with one of these words in the same sentence (see src/lib/model/tagging.ts). */
    aliasContext: z.record(z.string(), z.array(z.string().min(1)).min(1)).optional(),
    /** A short, neutral, factual definition. */
    definition: z.string().min(10),
    /** Keys of related measures. */
    related: z.array(keyOf(ids.measures, 'measure')).default([]),
  });
