/**
 * npm run ingest -- <file>... [--out <dir>] [--force] [--dry-run] [--json]
 *
 * Raw bulletin(s) → case drafts (content/cases/*.mdx), a source record
 * (content/sources/<key>.yaml) and a review report. This file only parses arguments,
 * moves bytes through src/lib/ingest/fileIO.ts and prints; the work is in src/lib/ingest/.
 * Exit codes: 0 everything written, 1 an input was rejected (or partly written), 2 usage error.
 */
import { isAbsolute, join, relative, resolve } from 'node:path';
import { readMeasures } from '../src/lib/contentFiles.ts';
import { loadDivisionDataset } from '../src/lib/divisionData.ts';
import { caseOwners, readBytes, seedPlan, sourceOwners, writeAtomic, writeState } from '../src/lib/ingest/fileIO.ts';
import { ingest } from '../src/lib/ingest/ingest.ts';
import { formatReport, type FileAction, type InputReport } from '../src/lib/ingest/report.ts';
import { loadRegions } from '../src/lib/loadRegions.ts';
import { parsePartialDate } from '../src/lib/dates.ts';

/** A path as the editor would type it: relative to the current folder when inside it. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

const USAGE = `usage: npm run ingest -- <file>... [--out <dir>] [--force] [--dry-run] [--json]

  <file>      raw bulletin text (UTF-8, UTF-8 with BOM, GBK/GB18030; any line endings)
  --out DIR   write DIR/cases, DIR/sources (and DIR/seeds for inputs outside seeds/)
              instead of content/ and seeds/ of the project
  --force     overwrite existing files; write texts that are not education cases
  --dry-run   write nothing, report what would be written
  --json      print the reports as JSON (an array, one object per input)
  --date D    the date (YYYY, YYYY-MM or YYYY-MM-DD) for a text that prints no date or year;
              without it such a text is rejected rather than given an invented date`;

interface Args {
  files: string[];
  out?: string;
  force: boolean;
  dryRun: boolean;
  json: boolean;
  date?: string;
}

function parseArgs(argv: string[]): Args | { error: string } | 'help' {
  const args: Args = { files: [], force: false, dryRun: false, json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') return 'help';
    else if (a === '--force') args.force = true;
    else if (a === '--dry-run') args.dryRun = true;
    else if (a === '--json') args.json = true;
    else if (a === '--out' || a.startsWith('--out=')) {
      const value = a === '--out' ? argv[++i] : a.slice('--out='.length);
      if (!value || value.startsWith('--')) return { error: '--out needs a directory' };
      args.out = value;
    } else if (a === '--date' || a.startsWith('--date=')) {
      const value = a === '--date' ? argv[++i] : a.slice('--date='.length);
      const parsedDate = value ? parsePartialDate(value) : undefined;
      if (!parsedDate || 'error' in parsedDate) return { error: `--date needs YYYY, YYYY-MM or YYYY-MM-DD (got ${value ?? 'nothing'})` };
      args.date = value;
    } else if (a === '--') continue;
    else if (a.startsWith('-')) return { error: `unknown option ${a}` };
    else args.files.push(a);
  }
  if (!args.files.length) return { error: 'no input file given' };
  return args;
}

async function main(): Promise<number> {
  const parsed = parseArgs(process.argv.slice(2));
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    console.error(`ingest: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const root = process.cwd();
  const outDir = resolve(parsed.out ?? join(root, 'content'));
  const seedsDir = parsed.out ? join(outDir, 'seeds') : join(root, 'seeds');
  let measures, regions, divisions;
  try {
    measures = readMeasures(root);
    regions = loadRegions(root);
    divisions = loadDivisionDataset();
  } catch (error) {
    console.error(`ingest: cannot read the taxonomy or regions of the project in ${root} (run from the project folder): ${(error as Error).message}`);
    return 2;
  }

  const reports: InputReport[] = [];
  let failed = false;
  for (const file of parsed.files) {
    let bytes: Uint8Array;
    try {
      bytes = readBytes(file);
    } catch (error) {
      const reason = `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`;
      reports.push({ input: file, status: 'rejected', reason, bodies: [], cases: [], removed: [], proposedRegions: [], uncertain: [], files: [] });
      failed = true;
      continue;
    }
    const plan = seedPlan(file, root, seedsDir);
    // Owners are re-read per input so that several inputs in one run see each other's files.
    const cases = caseOwners(outDir);
    const sources = sourceOwners(outDir);
    const result = await ingest(bytes, {
      fileName: file,
      seedFile: plan.seedFile,
      measures,
      regions,
      divisions,
      caseOwner: (slug) => cases.get(slug),
      sourceOwner: (key) => sources.get(key),
      sourceKeyOf: (seedFile) => [...sources].find(([, file]) => file === seedFile)?.[0],
      force: parsed.force,
      ...(parsed.date && { fallbackDate: parsed.date }),
    });
    const report = result.report;
    reports.push(report);
    if (!result.ok) {
      failed = true;
      continue;
    }
    const writes: { path: string; content: string | Uint8Array }[] = [
      ...result.cases.map((c) => ({ path: join(outDir, c.path), content: c.text })),
      ...(result.source ? [{ path: join(outDir, result.source.path), content: result.source.text }] : []),
      ...(plan.copyTo ? [{ path: plan.copyTo, content: bytes }] : []),
    ];
    const states = writes.map((w) => writeState(w.path, w.content));
    const clashes = writes.filter((_, i) => states[i] === 'differs');
    const files: FileAction[] = [];
    if (clashes.length && !parsed.force) {
      report.status = 'rejected';
      report.reason = `would overwrite existing file(s): ${clashes.map((c) => shown(c.path)).join(', ')} — nothing written for this input (use --force to overwrite, or --out to write elsewhere)`;
      writes.forEach((w, i) => files.push({ path: shown(w.path), action: states[i] === 'differs' ? 'exists' : 'skipped' }));
      report.files = files;
      failed = true;
      continue;
    }
    writes.forEach((w, i) => {
      if (states[i] === 'same') return void files.push({ path: shown(w.path), action: 'unchanged' });
      if (!parsed.dryRun) writeAtomic(w.path, w.content);
      files.push({ path: shown(w.path), action: parsed.dryRun ? 'would write' : 'written', ...(states[i] === 'differs' && { note: 'overwritten (--force)' }) });
    });
    report.files = files;
    if (report.status !== 'ok') failed = true;
  }

  if (parsed.json) console.log(JSON.stringify(reports, null, 2));
  else {
    console.log(reports.map(formatReport).join('\n\n'));
    const rejected = reports.filter((r) => r.status !== 'ok').length;
    console.log(`\n${reports.length} input(s): ${reports.length - rejected} ${parsed.dryRun ? 'ready (dry run: nothing written)' : 'written'}, ${rejected} rejected or partly written.`);
    if (!parsed.dryRun && reports.some((r) => r.status !== 'rejected')) {
      console.log('Next: review the drafts and the report above, edit, then `npm run build`.');
    }
  }
  return failed ? 1 : 0;
}

process.exitCode = await main();
