/**
 * ingest(bytes | text, options) → { cases, source, report, issues }: one raw document to
 * review-ready drafts, as a chain of pure stages, each in its own module:
 *
 *   read (../read/document.ts: any format → blocks + metadata, with text hygiene)
 *   → clean (../structure/exportNoise.ts: export noise; a gate on the amount of Chinese text)
 *   → structure (../structure/structure.ts: paragraphs, headings, sections; ../structure/metadata.ts: masthead, title)
 *   → date (../structure/dating.ts)
 *   → per section: body and region, tag, figures, summary (../draft/cases.ts)
 *   → draft (../draft/names.ts: names, source record; ../draft/files.ts: MDX and YAML)
 *
 * The caller reads the taxonomy, regions and existing files and writes what comes back
 * (see ./fileIO.ts and scripts/ingest.ts).
 */
import type { MeasureRecord } from '../../content/contentFiles.ts';
import type { Metric } from '../../model/metrics.ts';
import type { DivisionDataset, Region } from '../../model/regions.ts';
import { buildDate } from '../../site/buildDate.ts';
import { countHan } from '../../text/han.ts';
import type { DocBlock, ReadResult } from '../structure/blocks.ts';
import { buildCase, type BuiltCase, type CaseContext } from '../draft/cases.ts';
import { MAX_INPUT_BYTES } from '../read/decode.ts';
import { dateDocument, type DocumentDate } from '../structure/dating.ts';
import { caseMdx, sourceYaml } from '../draft/files.ts';
import { readHead, type DocumentHead } from '../structure/metadata.ts';
import { textFingerprint } from '../draft/fingerprint.ts';
import { documentKind, type DocKindInfo } from '../structure/kind.ts';
import { dropNoise } from '../structure/exportNoise.ts';
import { placesIn } from '../structure/orgs.ts';
import { rejectedReport, type InputReport } from './report.ts';
import { isTraditional, toSimplified } from '../structure/simplified.ts';
import { nameDrafts, sourceRecord } from '../draft/names.ts';
import { structureDocument, type DocStructure, type Section } from '../structure/structure.ts';

export { joinTitle } from '../structure/metadata.ts';

export interface IngestOptions {
  /** The input as named on the command line (for messages). */
  fileName: string;
  /** The source record's `file:`, e.g. `seeds/2025-10-shangjie-xinxi-49.txt`. */
  seedFile: string;
  /** Taxonomy (`readMeasures()`). */
  measures: readonly MeasureRecord[];
  /** The metric vocabulary (`loadMetrics()`), to propose figure metrics. @default [] */
  metrics?: readonly Metric[];
  /** The site's regions (`loadRegions()`). */
  regions: readonly Region[];
  /** GB/T 2260 dataset (`loadDivisionDataset()`). */
  divisions: DivisionDataset;
  /** `source:` of an existing case file with this slug, undefined when there is none. */
  caseOwner?: (slug: string) => string | undefined;
  /** `file:` of an existing source record with this key, undefined when there is none. */
  sourceOwner?: (key: string) => string | undefined;
  /** Key of an existing source record whose `file:` is this seed (a re-ingest), if any. */
  sourceKeyOf?: (seedFile: string) => string | undefined;
  /** Write cases with no education measures anyway. @default false */
  force?: boolean;
  /**
   * The editor's date (YYYY, YYYY-MM or YYYY-MM-DD) for a text that prints no date and no
   * year. Without it such a text is rejected: the casebook never invents a date.
   */
  fallbackDate?: string;
  /** @default MAX_INPUT_BYTES (2 MiB) */
  maxBytes?: number;
  /** Today, YYYY-MM-DD (China time): a date after it is never used. @default the run's date */
  today?: string;
}

export interface DraftFile {
  /** Relative to the output directory: `cases/<slug>.mdx`, `sources/<key>.yaml`. */
  path: string;
  text: string;
}

export interface IngestResult {
  /** False when the input was rejected (nothing to write). */
  ok: boolean;
  cases: DraftFile[];
  source?: DraftFile;
  report: InputReport;
  /** Everything an editor should check, flattened (also inside the report). */
  issues: string[];
}

/** Minimum Chinese characters, and their share of non-space characters, for a bulletin. */
export const MIN_CJK = 100;
export const MIN_CJK_SHARE = 0.3;

function reject(fileName: string, reason: string, encoding?: string): IngestResult {
  return { ok: false, cases: [], report: rejectedReport(fileName, reason, encoding), issues: [reason] };
}

