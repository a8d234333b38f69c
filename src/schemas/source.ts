/** A source record (content/sources/<key>.yaml): one raw bulletin as published. */
import { z } from 'astro/zod';
import { partialDate } from './date.ts';
import { strictObject } from './strict.ts';
import { webAddress } from './url.ts';

export const SOURCE_KINDS = ['简报', '报纸', '网页', '文章'] as const;

/** `file` checks the raw file (./seedFile.ts on disk; the studio, which has no disk, names it itself). */
export const sourceSchema = (file: z.ZodType<string>) =>
  strictObject({
    /** Headline or page title as printed. */
    title: z.string().min(1),
    /** Publication name (上街信息, 郑州日报 …), if printed. */
    publication: z.string().optional(),
    /** Issue, e.g. 第49期. */
    issue: z.string().optional(),
    /** Issuing body as printed. */
    publisher: z.string().optional(),
    /** Byline, e.g. 本报记者 苏立萌. */
    author: z.string().optional(),
    date: partialDate,
    /** Where the date comes from when it is not printed on the document itself. */
    dateNote: z.string().optional(),
    /** Original address, only if the source states one: http(s) only. */
    url: webAddress.optional(),
    /** When the original was retrieved from `url` (引用日期 in its citation), YYYY-MM-DD. */
    accessed: partialDate.optional(),
    kind: z.enum(SOURCE_KINDS),
    /** The raw text, a regular file directly under seeds/. */
    file,
    /** One or two factual sentences about the document. */
    summary: z.string().min(1),
  });
