/**
 * What the studio holds for the document under review: its cases and source record, each as the
 * file it came from (an ingest draft or a file of the casebook) plus the editor's values, and
 * the text each would be saved as — the text the build's checks run on.
 */
import type { ReadResult } from '../../lib/ingest/read/document.ts';
import type { CaseReport } from '../../lib/ingest/run/report.ts';
import {
  CASE_FIELDS,
  fieldsOf,
  fileText,
  openCase,
  openSource,
  setDraft,
  setField,
  setFigures,
  SOURCE_FIELDS,
  updatePassingNote,
  type YamlFile,
} from '../../lib/studio/caseFile.ts';
import { caseProblems, sourceProblems, type CheckContext, type Problem } from '../../lib/studio/validate.ts';
import { bodyBlocks, type Block } from '../../lib/text/bodyText.ts';

/** Case fields edited as text (region, measures and figures have their own controls). */
const CASE_TEXT = ['title', 'originalTitle', 'summary', 'body', 'author', 'authorRole', 'date', 'dateNote'] as const;
/** Source record fields edited as text (its raw file is the studio's to name). */
const SOURCE_TEXT = SOURCE_FIELDS.filter(
  (k): k is Exclude<(typeof SOURCE_FIELDS)[number], 'accessed' | 'file'> => k !== 'accessed' && k !== 'file',
);

export interface FigureItem {
  data: Record<string, unknown>;
  accepted: boolean;
  /** Where it came from: proposed by ingest (or in the file opened), or added by the editor. */
  added: boolean;
}

export interface CaseState {
  /** content/cases/<file>.mdx */
  path: string;
  yaml: YamlFile;
  blocks: Block[];
  paragraphs: string[];
  headings: string[];
  fields: Record<(typeof CASE_TEXT)[number], string>;
  /** The values as opened: only what the editor changes is written anew. */
  initial: { fields: Record<(typeof CASE_TEXT)[number], string>; region: string; measures: string[] };
  region: string;
  measures: string[];
  /** Measures ingest proposed (or the file had when opened). */
  proposed: string[];
  figures: FigureItem[];
  /** Saved with the others (a compilation's editor may leave a case out). */
  include: boolean;
  report?: CaseReport;
}

export interface SourceState {
  /** content/sources/<key>.yaml */
  path: string;
  key: string;
  yaml: YamlFile;
  fields: Record<(typeof SOURCE_TEXT)[number], string>;
  initial: Record<(typeof SOURCE_TEXT)[number], string>;
}

export interface Session {
  /** A file dropped (new drafts), or a case opened from the casebook folder. */
  kind: 'new' | 'existing';
  fileName: string;
  /** The raw file to save into seeds/, unless the casebook has these bytes already. */
  seed?: { path: string; bytes: Uint8Array };
  source: SourceState;
  cases: CaseState[];
  current: number;
  /** The document as read (the full-text view). */
  read?: ReadResult;
  /** Lines ingest proposed for content/regions.yaml (places the text names that the casebook lacks). */
  proposedRegions?: string[];
  /** Edited since opened or last saved. */
  dirty?: boolean;
}

const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));

export function caseState(path: string, source: string, proposed?: readonly string[]): CaseState | { error: string } {
  const yaml = openCase(source);
  if ('error' in yaml) return yaml;
  const data = fieldsOf(yaml);
  const blocks = bodyBlocks((yaml.body ?? '').trim());
  const measures = Array.isArray(data.measures) ? data.measures.map(text) : [];
  const figures = Array.isArray(data.figures) ? (data.figures as Record<string, unknown>[]) : [];
  const fields = Object.fromEntries(CASE_TEXT.map((k) => [k, text(data[k])])) as CaseState['fields'];
  return {
    path,
    yaml,
    blocks,
    paragraphs: blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])),
    headings: blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : [])),
    fields,
    initial: { fields: { ...fields }, region: text(data.region), measures: [...measures] },
    region: text(data.region),
    measures,
    proposed: [...(proposed ?? measures)],
    figures: figures.map((f) => ({ data: f, accepted: true, added: false })),
    include: true,
  };
}

export function sourceState(path: string, source: string): SourceState | { error: string } {
  const yaml = openSource(source);
  if ('error' in yaml) return yaml;
  const data = fieldsOf(yaml);
  const fields = Object.fromEntries(SOURCE_TEXT.map((k) => [k, text(data[k])])) as SourceState['fields'];
  return { path, key: path.replace(/^.*\//, '').replace(/\.ya?ml$/, ''), yaml, fields, initial: { ...fields } };
}

/** A figure as the file holds it: the value a number where it reads as one, empty fields left out. */
function figureData(f: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(f)) {
    if (value === '' || value === undefined || value === null) continue;
    if (key === 'period' && typeof value === 'object') {
      const p = Object.fromEntries(Object.entries(value).filter(([, y]) => y !== '' && y !== undefined));
      if (Object.keys(p).length) out.period = p;
    } else out[key] = value;
  }
  return out;
}

/** The case file the editor's values make (`publish`: without the draft flag and ingest's notes). */
export function caseText(c: CaseState, publish = false): string {
  const yaml: YamlFile = structuredClone(c.yaml);
  for (const key of CASE_TEXT)
    if (c.fields[key] !== c.initial.fields[key]) setField(yaml, key, c.fields[key].trim() || undefined, CASE_FIELDS);
  if (c.region !== c.initial.region) setField(yaml, 'region', c.region, CASE_FIELDS);
  if (c.measures.join() !== c.initial.measures.join()) setField(yaml, 'measures', c.measures, CASE_FIELDS);
  setFigures(
    yaml,
    c.figures.filter((f) => f.accepted).map((f) => figureData(f.data)),
  );
  updatePassingNote(yaml, c.measures);
  setDraft(yaml, !publish);
  return fileText(yaml);
}

export function sourceText(s: SourceState): string {
  const yaml: YamlFile = structuredClone(s.yaml);
  for (const key of SOURCE_TEXT)
    if (s.fields[key] !== s.initial[key]) setField(yaml, key, s.fields[key].trim() || undefined, SOURCE_FIELDS);
  return fileText(yaml);
}

export const checkCase = (c: CaseState, ctx: CheckContext): Problem[] => caseProblems(caseText(c), ctx);
export const checkSource = (s: SourceState, ctx: CheckContext): Problem[] => sourceProblems(sourceText(s), ctx);
