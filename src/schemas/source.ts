/** A source record (content/sources/<key>.yaml): one raw bulletin as published. */
import { z } from 'astro/zod';
import { partialDate } from './date.ts';
import { limited, MAX_LENGTH } from './lengths.ts';
import { strictObject } from './strict.ts';
import { webAddress } from './url.ts';

export const SOURCE_KINDS = ['简报', '报纸', '网页', '文章'] as const;

/** `file` checks the raw file (./seedFile.ts on disk; the studio, which has no disk, names it itself). */
export const sourceSchema = (file: z.ZodType<string>) =>
  strictObject({
    /** Headline or page title as printed. */
    title: limited(z.string().min(1), MAX_LENGTH.sourceTitle, 'a title'),
    /** Publication name (上街信息, 郑州日报 …), if printed. */
    publication: limited(z.string(), MAX_LENGTH.publication, 'a publication').optional(),
    /** Issue, e.g. 第49期. */
    issue: limited(z.string(), MAX_LENGTH.issue, 'an issue').optional(),
    /** Issuing body as printed. */
    publisher: limited(z.string(), MAX_LENGTH.body, 'a publisher').optional(),
    /** Byline, e.g. 本报记者 苏立萌. */
    author: limited(z.string(), MAX_LENGTH.author, 'an author').optional(),
    date: partialDate,
    /** Where the date comes from when it is not printed on the document itself. */
    dateNote: limited(z.string(), MAX_LENGTH.dateNote, 'a note').optional(),
    /** Original address, only if the source states one: http(s) only. */
    url: webAddress.optional(),
    /** When the original was retrieved from `url` (引用日期 in its citation), YYYY-MM-DD. */
    accessed: partialDate.optional(),
    kind: z.enum(SOURCE_KINDS),
    /** The raw text, a regular file directly under seeds/. */
    file,
    /** One or two factual sentences about the document. */
    summary: limited(z.string().min(1), MAX_LENGTH.sourceSummary, 'a summary'),
    /** The text's fingerprint, written by ingest (src/lib/ingest/draft/fingerprint.ts): 16 hex digits. */
    fingerprint: z
      .string()
      .regex(/^[0-9a-f]{16}$/, 'a fingerprint is 16 hexadecimal digits, as ingest writes it')
      .optional(),
  });
