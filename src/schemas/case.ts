/**
 * A case (content/cases/<slug>.mdx front matter). The figure schema is passed in: it has its
 * own owner (src/schemas/figure.ts).
 */
import { z } from 'astro/zod';
import { CONTENT_ID } from '../lib/content/ids.ts';
import { partialDate } from './date.ts';
import { keyOf } from './keys.ts';
import { limited, MAX_LENGTH } from './lengths.ts';
import { strictObject } from './strict.ts';

export const caseSchema = <F extends z.ZodTypeAny>(ids: { regions: string[]; measures: string[] }, figure: F) =>
  strictObject({
    /** Overrides the file name as the case's id (URL); same rules as file names. */
    slug: z.string().regex(CONTENT_ID, 'a slug is lowercase ASCII letters and digits joined by “-”').optional(),
    /** Unreviewed ingest output: left out of the public build until an editor removes it. */
    draft: z.boolean().optional(),
    title: limited(z.string().min(4), MAX_LENGTH.title, 'a title'),
    /** Headline as printed in the source. */
    originalTitle: limited(z.string(), MAX_LENGTH.originalTitle, 'a title').optional(),
    /** 摘要: 1–3 factual sentences. */
    summary: limited(z.string().min(10), MAX_LENGTH.summary, 'a summary'),
    region: keyOf(ids.regions, 'region'),
    /** The reporting body (报送单位). */
    body: limited(z.string().min(2), MAX_LENGTH.body, 'a reporting body'),
    /** Signed author, if any. */
    author: limited(z.string(), MAX_LENGTH.author, 'an author').optional(),
    authorRole: limited(z.string(), MAX_LENGTH.authorRole, 'a role').optional(),
    date: partialDate,
    dateNote: limited(z.string(), MAX_LENGTH.dateNote, 'a note').optional(),
    /** Key of the source record. */
    source: z.string(),
    measures: z.array(keyOf(ids.measures, 'measure')).min(1, 'a case needs at least one measure'),
    figures: z.array(figure).default([]),
  });
