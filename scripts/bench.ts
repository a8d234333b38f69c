// Synthetic-corpus benchmark: builds a temporary copy of the site with N generated cases,
// measures the build (Astro and Pagefind), the output and search — also on a slow phone
// connection (scripts/bench/throttled.ts) — and prints ONE JSON line.
//   npm run bench -- --cases N [--keep] [--seed S] [--queries 县管校聘,课后服务] [--no-plain] [--no-throttle] [--throttle 400/400/4]
// Numbers only, no pass/fail. See docs/performance.md for the fields and measured results.
// Hostile inputs (time and memory per attack class): npm run bench:hostile (scripts/bench-hostile.ts).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { prepareBenchSite } from './bench/site.ts';
import {
  browserMeasures,
  buildCommand,
  commit,
  dirSize,
  PLAIN_DIR,
  plainPagefindCommand,
  serve,
  timed,
  uiMeasures,
} from './bench/measure.ts';
import { trueCounts } from './bench/oracle.ts';
import {
  parseThrottle,
  THROTTLE,
  throttledMeasures,
  writePlainUiPage,
  type ThrottledQuery,
} from './bench/throttled.ts';
import { removeTempSite } from '../tests/helpers/tempSite.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100' },
    keep: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    // Three known terms (measure names) and a phrase that is none (教师队伍: in most cases, not a term).
    queries: { type: 'string', default: '县管校聘,课后服务,集团化办学,教师队伍' },
    // Plain Pagefind over the same pages, for comparison (its memory grows ~1 MB a page).
    plain: { type: 'boolean', default: true },
    'no-plain': { type: 'boolean', default: false },
    // The first results on a throttled phone connection (a few seconds per query and page).
    'no-throttle': { type: 'boolean', default: false },
    // Another throttle than issue 26's phone connection, as kbit/latencyMs/cpuSlowdown (the tests' smoke run: a quick one).
    throttle: { type: 'string', default: '' },
  },
});
const cases = Number(values.cases);
const throttle = values.throttle ? parseThrottle(values.throttle) : THROTTLE;
if (!Number.isInteger(cases) || cases < 1 || !throttle) {
  console.error('usage: npm run bench -- --cases N [--keep] [--seed S] [--queries a,b,c] [--throttle kbit/ms/cpu]');
  process.exit(2);
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
// The code the run measures: the copy is made now, so the commit is read now too.
const measured = commit();
const t0 = performance.now();
const dir = prepareBenchSite(cases, Number(values.seed));
const generateSeconds = Math.round((performance.now() - t0) / 100) / 10;
log(`${cases} cases in ${dir} (${generateSeconds} s); astro build …`);
try {
  const astro = await timed(buildCommand(), dir);
  writeFileSync(join(dir, 'bench-astro.log'), astro.output);
  if (!existsSync(join(dir, 'dist/cases/bench-00001/index.html'))) {
    throw new Error(
      `astro build wrote no case pages; its output (also in ${dir}/bench-astro.log):\n${astro.output.slice(-3000)}`,
    );
  }
  const indexed = /Indexed (\d+) pages in (\d+) part\(s\) in ([\d.]+) s/.exec(astro.output);
  const phases = /\(read ([\d.]+) s, parts ([\d.]+) s, merge ([\d.]+) s, (\d+) answers ([\d.]+) s\)/.exec(astro.output);
  log(`build ${astro.seconds} s, ${astro.peakRssMB} MB (tree ${astro.treePeakRssMB} MB)`);
  const plain = values.plain && !values['no-plain'];
  const pagefind = plain ? await timed(plainPagefindCommand(), dir) : undefined;
  if (pagefind) log(`plain pagefind ${pagefind.seconds} s, ${pagefind.peakRssMB} MB`);
  const dist = join(dir, 'dist');
  const queries = values.queries.split(',');
  log('true counts …');
  const truth = trueCounts(dist, queries);
  log('browser …');
  if (plain) writePlainUiPage(dist);
  const { url, close } = await serve(dist);
  let browser;
  let ui;
  let throttled: ThrottledQuery[] | undefined;
  try {
    browser = await browserMeasures(url, queries, '/cases/bench-00001/', plain);
    ui = await uiMeasures(url, queries, '/cases/bench-00001/');
    if (!values['no-throttle']) {
      log('throttled …');
      throttled = await throttledMeasures(url, queries, '/cases/bench-00001/', { plain, throttle });
    }
  } finally {
    await close();
  }
  const step = (s: typeof astro) => ({
    seconds: s.seconds,
    cpuSeconds: s.cpuSeconds,
    peakRssMB: s.peakRssMB,
    treePeakRssMB: s.treePeakRssMB,
  });
  const line = {
    cases,
    ...measured,
    node: process.version,
    nodeOptions: process.env.NODE_OPTIONS ?? '',
    loadavg: loadavg().map((x) => Math.round(x * 10) / 10),
    generateSeconds,
    /** `npm run build`: astro build, then the search index step (scripts/search-index.ts); the peak is of the whole process tree. */
    astro: step(astro),
    indexing: {
      seconds: Number(indexed?.[3] ?? NaN),
      pages: Number(indexed?.[1] ?? NaN),
      parts: Number(indexed?.[2] ?? NaN),
      answers: Number(phases?.[4] ?? NaN),
      phases: {
        read: Number(phases?.[1] ?? NaN),
        parts: Number(phases?.[2] ?? NaN),
        merge: Number(phases?.[3] ?? NaN),
        answers: Number(phases?.[5] ?? NaN),
      },
    },
    /** Plain `pagefind --site dist` (into dist/pagefind-plain/), for comparison. */
    ...(pagefind && {
      pagefind: { ...step(pagefind), pages: Number(/Indexed (\d+) pages?/.exec(pagefind.output)?.[1] ?? NaN) },
    }),
    dist: dirSize(dist),
    index: dirSize(join(dist, 'pagefind')),
    ...(pagefind && { plainIndex: dirSize(join(dist, PLAIN_DIR)) }),
    casePage: browser.casePage,
    search: queries.map((query, i) => ({
      ...(browser.search[i] ?? {}),
      query,
      trueCount: truth[i]!.trueCount,
      trueLiteral: truth[i]!.trueLiteral,
      ui: ui[i],
      ...(throttled && { throttled: throttled[i] }),
    })),
    ...(throttled && { throttle }),
    ...(values.keep && { dir }),
  };
  console.log(JSON.stringify(line));
} finally {
  if (!values.keep) removeTempSite(dir);
}
