// The tables of docs/performance.md, from bench JSON lines (npm run bench prints one per run):
//   npx tsx scripts/bench/table.ts docs/performance-runs.jsonl
// Prints Markdown: the build, the first result on a throttled phone connection (the site and
// plain Pagefind's default UI), and the unthrottled UI per query. Numbers only, no pass/fail.
import { readFileSync } from 'node:fs';

interface Timing {
  ms: number;
  bytes: number;
  requests: number;
  all?: { bytes: number; requests: number };
}
interface Step {
  seconds: number;
  cpuSeconds: number | null;
  peakRssMB: number;
  treePeakRssMB: number;
}
interface Run {
  cases: number;
  commit: string;
  loadavg: number[];
  astro: Step;
  indexing: { seconds: number; pages: number; parts: number; phases?: Record<string, number> };
  pagefind?: Step;
  index: { bytes: number };
  plainIndex?: { bytes: number };
  dist: { bytes: number };
  search: Array<{
    query: string;
    trueCount: number;
    results?: number;
    first?: Timing;
    ui: { count: number; first: Timing; second: Timing & { query: string }; page: Timing & { count: number } };
    throttled?: {
      site: { cold: Timing; loaded: Timing; dialog: Timing };
      plain?: { cold: Timing; loaded: Timing };
    };
  }>;
}

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: tsx scripts/bench/table.ts <runs.jsonl> …');
  process.exit(2);
}
const runs = files
  .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
  .filter((l) => l.startsWith('{')) // npm's own lines ("> … bench") are not runs
  .map((l) => JSON.parse(l) as Run)
  .sort((a, b) => a.cases - b.cases);

const n = (x: number) => x.toLocaleString('en-US');
const kB = (bytes: number) => `${n(Math.round(bytes / 1000))} kB`;
const MB = (bytes: number) => `${n(Math.round(bytes / 1e6))} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const row = (cells: Array<string | number>) => `| ${cells.join(' | ')} |`;
const table = (head: string[], rows: Array<Array<string | number>>) =>
  [row(head), row(head.map(() => '---')), ...rows.map(row)].join('\n');

console.log(
  `Runs: ${runs.map((r) => `${n(r.cases)} cases at ${r.commit} (load ${r.loadavg.join(' ')})`).join('; ')}.\n`,
);

console.log(
  "**Build** (`npm run build`; the index step: reading the pages, Pagefind's parts, the merge, the answers)\n",
);
console.log(
  table(
    [
      'cases',
      'pages (parts)',
      'wall',
      'CPU',
      'largest process',
      'whole tree',
      'index step (read / parts / merge / answers)',
      'plain `pagefind --site dist`',
      'index ours / plain',
      '`dist/`',
    ],
    runs.map((r) => {
      const p = r.indexing.phases;
      return [
        n(r.cases),
        `${n(r.indexing.pages)} (${r.indexing.parts})`,
        `${Math.round(r.astro.seconds)} s`,
        `${Math.round(r.astro.cpuSeconds ?? 0)} s`,
        `${n(r.astro.peakRssMB)} MB`,
        `${n(r.astro.treePeakRssMB)} MB`,
        p
          ? `${Math.round(r.indexing.seconds)} s (${p['read']} / ${p['parts']} / ${p['merge']} / ${p['answers']} s)`
          : `${r.indexing.seconds} s`,
        r.pagefind ? `${Math.round(r.pagefind.seconds)} s, ${n(r.pagefind.treePeakRssMB)} MB` : '—',
        `${MB(r.index.bytes)} / ${r.plainIndex ? MB(r.plainIndex.bytes) : '—'}`,
        MB(r.dist.bytes),
      ];
    }),
  ),
);

const first = (t: Timing | undefined) => (t ? `${s(t.ms)} (${kB(t.bytes)})` : '—');
console.log(
  '\n**First result on a phone connection** (390 px, 400 kbit/s, 400 ms, 4× CPU, cold cache): ms to the first result (bytes until then)\n',
);
console.log(
  table(
    [
      'cases',
      'query',
      '`/search/?q=` cold',
      'search page loaded, typed',
      'dialog, typed at once',
      'plain: page cold',
      'plain: page loaded, typed',
      'cold ÷ plain cold',
    ],
    runs.flatMap((r) =>
      r.search
        .filter((q) => q.throttled)
        .map((q) => {
          const t = q.throttled!;
          return [
            n(r.cases),
            q.query,
            first(t.site.cold),
            first(t.site.loaded),
            first(t.site.dialog),
            first(t.plain?.cold),
            first(t.plain?.loaded),
            t.plain ? (t.site.cold.ms / t.plain.cold.ms).toFixed(2) : '—',
          ];
        }),
    ),
  ),
);

const ui = (t: Timing) => `${kB(t.bytes)}, ${t.requests} req, ${n(t.ms)} ms`;
console.log(
  '\n**Search, unthrottled** (the count the site shows against the true count; bytes until the results are shown, and in brackets all the measure fetched)\n',
);
console.log(
  table(
    [
      'cases',
      'query',
      'true count',
      'shown (dialog / page)',
      'plain first',
      'UI first (dialog)',
      'UI second',
      '`/search/?q=` cold',
    ],
    runs.flatMap((r) =>
      r.search.map((q) => [
        n(r.cases),
        q.query,
        n(q.trueCount),
        `${n(q.ui.count)} / ${n(q.ui.page.count)}`,
        q.first ? `${kB(q.first.bytes)}, ${q.first.requests} req` : '—',
        `${ui(q.ui.first)}${q.ui.first.all ? ` (${kB(q.ui.first.all.bytes)})` : ''}`,
        `${q.ui.second.query}: ${n(q.ui.second.ms)} ms`,
        `${ui(q.ui.page)}${q.ui.page.all ? ` (${kB(q.ui.page.all.bytes)})` : ''}`,
      ]),
    ),
  ),
);
