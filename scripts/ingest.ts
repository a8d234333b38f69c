/**
 * npm run ingest -- [options] <file>...
 *
 * Raw bulletin(s) → case drafts (content/cases/*.mdx), a source record
 * (content/sources/<key>.yaml) and a review report. This file only parses arguments and
 * prints: reading is src/lib/ingest/run/fileIO.ts, the drafts src/lib/ingest/run/ingest.ts, writing
 * src/lib/ingest/run/writePlan.ts (all files of an input or none).
 * Exit codes: 0 everything written, 1 an input was rejected, partly written or could not be
 * written, 2 usage error or unreadable project.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { readMeasures } from '../src/lib/content/contentFiles.ts';
import { parsePartialDate } from '../src/lib/model/dates.ts';
import { loadDivisionDataset } from '../src/lib/model/divisionData.ts';
import { readCasebook, readInput, seedPlan, sourceOfText } from '../src/lib/ingest/run/fileIO.ts';
import { readWithinBudget, warmReader } from '../src/lib/ingest/read/budget/budget.ts';
import { documentFingerprint, ingestDocument } from '../src/lib/ingest/run/ingest.ts';
import {
  escapeTerminal,
  formatReport,
  jsonForTerminal,
  type FileAction,
  type InputReport,
} from '../src/lib/ingest/run/report.ts';
import {
  applyPlan,
  cleanStaleTemps,
  errnoText,
  planWrites,
  type WriteRequest,
} from '../src/lib/ingest/run/writePlan.ts';
import { loadMetrics } from '../src/lib/content/loadMetrics.ts';
import { loadRegions } from '../src/lib/content/loadRegions.ts';

/** A path as the editor would type it: relative to the current folder when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

const USAGE = `usage: npm run ingest -- [options] <file>...

  <file>      raw bulletin text (UTF-8, UTF-8 with BOM, GBK/GB18030; any line endings);
              regular files only (not a directory, FIFO, device or symlink)
  --out DIR   write DIR/cases, DIR/sources (and DIR/seeds for inputs outside seeds/)
              instead of content/ and seeds/ of the project
  --force     replace existing drafts of the same input; write texts that are not education cases;
              ingest a text that is already a source (in another format) as a new source
  --force-replace-curated
              also replace files that curated cases own (a case without the draft mark,
              a source record or seed such cases cite); implies --force
  --dry-run   write nothing, report what would be written
  --json      print the reports as JSON (an array, one object per input)
  --date D    the date (YYYY, YYYY-MM or YYYY-MM-DD) for a text that prints no date or year;
              without it such a text is rejected rather than given an invented date
  --          ends the options: every later argument is a file (e.g. a file named --force)

Exit codes: 0 all written; 1 an input rejected, partly written or not writable; 2 usage error.`;

interface Args {
  files: string[];
  out?: string;
  force: boolean;
  forceCurated: boolean;
  dryRun: boolean;
  json: boolean;
  date?: string;
}

function parseArgs(argv: string[]): Args | { error: string } | 'help' {
  const args: Args = { files: [], force: false, forceCurated: false, dryRun: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      args.files.push(...argv.slice(i + 1));
      break;
    }
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--force') args.force = true;
    else if (a === '--force-replace-curated') args.forceCurated = args.force = true;
    else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--json') args.json = true;
    else if (a === '--out' || a.startsWith('--out=')) {
      const value = a === '--out' ? argv[++i] : a.slice('--out='.length);
      if (!value || value.startsWith('--')) return { error: '--out needs a directory' };
      args.out = value;
    } else if (a === '--date' || a.startsWith('--date=')) {
      const value = a === '--date' ? argv[++i] : a.slice('--date='.length);
      const parsedDate = value ? parsePartialDate(value) : undefined;
      if (!parsedDate || 'error' in parsedDate)
        return { error: `--date needs YYYY, YYYY-MM or YYYY-MM-DD (got ${value ?? 'nothing'})` };
      args.date = value;
    } else if (a.startsWith('-') && a !== '-')
      return { error: `unknown option ${a} (a file whose name starts with - goes after --)` };
    else args.files.push(a);
  }
  if (!args.files.length) return { error: 'no input file given' };
  return args;
}

const rejected = (input: string, reason: string): InputReport => ({
  input,
  status: 'rejected',
  reason,
  bodies: [],
  cases: [],
  removed: [],
  proposedRegions: [],
  uncertain: [],
  files: [],
});

/** Why an input whose text is already a source is not ingested again. */
function sameTextReason(twin: { key: string; file: string }, index: ReturnType<typeof readCasebook>): string {
  const cases = [...index.cases.values()].filter((c) => c.source === twin.key).map((c) => `cases/${c.slug}.mdx`);
  return `the same text is already source “${twin.key}” (${twin.file}${cases.length ? `; ${cases.join(', ')}` : ''}): nothing written — a bulletin in another format or with other bytes is not a new case (--force ingests it as a new source anyway)`;
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    console.error(escapeTerminal(`ingest: ${parsed.error}`) + `\n\n${USAGE}`);
    return 2;
  }
  // The reader's worker loads its parsers while this thread reads the taxonomy and regions.
  warmReader();
  const root = process.cwd();
  const outDir = resolve(parsed.out ?? join(root, 'content'));
  const seedsRoot = parsed.out ? outDir : root;
  const seedsDir = join(seedsRoot, 'seeds');
  let measures, metrics, regions, divisions;
  try {
    measures = readMeasures(root);
    metrics = loadMetrics(
      measures.map((m) => m.id),
      root,
    );
    regions = loadRegions(root);
    divisions = loadDivisionDataset();
  } catch (error) {
    console.error(
      escapeTerminal(
        `ingest: cannot read the taxonomy or regions of the project in ${root} (run from the project folder): ${(error as Error).message}`,
      ),
    );
    return 2;
  }

  const reports: InputReport[] = [];
  const ioErrors: string[] = [];
  if (!parsed.dryRun) {
    const stale = cleanStaleTemps([join(outDir, 'cases'), join(outDir, 'sources'), seedsDir]);
    for (const path of stale.removed)
      console.error(escapeTerminal(`ingest: removed ${shown(path)}, left by an ingest that did not finish`));
    for (const path of stale.backups)
      console.error(
        escapeTerminal(
          `ingest: ${shown(path)} is a backup left by an ingest that did not finish: compare it with the file it is named after, then delete it`,
        ),
      );
  }
  for (const file of parsed.files) {
    const read = readInput(file);
    if (!read.ok) {
      reports.push(rejected(file, read.reason));
      continue;
    }
    const bytes = read.bytes;
    // Read once, within the time and memory budget (a worker thread); planned and written below.
    const document = await readWithinBudget(bytes, file);
    // A name taken by another ingest between the check and the write gets a fresh plan (a few times).
    for (let attempt = 0; ; attempt++) {
      let index;
      try {
        // Re-read per input so that several inputs in one run see each other's files.
        index = readCasebook(outDir, [...new Set([seedsRoot, root])]);
      } catch (error) {
        reports.push(rejected(file, `cannot read the existing casebook in ${shown(outDir)}: ${errnoText(error)}`));
        break;
      }
      // The same bytes as a seed already recorded (under any name): a re-ingest of that seed.
      const known = index.sourceOfBytes(bytes);
      // The same text in another format (or with other bytes): already a source, nothing to add.
      const fingerprint = known || parsed.force ? undefined : documentFingerprint(document);
      const twin =
        fingerprint &&
        (await sourceOfText(index, fingerprint, async (seed, name) =>
          documentFingerprint(await readWithinBudget(seed, name)),
        ));
      if (twin) {
        reports.push(rejected(file, sameTextReason(twin, index)));
        break;
      }
      const plan = known ? { seedFile: known.file } : seedPlan(file, root, seedsDir);
      let result: ReturnType<typeof ingestDocument>;
      try {
        result = ingestDocument(document, {
          fileName: file,
          seedFile: plan.seedFile,
          measures,
          metrics,
          regions,
          divisions,
          caseOwner: (slug) => index.cases.get(slug)?.source,
          sourceOwner: (key) => index.sources.get(key),
          sourceKeyOf: (seedFile) => known?.key ?? [...index.sources].find(([, f]) => f === seedFile)?.[0],
          force: parsed.force,
          ...(parsed.date && { fallbackDate: parsed.date }),
        });
      } catch (error) {
        // A bug must not cost the other inputs: this one is rejected with one line.
        reports.push(rejected(file, `internal error while ingesting (please report it): ${errnoText(error)}`));
        break;
      }
      const report = result.report;
      if (!result.ok) {
        reports.push(report);
        break;
      }
      const requests: WriteRequest[] = [
        ...result.cases.map((c) => ({ path: join(outDir, c.path), content: c.text, role: 'case' as const })),
        ...(result.source
          ? [{ path: join(outDir, result.source.path), content: result.source.text, role: 'source' as const }]
          : []),
        ...('copyTo' in plan && plan.copyTo ? [{ path: plan.copyTo, content: bytes, role: 'seed' as const }] : []),
      ];
      const bodies = new Map(report.cases.map((c) => [c.slug, c.body]));
      const checked = planWrites(
        requests,
        { force: parsed.force, forceCurated: parsed.forceCurated },
        { index, ...(report.source && { sourceKey: report.source.key }), bodies, shown },
      );
      // A file in the way that was not there when the casebook was read: another ingest wrote it
      // meanwhile, and a fresh plan will pick a free name instead.
      if (
        checked.refused &&
        attempt < 3 &&
        checked.files.some((f) => f.state === 'differs' && !index.existing.has(f.path))
      )
        continue;
      if (checked.refused) {
        if (checked.ioError) ioErrors.push(`${checked.refused} — nothing written for ${file}`);
        report.status = 'rejected';
        report.reason = checked.refused;
        report.files = checked.files.map((f) => ({
          path: shown(f.path),
          action: f.state === 'differs' ? 'exists' : 'skipped',
        }));
        reports.push(report);
        break;
      }
      report.uncertain.push(...checked.notes);
      const applied = applyPlan(checked, { dryRun: parsed.dryRun });
      if (!applied.ok) {
        if (applied.conflict && attempt < 3) continue;
        const line = `cannot write ${shown(applied.path)}: ${applied.error} — nothing written for ${file}`;
        ioErrors.push(line);
        report.status = 'rejected';
        report.reason = line;
        report.files = checked.files.map((f) => ({ path: shown(f.path), action: 'skipped' }));
        reports.push(report);
        break;
      }
      const labels: Record<string, FileAction['action']> = {
        written: 'written',
        replaced: 'written',
        unchanged: 'unchanged',
        'would write': 'would write',
        'would replace': 'would write',
      };
      report.files = applied.files.map((f) => ({
        path: shown(f.path),
        action: labels[f.action]!,
        ...((f.action === 'replaced' || f.action === 'would replace') && { note: 'overwritten (--force)' }),
      }));
      reports.push(report);
      break;
    }
  }

  if (parsed.json) console.log(jsonForTerminal(reports));
  else {
    console.log(reports.map(formatReport).join('\n\n'));
    const notOk = reports.filter((r) => r.status !== 'ok').length;
    console.log(
      `\n${reports.length} input(s): ${reports.length - notOk} ${parsed.dryRun ? 'ready (dry run: nothing written)' : 'written'}, ${notOk} rejected or partly written.`,
    );
    if (!parsed.dryRun && reports.some((r) => r.status !== 'rejected')) {
      console.log('Next: review the drafts and the report above, edit, then `npm run build`.');
    }
  }
  // Write failures also go to stderr, one line each, so they are seen when stdout is piped away.
  for (const line of ioErrors) console.error(escapeTerminal(`ingest: ${line}`));
  return reports.some((r) => r.status !== 'ok') ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    // Never a stack trace for the editor: one line naming what failed.
    console.error(escapeTerminal(`ingest: ${errnoText(error)}`));
    process.exitCode = 1;
  },
);