/** Stage "clean" gate: too little Chinese text to be a bulletin, as a reason, or undefined. */
export function tooLittleChinese(blocks: readonly DocBlock[]): string | undefined {
  const text = blocks.map((b) => b.text).join('\n');
  const cjk = countHan(text);
  const visible = text.replace(/\s/g, '').length;
  if (cjk >= MIN_CJK && cjk / Math.max(1, visible) >= MIN_CJK_SHARE) return undefined;
  return `too little Chinese text to be a bulletin (${cjk} Chinese characters, ${Math.round((100 * cjk) / Math.max(1, visible))}% of the text; at least ${MIN_CJK} and ${MIN_CJK_SHARE * 100}% expected)`;
}

/** Drafts for one input (bytes of any supported format, or a plain text). */
export async function ingest(input: string | Uint8Array, options: IngestOptions): Promise<IngestResult> {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  // Loaded when needed: the CLI reads in a worker (../read/budget/budget.ts) and needs no parser here.
  const { readDocument } = await import('../read/document.ts');
  const read = await readDocument(bytes, options.fileName, options.maxBytes ?? MAX_INPUT_BYTES);
  return ingestDocument(read, options);
}

/**
 * The fingerprint of a document's text as ingest reads it (export noise dropped), or undefined for
 * a refused or too short document. The same text in any format has the same fingerprint.
 */
export function documentFingerprint(read: ReadResult): string | undefined {
  return read.ok ? textFingerprint(dropNoise(read.blocks).blocks) : undefined;
}

/** The document's text as the stages see it: structured, dated, its kind and places told. */
interface Analysis {
  doc: DocStructure;
  head: DocumentHead;
  sections: Section[];
  noise: ReturnType<typeof dropNoise>['removed'];
  blocks: DocBlock[];
  simplify: ((text: string) => string) | undefined;
  hints: string[];
  kind: DocKindInfo;
  dated: DocumentDate;
}

/** Drafts for a document already read (pure and synchronous). */
export function ingestDocument(read: ReadResult, options: IngestOptions): IngestResult {
  const { fileName } = options;
  if (!read.ok) return reject(fileName, read.reason);
  const encoding = read.encoding ?? read.format;
  const analysis = analyse(read, options);
  if (typeof analysis === 'string') return reject(fileName, analysis, encoding);
  const built = analysis.sections.map((section) => buildCase(section, caseContext(analysis, read, options)));
  const { dated } = analysis;
  // Only a text that would be published needs a date; one that is not a case says so instead.
  if (dated.date === undefined && built.some((b) => b.write)) {
    const why = dated.uncertain.length ? ` (${dated.uncertain.join('; ')})` : '';
    return reject(
      fileName,
      `no date printed and no year in the text${why}: pass --date YYYY[-MM[-DD]] with the date of the original (dates are never invented)`,
      encoding,
    );
  }
  return draftResult(read, analysis, built, options);
}

/** Stages clean, structure, head, kind and date; the reason when the text is no bulletin. */
function analyse(read: Extract<ReadResult, { ok: true }>, options: IngestOptions): Analysis | string {
  const { blocks, removed: noise } = dropNoise(read.blocks);
  const little = tooLittleChinese(blocks);
  if (little) return little;
  const doc = structureDocument(blocks, options.divisions, read.format !== 'text');
  const head = readHead(doc, read.meta, read.format);
  const sections = doc.sections.filter((s) => s.items.some((i) => i.kind === 'paragraph'));
  if (!sections.length) return 'no paragraphs of text found';
  const allText = [
    head.title,
    ...doc.preamble,
    ...sections.flatMap((s) => [...s.titleLines, ...s.items.map((i) => i.text)]),
  ].join('\n');
  // A traditional-character text is analysed through a simplified copy; the draft keeps it as printed.
  const simplify = isTraditional(allText) ? toSimplified : undefined;
  const hints = placesIn(simplify ? simplify(allText) : allText, options.divisions)
    .filter((p) => p.level !== '县区')
    .map((p) => p.name);
  const kind = documentKind(doc, head, read.meta, read.format, simplify);
  const dated = dateDocument(head, allText, {
    ...(options.fallbackDate && { fallbackDate: options.fallbackDate }),
    ...(kind.date && { own: kind.date }),
    today: options.today ?? buildDate({}),
  });
  return { doc, head, sections, noise, blocks, simplify, hints, kind, dated };
}

function caseContext(
  { head, doc, dated, hints, kind, simplify, sections }: Analysis,
  read: Extract<ReadResult, { ok: true }>,
  options: IngestOptions,
): CaseContext {
  return {
    head,
    meta: read.meta,
    docTitleLines: doc.titleLines,
    date: dated,
    hints,
    kind,
    ...(simplify && { simplify }),
    compilation: sections.length > 1,
    docBylines: doc.bylines,
    measures: options.measures,
    metrics: options.metrics ?? [],
    regions: options.regions,
    divisions: options.divisions,
    force: !!options.force,
  };
}

