// Synthetic-corpus benchmark: builds a temporary copy of the site with N generated cases,
// measures the build (Astro and Pagefind), the output and search, and prints ONE JSON line.
//   npm run bench -- --cases N [--keep] [--seed S] [--queries 县管校聘,课后服务]
// Numbers only, no pass/fail. See docs/performance.md for the fields and measured results.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { prepareBenchSite } from './bench/site.ts';
import { astroCommand, browserMeasures, commit, dirSize, pagefindCommand, serve, timed } from './bench/measure.ts';
import { removeTempSite } from '../tests/helpers/tempSite.ts';

const { values } = parseArgs({
  options: {
    cases: { type: 'string', default: '100' },
    keep: { type: 'boolean', default: false },
    seed: { type: 'string', default: '1' },
    queries: { type: 'string', default: '县管校聘,课后服务,集团化办学' },
  },
});
const cases = Number(values.cases);
if (!Number.isInteger(cases) || cases < 1) {
  console.error('usage: npm run bench -- --cases N [--keep] [--seed S] [--queries a,b,c]');
  process.exit(2);
}

const log = (msg: string) => process.stderr.write(`[bench] ${msg}\n`);
const t0 = performance.now();
const dir = prepareBenchSite(cases, Number(values.seed));
const generateSeconds = Math.round((performance.now() - t0) / 100) / 10;
log(`${cases} cases in ${dir} (${generateSeconds} s); astro build …`);
try {
  const astro = await timed(astroCommand(), dir);
  writeFileSync(join(dir, 'bench-astro.log'), astro.output);
  if (!existsSync(join(dir, 'dist/cases/bench-00001/index.html'))) {
    throw new Error(`astro build wrote no case pages; its output (also in ${dir}/bench-astro.log):\n${astro.output.slice(-3000)}`);
  }
  log(`astro ${astro.seconds} s, ${astro.peakRssMB} MB; pagefind …`);
  const pagefind = await timed(pagefindCommand(), dir);
  log(`pagefind ${pagefind.seconds} s, ${pagefind.peakRssMB} MB; browser …`);
  const dist = join(dir, 'dist');
  const { url, close } = await serve(dist);
  let browser;
  try {
    browser = await browserMeasures(url, values.queries.split(','), '/cases/bench-00001/');
  } finally {
    await close();
  }
  const line = {
    cases,
    ...commit(),
    node: process.version,
    nodeOptions: process.env.NODE_OPTIONS ?? '',
    generateSeconds,
    astro: { seconds: astro.seconds, cpuSeconds: astro.cpuSeconds, peakRssMB: astro.peakRssMB },
    pagefind: {
      seconds: pagefind.seconds,
      cpuSeconds: pagefind.cpuSeconds,
      peakRssMB: pagefind.peakRssMB,
      pages: Number(/Indexed (\d+) pages?/.exec(pagefind.output)?.[1] ?? NaN),
    },
    dist: dirSize(dist),
    index: dirSize(join(dist, 'pagefind')),
    casePage: browser.casePage,
    search: browser.search,
    ...(values.keep && { dir }),
  };
  console.log(JSON.stringify(line));
} finally {
  if (!values.keep) removeTempSite(dir);
}
