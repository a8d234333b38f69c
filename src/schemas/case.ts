/**
 * A case (content/cases/<slug>.mdx front matter). The figure schema is passed in: it has its
 * own owner (src/schemas/figure.ts).
 */
import { z } from 'astro/zod';
import { CONTENT_ID } from '../lib/content/ids.ts';
import { partialDate } from './date.ts';
import { keyOf } from './keys.ts';
import { strictObject } from './strict.ts';

export const caseSchema = <F extends z.ZodTypeAny>(ids: { regions: string[]; measures: string[] }, figure: F) =>
  strictObject({
    /** Overrides the file name as the case's id (URL); same rules as file names. */
    slug: z.string().regex(CONTENT_ID, 'a slug is lowercase ASCII letters and digits joined by “-”').optional(),
    /** Unreviewed ingest output: left out of the public build until an editor removes it. */
    draft: z.boolean().optional(),
    title: z.string().min(4),
    /** Headline as printed in the source. */
    originalTitle: z.string().optional(),
    /** 摘要: 1–3 factual sentences. */
    summary: z.string().min(10).max(300),
    region: keyOf(ids.regions, 'region'),
    /** The reporting body (报送单位). */
    body: z.string().min(2),
    /** Signed author, if any. */
    author: z.string().optional(),
    authorRole: z.string().optional(),
    date: partialDate,
    dateNote: z.string().optional(),
    /** Key of the source record. */
    source: z.string(),
    measures: z.array(keyOf(ids.measures, 'measure')).min(1, 'a case needs at least one measure'),
    figures: z.array(figure).default([]),
  });