/** Stage draft: names, the source record, the files and the report. */
function draftResult(
  read: Extract<ReadResult, { ok: true }>,
  analysis: Analysis,
  built: BuiltCase[],
  options: IngestOptions,
): IngestResult {
  const { head, dated, kind } = analysis;
  const date = dated.date ?? '';
  const naming = nameDrafts(built, date, options);
  const { record, notes: sourceNotes } = sourceRecord(
    built,
    head,
    { date, ...(dated.dateNote && { dateNote: dated.dateNote }) },
    options.seedFile,
    kind,
    textFingerprint(analysis.blocks),
  );
  const uncertain = [...read.notes, ...head.notes, ...dated.uncertain, ...naming.notes, ...sourceNotes];
  const cases = built.filter((b) => b.write).map((b) => caseFile(b, options.seedFile));
  const source: DraftFile = {
    path: `sources/${naming.sourceKey}.yaml`,
    text: sourceYaml(record, [`Draft by \`npm run ingest\` from ${options.seedFile} — review title and summary.`]),
  };
  const report = inputReport(read, analysis, built, options.fileName, uncertain, {
    key: naming.sourceKey,
    path: source.path,
    file: options.seedFile,
    date,
    ...(dated.dateNote && { dateNote: dated.dateNote }),
    title: record.title,
    ...(record.fingerprint && { fingerprint: record.fingerprint }),
  });
  const issues = [...uncertain, ...built.flatMap((b) => b.report.uncertain.map((u) => `${b.report.path}: ${u}`))];
  return { ok: report.status !== 'rejected', cases, ...(cases.length && { source }), report, issues };
}

/** One case's MDX, with the review header and the measures mentioned only in passing. */
function caseFile(b: BuiltCase, seedFile: string): DraftFile {
  return {
    path: b.report.path,
    text: caseMdx({
      frontMatter: b.fm,
      items: b.section.items,
      header: [
        `Draft by \`npm run ingest\` from ${seedFile} — review before publishing:`,
        'title, summary (sentences picked from the text), measures, figures; see the ingest report.',
        'The public build leaves this case out until you delete `draft: true` (npm run dev shows it).',
      ],
      measureComments: b.low.length
        ? [
            'Passing mentions, not proposed (add an id above if the text practises it):',
            ...b.low.map(
              (m) =>
                `  ${m.id} (${m.name}): ${m.mentions} mention(s) in ${m.paragraphs.map((p) => `¶${p.paragraph}`).join(' ')}`,
            ),
          ]
        : [],
    }),
  };
}

/** The review report of a drafted input. */
function inputReport(
  read: Extract<ReadResult, { ok: true }>,
  { head, kind, doc, noise }: Analysis,
  built: BuiltCase[],
  fileName: string,
  uncertain: string[],
  source: NonNullable<InputReport['source']>,
): InputReport {
  const written = built.filter((b) => b.write);
  const status = !written.length ? 'rejected' : written.length < built.length ? 'partial' : 'ok';
  return {
    input: fileName,
    status,
    ...(status === 'rejected' && {
      reason: built.map((b) => b.report.skipped).filter(Boolean)[0] ?? 'nothing to write',
    }),
    encoding: read.encoding ?? read.format,
    format: read.format,
    document: {
      kind: kind.kind,
      issuers: kind.issuers,
      ...(kind.docNumber && { docNumber: kind.docNumber }),
      ...(kind.date && { date: kind.date.value, dateFrom: kind.date.from }),
    },
    masthead: mastheadReport(head),
    source,
    bodies: built.map((b) => b.fm.body),
    cases: built.map((b) => b.report),
    removed: [
      ...noise.map((r) => ({ kind: 'noise' as const, line: r.line, text: `${r.text} (${r.why})` })),
      ...doc.removed.map((r) => ({ kind: r.kind, line: r.line, text: r.text })),
    ].sort((a, b) => a.line - b.line),
    proposedRegions: [...new Set(built.flatMap((b) => b.proposedRegions))],
    uncertain,
    files: [],
  };
}

function mastheadReport({ title, masthead }: DocumentHead): NonNullable<InputReport['masthead']> {
  return {
    ...(title && { title }),
    ...(masthead.publication && { publication: masthead.publication }),
    ...(masthead.issue && { issue: masthead.issue }),
    ...(masthead.date && { date: masthead.date }),
    ...(masthead.publisher && { publisher: masthead.publisher }),
    ...(masthead.author && { author: masthead.author }),
    ...(masthead.url && { url: masthead.url }),
    kind: masthead.kind,
    other: masthead.other,
  };
}
