/**
 * Stage "draft", document level: names (the source key from the date and the cities, case
 * slugs from place and date, never taking a name another source owns) and the source record
 * with the publication, URL and date the document gives.
 */
import type { BuiltCase } from './cases.ts';
import type { SourceRecord } from './files.ts';
import type { DocumentHead } from '../structure/metadata.ts';
import { chainSlug, freeName, slugify } from './slug.ts';

export interface Naming {
  seedFile: string;
  caseOwner?: (slug: string) => string | undefined;
  sourceOwner?: (key: string) => string | undefined;
  sourceKeyOf?: (seedFile: string) => string | undefined;
}

/** Gives the source its key and every case its slug (in place); returns the key and notes. */
export function nameDrafts(built: BuiltCase[], date: string, naming: Naming): { sourceKey: string; notes: string[] } {
  const notes: string[] = [];
  const cities = [
    ...new Set(
      built.map((b) =>
        chainSlug(
          b.chain
            ? { ...(b.chain.province && { province: b.chain.province }), ...(b.chain.city && { city: b.chain.city }) }
            : undefined,
        ),
      ),
    ),
  ];
  const keyBase = slugify(date, built.length === 1 ? chainSlug(built[0]!.chain) : cities.slice(0, 4).join('-'));
  // A seed that already has a source record keeps its key: re-ingesting replaces, never duplicates.
  const existingKey = naming.sourceKeyOf?.(naming.seedFile);
  if (existingKey)
    notes.push(
      `${naming.seedFile} is already the raw file of source “${existingKey}”: the drafts use that key (existing files are only replaced with --force)`,
    );
  const sourceKey = existingKey ?? freeName(keyBase, new Set(), (k) => naming.sourceOwner?.(k), naming.seedFile);
  const taken = new Set<string>();
  for (const b of built) {
    const slug = freeName(slugify(chainSlug(b.chain), date), taken, (s) => naming.caseOwner?.(s), sourceKey);
    taken.add(slug);
    b.fm.source = sourceKey;
    b.report.slug = slug;
    b.report.path = `cases/${slug}.mdx`;
  }
  return { sourceKey, notes };
}

/** The source record of the document (title, publication, URL, date, what it contains). */
export function sourceRecord(
  built: readonly BuiltCase[],
  head: DocumentHead,
  dated: { date: string; dateNote?: string },
  seedFile: string,
  kind?: { issuers: string[]; docNumber?: string },
  fingerprint?: string,
): { record: SourceRecord; notes: string[] } {
  const { title: docTitle } = head;
  // A notice's or a regulation's issuing bodies and document number (发文字号) are its publisher
  // and its number in the issuer's series: metadata of the source, never text of the case.
  const masthead = {
    ...head.masthead,
    ...(kind?.issuers.length && !head.masthead.publisher && { publisher: kind.issuers.join('、') }),
    ...(kind?.docNumber && !head.masthead.issue && { issue: kind.docNumber }),
  };
  const notes: string[] = [];
  const bodies = built.map((b) => b.fm.body);
  const sourceTitle =
    docTitle ||
    (built.length === 1 && built[0]!.report.originalTitle) ||
    `${bodies.join('、')}${built.length > 1 ? `（${built.length}篇，原文无总标题）` : ''}`;
  if (!docTitle) notes.push(`no overall title printed: source title drafted as “${sourceTitle}”`);
  const numbered = !!kind?.docNumber && masthead.issue === kind.docNumber;
  const describe = numbered
    ? ''
    : [masthead.publication && `《${masthead.publication}》`, masthead.issue].filter(Boolean).join('');
  const what = built.length > 1 ? `${built.length}篇报告` : '稿件';
  const lead = numbered
    ? `${masthead.publisher ?? ''}印发${docTitle ? `《${docTitle}》` : ''}（${kind!.docNumber}）`
    : describe
      ? `${describe}${masthead.publisher ? `（${masthead.publisher}）` : ''}刊发${docTitle ? `《${docTitle}》` : ''}`
      : `${masthead.publisher ? `${masthead.publisher}` : ''}${masthead.kind}${docTitle ? `《${docTitle}》` : ''}`;
  const record: SourceRecord = {
    title: sourceTitle,
    ...(masthead.publication && { publication: masthead.publication }),
    ...(masthead.issue && { issue: masthead.issue }),
    ...(masthead.publisher && { publisher: masthead.publisher }),
    ...(masthead.author && { author: masthead.author }),
    date: dated.date,
    ...(dated.dateNote && { dateNote: dated.dateNote }),
    ...(masthead.url && { url: masthead.url }),
    kind: masthead.kind,
    file: seedFile,
    summary: `${lead}，收录${bodies.join('、')}的${what}。`,
    ...(fingerprint && { fingerprint }),
  };
  return { record, notes };
}
