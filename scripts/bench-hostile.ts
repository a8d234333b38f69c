// Hostile-input benchmark (issue 27): generates the hostile inputs of every class (nothing is
// stored), then measures, as whole processes, the worst time and peak memory of
//   ingest      — the real CLI (`npm run ingest -- <file> --dry-run --json`), which reads through
//                 the budgeted worker;
//   build read  — the build's read of such a file as a seed (the source page), the same worker;
//   astro sync  — a copy of the site with the hostile content file added (classes that are content).
// Prints a Markdown table per input and the worst per class, against the budget of 15 s and 512 MB
// per input, with the CPU seconds beside the wall time (on a busy machine the wall time is mostly
// waiting) and the load average. Numbers only, no pass/fail exit code. See docs/security.md.
//   npm run bench:hostile [-- --only <class number>] [--no-sync]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readWithinBudget } from '../src/lib/ingest/read/budget/budget.ts';
import { makeTempSite, projectRoot, removeTempSite } from '../tests/helpers/tempSite.ts';
import {
  budgetInputs,
  bulletinLines,
  escapeInputs,
  hiddenTextInputs,
  type HostileInput,
} from '../tests/helpers/hostile/inputs.ts';

const BUDGET = { seconds: 15, megabytes: 512 };
const TSX = join(projectRoot, 'node_modules/tsx/dist/cli.mjs');

// `--read <file>`: the child process of a "build read" measurement.
const { values } = parseArgs({
  options: { read: { type: 'string' }, only: { type: 'string' }, 'no-sync': { type: 'boolean', default: false } },
});
if (values.read) {
  const read = await readWithinBudget(new Uint8Array(readFileSync(values.read)), values.read);
  console.log(read.ok ? `read: ${read.blocks.length} blocks` : `refused: ${read.reason}`);
  process.exit(0);
}

interface Measure {
  seconds: number;
  /** User + system CPU seconds: what the work costs whatever else the machine is doing. */
  cpu: number;
  megabytes: number;
  outcome: string;
}

/** Runs `argv` under GNU time: wall and CPU seconds and the process's peak resident memory. */
function measure(argv: string[], cwd = projectRoot): Measure {
  const out = join(tmpdir(), `bench-hostile-time-${process.pid}`);
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', '-o', out, ...argv], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const [seconds, kb, user, sys] = readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  rmSync(out, { force: true });
  return {
    seconds: seconds!,
    cpu: Math.round((user! + sys!) * 100) / 100,
    megabytes: Math.round(kb! / 1024),
    outcome: outcomeOf(`${r.stdout}\n${r.stderr}`),
  };
}

