/**
 * The ingest run behind `npm run ingest`: the project's taxonomy and regions loaded once, then each
 * input read within the worker's budget, drafted (./ingest.ts), planned and written
 * (./writePlan.ts: all files of an input or none, a fresh plan when another ingest took a name
 * meanwhile), and the reports printed. The CLI (scripts/ingest.ts) only parses the arguments and
 * passes the real stdout and stderr; tests call `runIngest` in-process.
 *
 * Paths (inputs, `out`) are taken as the file system takes them, relative to the process's
 * working folder, which is the project root: the taxonomy and regions are read from there.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { readMeasures } from '../../content/contentFiles.ts';
import { loadMetrics } from '../../content/loadMetrics.ts';
import { loadRegions } from '../../content/loadRegions.ts';
import { loadDivisionDataset } from '../../model/divisionData.ts';
import { readWithinBudget, warmReader } from '../read/budget/budget.ts';
import type { ReadResult } from '../read/document.ts';
import { readCasebook, readInput, seedPlan, sourceOfText, type CasebookIndex } from './fileIO.ts';
import { documentFingerprint, ingestDocument, type IngestOptions, type IngestResult } from './ingest.ts';
import {
  escapeTerminal,
  formatReport,
  jsonForTerminal,
  rejectedReport,
  type FileAction,
  type InputReport,
} from './report.ts';
import {
  applyPlan,
  cleanStaleTemps,
  errnoText,
  planWrites,
  type ApplyResult,
  type FileAction as PlannedAction,
  type WritePlan,
  type WriteRequest,
} from './writePlan.ts';

/** What the editor asked for on the command line (besides the files). */
export interface RunOptions {
  /** Write `<out>/cases`, `<out>/sources` and `<out>/seeds` instead of the project's `content/` and `seeds/`. */
  out?: string;
  /** Replace drafts, write texts that are not cases, ingest a known text as a new source. */
  force: boolean;
  /** Also replace what curated cases own (implies `force`). */
  forceCurated: boolean;
  /** Write nothing; report what would be written. */
  dryRun: boolean;
  /** Print the reports as one JSON array. */
  json: boolean;
  /** The date for a text that prints no date and no year (YYYY, YYYY-MM or YYYY-MM-DD). */
  date?: string;
}

/** Where the run prints: one call per printed block, like `console.log` and `console.error`. */
export interface RunIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** 0 everything written, 1 an input rejected, partly written or not writable, 2 unreadable project. */
export type ExitCode = 0 | 1 | 2;

/** How often an input gets a fresh plan when another ingest took one of its names meanwhile. */
const RETRIES = 3;

/** The project's data every draft needs, read once per run. */
type ProjectData = Required<Pick<IngestOptions, 'measures' | 'metrics' | 'regions' | 'divisions'>>;

/** Everything one input's ingest needs from the run. */
interface RunContext {
  options: RunOptions;
  project: ProjectData;
  root: string;
  outDir: string;
  seedsRoot: string;
  seedsDir: string;
  /** A path as the editor would type it. */
  shown: (path: string) => string;
  /** Write failures, repeated on stderr at the end so that they are seen when stdout is piped away. */
  ioErrors: string[];
}

/** Ingests `files` in order (a bad file never stops the others), prints the reports, returns the exit code. */
export async function runIngest(files: readonly string[], options: RunOptions, io: RunIo): Promise<ExitCode> {
  // The reader's worker loads its parsers while this thread reads the taxonomy and regions.
  warmReader();
  const root = process.cwd();
  const project = loadProject(root);
  if ('error' in project) {
    io.stderr(
      escapeTerminal(
        `ingest: cannot read the taxonomy or regions of the project in ${root} (run from the project folder): ${project.error}`,
      ),
    );
    return 2;
  }
  const context = runContext(root, options, project);
  if (!options.dryRun) reportStaleTemps(context, io);
  const reports: InputReport[] = [];
  for (const file of files) reports.push(await ingestFile(file, context));
  printReports(reports, options, io);
  for (const line of context.ioErrors) io.stderr(escapeTerminal(`ingest: ${line}`));
  return reports.some((r) => r.status !== 'ok') ? 1 : 0;
}

