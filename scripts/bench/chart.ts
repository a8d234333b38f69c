// The chart of docs/performance.md: build time, peak memory and first-query bytes against the
// number of cases, drawn from the bench JSON lines kept in docs/performance-runs.jsonl (and,
// for comparison, docs/performance-runs-before.jsonl: the runs of the design before).
//   npx tsx scripts/bench/chart.ts            (writes docs/performance.svg)
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../tests/helpers/tempSite.ts';

interface Run {
  cases: number;
  commit: string;
  astro: { seconds: number; cpuSeconds: number | null; treePeakRssMB: number };
  search: Array<{ first?: { bytes: number }; ui: { first: { bytes: number } } }>;
}

interface Series {
  label: string;
  colour: string;
  dash?: string;
  points: Array<[number, number]>;
}

const readRuns = (file: string): Run[] =>
  existsSync(join(projectRoot, file))
    ? readFileSync(join(projectRoot, file), 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l) as Run)
        .sort((a, b) => a.cases - b.cases)
    : [];
const runs = readRuns('docs/performance-runs.jsonl');
const before = readRuns('docs/performance-runs-before.jsonl');

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

const W = 300;
const H = 200;
const PAD = { left: 48, right: 12, top: 28, bottom: 36 };
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function panel(x0: number, title: string, unit: string, series: Series[]): string {
  const xs = series.flatMap((s) => s.points.map((p) => p[0]));
  const ys = series.flatMap((s) => s.points.map((p) => p[1]));
  const xMax = Math.max(...xs, 1);
  const yMax = Math.max(...ys, 1) * 1.1;
  const px = (x: number) => x0 + PAD.left + (x / xMax) * (W - PAD.left - PAD.right);
  const py = (y: number) => PAD.top + (1 - y / yMax) * (H - PAD.top - PAD.bottom);
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * yMax);
  const out = [`<text x="${x0 + PAD.left}" y="16" font-weight="bold">${escape(title)}</text>`];
  for (const t of ticks) {
    out.push(`<line x1="${px(0)}" x2="${px(xMax)}" y1="${py(t)}" y2="${py(t)}" stroke="#ddd"/>`);
    out.push(`<text x="${px(0) - 4}" y="${py(t) + 4}" text-anchor="end">${Math.round(t)}</text>`);
  }
  // Case counts as tick labels, leaving out one that would overlap the label before it.
  let lastLabel = -Infinity;
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    if (px(x) - lastLabel < 34) continue;
    lastLabel = px(x);
    out.push(`<text x="${px(x)}" y="${H - PAD.bottom + 14}" text-anchor="middle">${x}</text>`);
  }
  out.push(`<text x="${x0 + W / 2}" y="${H - 6}" text-anchor="middle">cases (${escape(unit)})</text>`);
  series.forEach((s, i) => {
    const d = s.points.map((p, j) => `${j ? 'L' : 'M'}${px(p[0]).toFixed(1)},${py(p[1]).toFixed(1)}`).join(' ');
    out.push(
      `<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="2"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}/>`,
    );
    for (const p of s.points) out.push(`<circle cx="${px(p[0])}" cy="${py(p[1])}" r="3" fill="${s.colour}"/>`);
    out.push(
      `<text x="${x0 + PAD.left + 4}" y="${PAD.top + 12 + i * 13}" fill="${s.colour}">${escape(s.label)}</text>`,
    );
  });
  return out.join('\n');
}

const at = (f: (r: Run) => number | undefined, from: Run[] = runs) =>
  from.flatMap((r) => (f(r) === undefined || Number.isNaN(f(r)) ? [] : [[r.cases, f(r)!] as [number, number]]));
const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${3 * W} ${H}" font-family="sans-serif" font-size="11" role="img" aria-label="Build time, peak memory and first-query bytes against the number of cases">
<rect width="100%" height="100%" fill="#fff"/>
${panel(0, 'npm run build', 'wall and CPU s', [
  { label: 'wall s', colour: '#1f5fa8', points: at((r) => r.astro.seconds) },
  { label: 'CPU s', colour: '#1f5fa8', dash: '4 3', points: at((r) => r.astro.cpuSeconds ?? undefined) },
])}
${panel(W, 'build peak memory', 'MB, whole process tree', [{ label: 'peak RSS MB', colour: '#b5462a', points: at((r) => r.astro.treePeakRssMB) }])}
${panel(2 * W, 'first query', 'kB, mean of the queries', [
  {
    label: 'site UI (dialog)',
    colour: '#2a7d3a',
    points: at((r) => mean(r.search.map((q) => q.ui.first.bytes)) / 1000),
  },
  {
    label: 'plain Pagefind',
    colour: '#777',
    dash: '4 3',
    points: at((r) => (r.search.every((q) => q.first) ? mean(r.search.map((q) => q.first!.bytes)) / 1000 : undefined)),
  },
  {
    label: 'goal at 10,000: 250 kB',
    colour: '#c9a227',
    dash: '1 3',
    points: runs.length ? [runs[0]!.cases, runs.at(-1)!.cases].map((c): [number, number] => [c, 250]) : [],
  },
  ...(before.length
    ? [
        {
          label: `site UI before (${before[0]!.commit})`,
          colour: '#2a7d3a',
          dash: '2 3',
          points: at((r) => mean(r.search.map((q) => q.ui.first.bytes)) / 1000, before),
        },
      ]
    : []),
])}
</svg>
`;
writeFileSync(join(projectRoot, 'docs/performance.svg'), svg);
console.log(`docs/performance.svg: ${runs.length} runs`);