/** One line saying how an ingest, a read or a sync ended. */
function outcomeOf(output: string): string {
  const json = output.slice(output.search(/^\[/m));
  if (output.search(/^\[/m) >= 0) {
    const [report] = JSON.parse(json.slice(0, json.lastIndexOf(']') + 1)) as {
      status: string;
      reason?: string;
      cases: unknown[];
    }[];
    if (report!.status !== 'rejected') return `${report!.status}: ${report!.cases.length} case(s)`;
    return report!.reason?.startsWith('refused: ') ? report!.reason : `refused: ${report!.reason}`;
  }
  const line =
    /^(read: .*|refused: .*)$/m.exec(output)?.[1] ??
    /^\S*content\/\S+:\d+: .*$/m.exec(output)?.[0] ??
    /ingest: .*/.exec(output)?.[0] ??
    (/Synced content|Generated/.test(output) ? 'synced' : output.trim().split('\n').pop());
  return (line ?? '').slice(0, 140);
}

const work = mkdtempSync(join(tmpdir(), 'bench-hostile-'));
const rows: { klass: string; input: string; ingest?: Measure; read?: Measure; sync?: Measure }[] = [];

function ingestAndRead(klass: string, inputs: HostileInput[], extraArgs: string[] = []) {
  return inputs.reduce(async (previous, input) => {
    await previous;
    const file = join(work, input.file);
    writeFileSync(file, await input.bytes());
    const out = join(work, 'out');
    const ingest = measure([
      process.execPath,
      TSX,
      'scripts/ingest.ts',
      file,
      '--out',
      out,
      '--dry-run',
      '--json',
      ...extraArgs,
    ]);
    const read = measure([process.execPath, TSX, 'scripts/bench-hostile.ts', '--read', file]);
    rows.push({ klass, input: input.name, ingest, read });
    process.stderr.write(`[bench:hostile] ${input.name}: ingest ${ingest.seconds} s ${ingest.megabytes} MB\n`);
    rmSync(file, { force: true });
  }, Promise.resolve());
}

/** A case file of the first curated case with `edit` applied, for `astro sync` in a copy of the site. */
function syncWith(klass: string, name: string, edit: (caseText: string) => string, special?: (site: string) => void) {
  if (values['no-sync']) return;
  const site = makeTempSite('bench-hostile-site-');
  try {
    const cases = join(site, 'content/cases');
    const template = readFileSync(
      join(
        cases,
        readdirSync(cases)
          .filter((f) => f.endsWith('.mdx'))
          .sort()[0]!,
      ),
      'utf8',
    );
    writeFileSync(join(cases, 'hostile.mdx'), edit(template));
    special?.(site);
    const sync = measure([process.execPath, 'node_modules/astro/astro.js', 'sync'], site);
    rows.push({ klass, input: name, sync });
    process.stderr.write(`[bench:hostile] ${name}: astro sync ${sync.seconds} s ${sync.megabytes} MB\n`);
  } finally {
    removeTempSite(site);
  }
}

const withBody = (text: string) => (t: string) => `${t.trimEnd()}\n\n${text}\n`;
const only = values.only ? Number(values.only) : undefined;
const run = (n: number) => only === undefined || only === n;

if (run(0)) syncWith('0 baseline', 'the casebook as it is (a copy of a curated case)', (t) => t);
if (run(1)) {
  await ingestAndRead('1 time and memory', budgetInputs());
  syncWith('1 time and memory', 'case body: 100,000 nested >', withBody(`${'>'.repeat(100_000)} 引文`));
}
if (run(2)) await ingestAndRead('2 hidden text', hiddenTextInputs());
if (run(3)) {
  await ingestAndRead('3 escapes', escapeInputs());
  syncWith('3 escapes', 'case front matter: "\\u202E" "\\e" "\\0" "\\x85" "\\L" "\\uFEFF" "\\u200B" "\\uD800"', (t) =>
    t.replace(/^title: .*$/m, 'title: "标题\\u202E\\e\\0\\x85\\L\\uFEFF\\u200B\\uD800"'),
  );
}
if (run(4)) {
  const lines = bulletinLines();
  await ingestAndRead('4 long fields', [
    {
      name: 'front matter title of 200,000 characters',
      file: 'long-title.md',
      bytes: () => Buffer.from(`---\ntitle: "${'很长的标题'.repeat(40_000)}"\n---\n\n${lines.join('\n\n')}\n`),
    },
  ]);
  syncWith('4 long fields', 'case title of 20,000 characters', (t) =>
    t.replace(/^title: .*$/m, `title: ${'长'.repeat(20_000)}`),
  );
}
if (run(5)) {
  syncWith(
    '5 off-site and parser stalls',
    'reference image, //host reference, split link',
    withBody(
      '图：![x][p]\n\n[p]: https://other.example/pixel.png\n\n见[通知][n]。\n\n[n]: //other.example/x\n\n见[通\n知](https://other.example/x)',
    ),
  );
  syncWith('5 off-site and parser stalls', 'case body: a 30 KB paragraph of *a_', withBody('*a_'.repeat(10_000)));
}
if (run(6)) {
  const lines = bulletinLines();
  const out = join(work, 'casebook');
  const txt = join(work, 'bulletin.txt');
  writeFileSync(txt, lines.join('\n'));
  spawnSync(process.execPath, [TSX, 'scripts/ingest.ts', txt, '--out', out], { cwd: projectRoot });
  const html = join(work, 'bulletin.html');
  writeFileSync(
    html,
    `<!doctype html><html><body><article>${lines.map((l) => `<p>${l}</p>`).join('')}</article></body></html>`,
  );
  const same = measure([process.execPath, TSX, 'scripts/ingest.ts', html, '--out', out, '--json']);
  rows.push({ klass: '6 integrity', input: 'the same text as .html after .txt', ingest: same });
  mkdirSync(join(work, 'fifo/cases'), { recursive: true });
  spawnSync('mkfifo', [join(work, 'fifo/cases/trap.mdx')]);
  const fifo = measure([process.execPath, TSX, 'scripts/ingest.ts', txt, '--out', join(work, 'fifo'), '--json']);
  rows.push({ klass: '6 integrity', input: 'a FIFO named cases/trap.mdx', ingest: fifo });
  syncWith(
    '6 integrity',
    'a FIFO named content/cases/trap.mdx',
    (t) => t,
    (site) => {
      spawnSync('mkfifo', [join(site, 'content/cases/trap.mdx')]);
    },
  );
}
rmSync(work, { recursive: true, force: true });

const cell = (m?: Measure) => (m ? `${m.seconds} s (cpu ${m.cpu} s), ${m.megabytes} MB` : '—');
const over = (m?: Measure) => !!m && (m.seconds > BUDGET.seconds || m.megabytes > BUDGET.megabytes);
console.log(
  `load average at the end: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(', ')} (2 cores)\n`,
);
console.log('| class | input | ingest | build read | astro sync | outcome |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of rows) {
  const outcome = (r.ingest ?? r.sync)!.outcome.replace(/\|/g, '\\|');
  console.log(`| ${r.klass} | ${r.input} | ${cell(r.ingest)} | ${cell(r.read)} | ${cell(r.sync)} | ${outcome} |`);
}
console.log('\n| class | worst ingest | worst build read | worst astro sync | within 15 s and 512 MB |');
console.log('| --- | --- | --- | --- | --- |');
for (const klass of [...new Set(rows.map((r) => r.klass))]) {
  const of = rows.filter((r) => r.klass === klass);
  const worst = (pick: (r: (typeof rows)[number]) => Measure | undefined) => {
    const ms = of.map(pick).filter((m): m is Measure => !!m);
    return ms.length
      ? {
          seconds: Math.max(...ms.map((m) => m.seconds)),
          cpu: Math.max(...ms.map((m) => m.cpu)),
          megabytes: Math.max(...ms.map((m) => m.megabytes)),
          outcome: '',
        }
      : undefined;
  };
  const all = [worst((r) => r.ingest), worst((r) => r.read), worst((r) => r.sync)];
  console.log(`| ${klass} | ${all.map(cell).join(' | ')} | ${all.some(over) ? 'no' : 'yes'} |`);
}