function loadProject(root: string): ProjectData | { error: string } {
  try {
    const measures = readMeasures(root);
    const metrics = loadMetrics(
      measures.map((m) => m.id),
      root,
    );
    return { measures, metrics, regions: loadRegions(root), divisions: loadDivisionDataset() };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

function runContext(root: string, options: RunOptions, project: ProjectData): RunContext {
  const outDir = resolve(options.out ?? join(root, 'content'));
  const seedsRoot = options.out ? outDir : root;
  const shown = (path: string) => {
    const rel = relative(root, path);
    return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
  };
  return { options, project, root, outDir, seedsRoot, seedsDir: join(seedsRoot, 'seeds'), shown, ioErrors: [] };
}

/** Removes what an interrupted ingest left behind, and names the backups only the editor can judge. */
function reportStaleTemps(context: RunContext, io: RunIo): void {
  const { outDir, seedsDir, shown } = context;
  const stale = cleanStaleTemps([join(outDir, 'cases'), join(outDir, 'sources'), seedsDir]);
  for (const path of stale.removed)
    io.stderr(escapeTerminal(`ingest: removed ${shown(path)}, left by an ingest that did not finish`));
  for (const path of stale.backups)
    io.stderr(
      escapeTerminal(
        `ingest: ${shown(path)} is a backup left by an ingest that did not finish: compare it with the file it is named after, then delete it`,
      ),
    );
}

/** One input: read once within the time and memory budget, then drafted and written (a few plans at most). */
async function ingestFile(file: string, context: RunContext): Promise<InputReport> {
  const read = readInput(file);
  if (!read.ok) return rejectedReport(file, read.reason);
  const bytes = read.bytes;
  const document = await readWithinBudget(bytes, file);
  for (let attempt = 0; ; attempt++) {
    const report = await attemptIngest(file, bytes, document, context, attempt < RETRIES);
    if (report !== 'retry') return report;
  }
}

/** One plan for an input against the casebook as it is now; 'retry' when a fresh plan may succeed. */
async function attemptIngest(
  file: string,
  bytes: Uint8Array,
  document: ReadResult,
  context: RunContext,
  mayRetry: boolean,
): Promise<InputReport | 'retry'> {
  let index: CasebookIndex;
  try {
    // Re-read per input so that several inputs in one run see each other's files.
    index = readCasebook(context.outDir, [...new Set([context.seedsRoot, context.root])]);
  } catch (error) {
    return rejectedReport(
      file,
      `cannot read the existing casebook in ${context.shown(context.outDir)}: ${errnoText(error)}`,
    );
  }
  // The same bytes as a seed already recorded (under any name): a re-ingest of that seed.
  const known = index.sourceOfBytes(bytes);
  const twin = known || context.options.force ? undefined : await sameTextSource(index, document);
  if (twin) return rejectedReport(file, sameTextReason(twin, index));
  const plan = known ? { seedFile: known.file } : seedPlan(file, context.root, context.seedsDir);
  let result: IngestResult;
  try {
    result = ingestDocument(document, draftOptions(file, plan.seedFile, known?.key, index, context));
  } catch (error) {
    // A bug must not cost the other inputs: this one is rejected with one line.
    return rejectedReport(file, `internal error while ingesting (please report it): ${errnoText(error)}`);
  }
  if (!result.ok) return result.report;
  const copyTo = 'copyTo' in plan ? plan.copyTo : undefined;
  return writeDrafts(file, result, writeRequests(result, bytes, copyTo, context.outDir), index, context, mayRetry);
}

/** The source whose text is this document's in another format (or with other bytes): nothing to add. */
async function sameTextSource(index: CasebookIndex, document: ReadResult) {
  const fingerprint = documentFingerprint(document);
  return fingerprint
    ? sourceOfText(index, fingerprint, async (seed, name) => documentFingerprint(await readWithinBudget(seed, name)))
    : undefined;
}

/** Why an input whose text is already a source is not ingested again. */
function sameTextReason(twin: { key: string; file: string }, index: CasebookIndex): string {
  const cases = [...index.cases.values()].filter((c) => c.source === twin.key).map((c) => `cases/${c.slug}.mdx`);
  return `the same text is already source “${twin.key}” (${twin.file}${cases.length ? `; ${cases.join(', ')}` : ''}): nothing written — a bulletin in another format or with other bytes is not a new case (--force ingests it as a new source anyway)`;
}

function draftOptions(
  file: string,
  seedFile: string,
  knownKey: string | undefined,
  index: CasebookIndex,
  { project, options }: RunContext,
): IngestOptions {
  return {
    fileName: file,
    seedFile,
    ...project,
    caseOwner: (slug) => index.cases.get(slug)?.source,
    sourceOwner: (key) => index.sources.get(key),
    sourceKeyOf: (seed) => knownKey ?? [...index.sources].find(([, f]) => f === seed)?.[0],
    force: options.force,
    ...(options.date && { fallbackDate: options.date }),
  };
}

function writeRequests(result: IngestResult, bytes: Uint8Array, copyTo: string | undefined, outDir: string) {
  const requests: WriteRequest[] = [
    ...result.cases.map((c) => ({ path: join(outDir, c.path), content: c.text, role: 'case' as const })),
    ...(result.source
      ? [{ path: join(outDir, result.source.path), content: result.source.text, role: 'source' as const }]
      : []),
    ...(copyTo ? [{ path: copyTo, content: bytes, role: 'seed' as const }] : []),
  ];
  return requests;
}

/** Checks the drafts' files against the disk and writes them all or none; fills in the report's files. */
function writeDrafts(
  file: string,
  result: IngestResult,
  requests: WriteRequest[],
  index: CasebookIndex,
  context: RunContext,
  mayRetry: boolean,
): InputReport | 'retry' {
  const { report } = result;
  const { options, shown } = context;
  const bodies = new Map(report.cases.map((c) => [c.slug, c.body]));
  const checked = planWrites(
    requests,
    { force: options.force, forceCurated: options.forceCurated },
    { index, ...(report.source && { sourceKey: report.source.key }), bodies, shown },
  );
  // A file in the way that was not there when the casebook was read: another ingest wrote it
  // meanwhile, and a fresh plan will pick a free name instead.
  if (checked.refused && mayRetry && checked.files.some((f) => f.state === 'differs' && !index.existing.has(f.path)))
    return 'retry';
  if (checked.refused) return refusedPlan(file, report, checked, checked.refused, context);
  report.uncertain.push(...checked.notes);
  const applied = applyPlan(checked, { dryRun: options.dryRun });
  if (!applied.ok) {
    if (applied.conflict && mayRetry) return 'retry';
    return failedWrite(file, report, checked, applied, context);
  }
  report.files = applied.files.map((f) => ({
    path: shown(f.path),
    action: ACTION_LABELS[f.action],
    ...((f.action === 'replaced' || f.action === 'would replace') && { note: 'overwritten (--force)' }),
  }));
  return report;
}

const ACTION_LABELS: Record<PlannedAction, FileAction['action']> = {
  written: 'written',
  replaced: 'written',
  unchanged: 'unchanged',
  'would write': 'would write',
  'would replace': 'would write',
};

/** The plan was refused (a file in the way, a curated case, an unwritable path): nothing written. */
function refusedPlan(
  file: string,
  report: InputReport,
  checked: WritePlan,
  reason: string,
  context: RunContext,
): InputReport {
  if (checked.ioError) context.ioErrors.push(`${reason} — nothing written for ${file}`);
  report.status = 'rejected';
  report.reason = reason;
  report.files = checked.files.map((f) => ({
    path: context.shown(f.path),
    action: f.state === 'differs' ? 'exists' : 'skipped',
  }));
  return report;
}

/** A write failed part-way: the plan was rolled back, so nothing is written for this input. */
function failedWrite(
  file: string,
  report: InputReport,
  checked: WritePlan,
  applied: Extract<ApplyResult, { ok: false }>,
  context: RunContext,
): InputReport {
  const line = `cannot write ${context.shown(applied.path)}: ${applied.error} — nothing written for ${file}`;
  context.ioErrors.push(line);
  report.status = 'rejected';
  report.reason = line;
  report.files = checked.files.map((f) => ({ path: context.shown(f.path), action: 'skipped' }));
  return report;
}

function printReports(reports: readonly InputReport[], options: RunOptions, io: RunIo): void {
  if (options.json) {
    io.stdout(jsonForTerminal(reports));
    return;
  }
  io.stdout(reports.map(formatReport).join('\n\n'));
  const notOk = reports.filter((r) => r.status !== 'ok').length;
  io.stdout(
    `\n${reports.length} input(s): ${reports.length - notOk} ${options.dryRun ? 'ready (dry run: nothing written)' : 'written'}, ${notOk} rejected or partly written.`,
  );
  if (!options.dryRun && reports.some((r) => r.status !== 'rejected')) {
    io.stdout('Next: review the drafts and the report above, edit, then `npm run build`.');
  }
}
