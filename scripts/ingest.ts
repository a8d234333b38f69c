/**
 * npm run ingest -- [options] <file>...
 *
 * Raw bulletin(s) → case drafts (content/cases/*.mdx), a source record
 * (content/sources/<key>.yaml) and a review report. This file only parses arguments and
 * prints: the run (reading, drafting, the write plan) is `runIngest` in
 * src/lib/ingest/run/runIngest.ts.
 * Exit codes: 0 everything written, 1 an input was rejected, partly written or could not be
 * written, 2 usage error or unreadable project.
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parsePartialDate } from '../src/lib/model/dates.ts';
import { escapeTerminal } from '../src/lib/ingest/run/report.ts';
import { errnoText } from '../src/lib/ingest/run/writePlan.ts';
import { runIngest, type RunIo, type RunOptions } from '../src/lib/ingest/run/runIngest.ts';

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

const OPTIONS = {
  out: { type: 'string' },
  date: { type: 'string' },
  force: { type: 'boolean' },
  'force-replace-curated': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Parsed = { files: string[]; options: RunOptions } | { error: string } | 'help';

/**
 * The arguments in order, as `parseArgs` tokenises them (not strict, so that an unknown option or
 * a missing value gets our message): the first problem wins, `--help` wins when it comes first.
 */
export function parseIngestArgs(argv: string[]): Parsed {
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const files: string[] = [];
  const options: RunOptions = { force: false, forceCurated: false, dryRun: false, json: false };
  for (const token of tokens) {
    if (token.kind === 'positional') files.push(token.value);
    if (token.kind !== 'option') continue;
    const raw = argv[token.index]!;
    const known = token.name in OPTIONS;
    // `-hx`, `--force=yes`, `-5`: one argument that is no option of ours, named as typed.
    if (!known || (OPTIONS[token.name as keyof typeof OPTIONS].type === 'boolean' && raw !== token.rawName))
      return { error: `unknown option ${raw} (a file whose name starts with - goes after --)` };
    if (token.name === 'help') return 'help';
    const problem = applyOption(options, token.name, token.value);
    if (problem) return { error: problem };
  }
  if (!files.length) return { error: 'no input file given' };
  return { files, options };
}

/** Sets one option; the usage error when its value is missing or malformed. */
function applyOption(options: RunOptions, name: string, value: string | undefined): string | undefined {
  if (name === 'force') options.force = true;
  else if (name === 'force-replace-curated') options.forceCurated = options.force = true;
  else if (name === 'dry-run') options.dryRun = true;
  else if (name === 'json') options.json = true;
  else if (name === 'out') {
    if (!value || value.startsWith('--')) return '--out needs a directory';
    options.out = value;
  } else if (name === 'date') {
    const parsedDate = value ? parsePartialDate(value) : undefined;
    if (!parsedDate || 'error' in parsedDate)
      return `--date needs YYYY, YYYY-MM or YYYY-MM-DD (got ${value ?? 'nothing'})`;
    options.date = value;
  }
  return undefined;
}

/** The CLI: parses `argv` (without node and the script), runs, returns the exit code. */
export async function main(argv: string[], io: RunIo): Promise<number> {
  const parsed = parseIngestArgs(argv);
  if (parsed === 'help') {
    io.stdout(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    io.stderr(escapeTerminal(`ingest: ${parsed.error}`) + `\n\n${USAGE}`);
    return 2;
  }
  return runIngest(parsed.files, parsed.options, io);
}

/** Run as a program (`tsx scripts/ingest.ts`), not imported (the tests call `main`). */
function isEntry(): boolean {
  try {
    return process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url);
  } catch {
    return false;
  }
}

if (isEntry())
  main(process.argv.slice(2), { stdout: (text) => console.log(text), stderr: (text) => console.error(text) }).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      // Never a stack trace for the editor: one line naming what failed.
      console.error(escapeTerminal(`ingest: ${errnoText(error)}`));
      process.exitCode = 1;
    },
  );
