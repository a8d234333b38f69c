/**
 * Measuring a bench site: timed builds with peak RSS, sizes on disk, and Pagefind queries
 * in Chromium against a local static server that compresses like a typical web server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../tests/chromium.ts';
import { projectRoot } from '../../tests/helpers/tempSite.ts';
import { serveStatic } from '../../tests/helpers/staticServer.ts';

const TIME = '/usr/bin/time';

export interface StepResult {
  seconds: number;
  /** Peak resident set size of the largest process of the step, MB. */
  peakRssMB: number;
  /** User + system CPU seconds (GNU time only; less sensitive than wall time to a busy machine). */
  cpuSeconds: number | null;
  /** Peak of the whole process tree's resident memory together (polled every 200 ms), MB: Astro and the Pagefind service at once. */
  treePeakRssMB: number;
  output: string;
}

/** Peak RSS of a process tree by polling VmHWM (used when GNU time is not installed). */
function treeHwmKb(pid: number): number {
  let max = 0;
  const walk = (p: number) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      max = Math.max(max, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const c of children ? children.split(/\s+/) : []) walk(Number(c));
      }
    } catch {
      /* the process ended between reads */
    }
  };
  walk(pid);
  return max;
}

/** Resident memory of a process tree now (sum of VmRSS over the processes), kB. */
function treeRssKb(pid: number): number {
  let sum = 0;
  const walk = (p: number) => {
    try {
      sum += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      for (const task of readdirSync(`/proc/${p}/task`)) {
        const children = readFileSync(`/proc/${p}/task/${task}/children`, 'utf8').trim();
        for (const c of children ? children.split(/\s+/) : []) walk(Number(c));
      }
    } catch {
      /* the process ended between reads */
    }
  };
  walk(pid);
  return sum;
}

/** Runs a command in `cwd`, timing it and recording its peak RSS. Throws with the output on failure. */
export async function timed(cmd: string[], cwd: string, env: Record<string, string> = {}): Promise<StepResult> {
  const useTime = existsSync(TIME);
  const rssFile = join(cwd, `.bench-rss-${process.pid}-${Date.now()}`);
  const argv = useTime ? [TIME, '-f', '%M %U %S', '-o', rssFile, ...cmd] : cmd;
  const started = performance.now();
  const child = spawn(argv[0]!, argv.slice(1), { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let polledKb = 0;
  let treeKb = 0;
  const poll = setInterval(() => {
    if (!useTime) polledKb = Math.max(polledKb, treeHwmKb(child.pid!));
    treeKb = Math.max(treeKb, treeRssKb(child.pid!));
  }, 200);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${cmd.join(' ')} failed (${code}):\n${output.slice(-4000)}`);
  const [kb, user, sys] = useTime
    ? readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number)
    : [polledKb];
  rmSync(rssFile, { force: true });
  return {
    seconds: Math.round(seconds * 10) / 10,
    peakRssMB: Math.round(kb! / 1024),
    cpuSeconds: user === undefined ? null : Math.round((user + sys!) * 10) / 10,
    treePeakRssMB: Math.round(treeKb / 1024),
    output,
  };
}

/** The publisher's build, as they run it: `npm run build` (astro build with the site's search index). */
export function buildCommand(): string[] {
  return ['npm', 'run', '--silent', 'build'];
}

/** Plain Pagefind over the same HTML (its default Chinese indexing), beside the site's index, for comparison. */
export const PLAIN_DIR = 'pagefind-plain';
export function plainPagefindCommand(): string[] {
  return [
    process.execPath,
    join(projectRoot, 'node_modules/pagefind/lib/runner/bin.cjs'),
    '--site',
    'dist',
    '--output-subdir',
    PLAIN_DIR,
  ];
}

/** Total bytes and file count under a directory. */
export function dirSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      bytes += statSync(join(e.parentPath, e.name)).size;
      files++;
    }
  }
  return { bytes, files };
}

/** An empty page to run the Pagefind API from, so no site script fetches anything first. */
export const BLANK_PAGE = '/__bench_blank__.html';

/** Serves dist/ on 127.0.0.1 with gzip for text types, plus the blank page for the queries. */
export async function serve(dist: string): Promise<{ url: string; close: () => Promise<void> }> {
  writeFileSync(join(dist, BLANK_PAGE), '<!doctype html><html lang="zh-CN"><title>bench</title></html>');
  const server = await serveStatic(dist, { gzip: true });
  return { url: server.url.replace(/\/$/, ''), close: server.close };
}

export interface QueryTiming {
  ms: number;
  bytes: number;
  requests: number;
  /** Everything fetched during the measure, also after the results were shown (the site then loads the rest of the search). */
  all?: { bytes: number; requests: number };
}
export interface QueryResult {
  query: string;
  results: number;
  /** Cold: new browser context, import pagefind.js, search, load the first 5 results. */
  first: QueryTiming;
  /** The same query again in the same page. */
  repeat: QueryTiming;
}
export interface PageSize {
  path: string;
  /** HTML bytes as stored. */
  htmlBytes: number;
  /** HTML bytes on the wire (gzip). */
  htmlTransferBytes: number;
  /** Everything the page loads (HTML, CSS, scripts) on the wire, cold cache. */
  totalTransferBytes: number;
}

// Browser-side code as plain strings: tsx's transpiled functions reference helpers (__name)
// that do not exist in the page.
/** Cold query (import pagefind.js, search, load the first 5 results), then the same query again. */
const SEARCH_IN_PAGE = `async ({ q, fresh }) => {
  const t0 = performance.now();
  const pf = fresh ? await import('/${PLAIN_DIR}/pagefind.js') : window.__benchPagefind;
  window.__benchPagefind = pf;
  const found = await pf.search(q);
  await Promise.all(found.results.slice(0, 5).map((r) => r.data()));
  return { results: found.results.length, ms: Math.round(performance.now() - t0) };
}`;
const PAGE_SIZE_IN_PAGE = `(path) => {
  const nav = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  return {
    path,
    htmlBytes: nav.decodedBodySize,
    htmlTransferBytes: nav.encodedBodySize,
    totalTransferBytes: nav.encodedBodySize + resources.reduce((s, e) => s + e.encodedBodySize, 0),
  };
}`;

/**
 * Bytes and requests of what a page (and its workers) fetches while `phase` runs: `bytes` and
 * `requests` of the requests started before the results were shown (the epoch ms `phase` returns
 * as `shownAt`), `all` of everything (the site starts loading the rest of the search then).
 */
function networkMeter(page: Page) {
  type Entry = { start: number; bytes: number };
  let current: { entries: Entry[]; pending: Promise<void>[] } | undefined;
  page.on('requestfinished', (request) => {
    const p = current;
    if (!p) return;
    p.pending.push(
      request.sizes().then(
        (z) =>
          void p.entries.push({ start: request.timing().startTime, bytes: z.responseBodySize + z.responseHeadersSize }),
        () => undefined,
      ),
    );
  });
  return async (phase: () => Promise<{ ms: number; shownAt: number }>) => {
    const p: { entries: Entry[]; pending: Promise<void>[] } = (current = { entries: [], pending: [] });
    const { ms, shownAt } = await phase();
    await new Promise((resolve) => setTimeout(resolve, 300)); // late requestfinished events
    current = undefined;
    await Promise.all(p.pending);
    const shown = p.entries.filter((e) => e.start <= shownAt);
    const sum = (list: Entry[]) => list.reduce((n, e) => n + e.bytes, 0);
    return {
      ms,
      bytes: sum(shown),
      requests: shown.length,
      all: { bytes: sum(p.entries), requests: p.entries.length },
    };
  };
}

/** The number of cases the status line reports: 共 N 个案例, or the 其中案例 M of 共 N 条结果（其中案例 M 个）. */
export function shownCaseCount(status: string): number {
  const n = /其中案例\s*(\d+)/.exec(status) ?? /共\s*(\d+)/.exec(status) ?? /(\d+)/.exec(status);
  return n ? Number(n[1]) : 0;
}

export interface UiQuery {
  /** Cases counted in the status line of the dialog. */
  count: number;
  /** The dialog on a case page, cold: loading the search and the first query. */
  first: QueryTiming;
  /** A different query next in the same dialog. */
  second: QueryTiming & { query: string };
  /** The first query again. */
  repeat: QueryTiming;
  /** /search/?q=… opened cold: navigation to results shown (ms from navigation start), and its count. */
  page: QueryTiming & { count: number };
}

const dialogDone = (q: string) =>
  `#search-dialog [data-search-results][data-state="done"][data-query=${JSON.stringify(q)}]`;

/**
 * Records in the page when the results of `box` were rendered (data-state="done", by query),
 * and when `input` last received input, so that times to results are the page's own, not
 * Playwright's round trips (a few hundred ms here). Run before the page's own scripts.
 */
const RECORD_TIMES = (box: string, input: string) => `(() => {
  window.__benchTimes = { input: 0, done: {}, origin: performance.timeOrigin };
  const watch = () => {
    const b = document.querySelector(${JSON.stringify(box)});
    if (!b) return void requestAnimationFrame(watch);
    new MutationObserver(() => {
      if (b.dataset.state === 'done') window.__benchTimes.done[b.dataset.query ?? ''] = performance.now();
    }).observe(b, { attributes: true, attributeFilter: ['data-state', 'data-query'] });
    document.querySelector(${JSON.stringify(input)})?.addEventListener('input', () => (window.__benchTimes.input = performance.now()));
  };
  watch();
})()`;

interface BenchTimes {
  input: number;
  done: Record<string, number>;
  /** The page's time origin (epoch ms). */
  origin: number;
}

/**
 * Search through the site's own UI: the quick-search dialog (Ctrl+K on a case page, the query
 * typed in, results rendered) and the search page. `ms` runs from the last keystroke (or the
 * navigation) to the results on screen, debounce included, as the page itself timed it.
 */
export async function uiMeasures(url: string, queries: string[], casePath: string): Promise<UiQuery[]> {
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ args: chromiumArgs, ...(executablePath && { executablePath }) });
  const out: UiQuery[] = [];
  try {
    for (const [i, query] of queries.entries()) {
      // The next query of the list (with one query, another measure's name: the dialog trims what is typed).
      const next = queries[(i + 1) % queries.length]!;
      const other = next !== query ? next : query === '课后服务' ? '县管校聘' : '课后服务';
      const context = await browser.newContext();
      const page = await context.newPage();
      const meter = networkMeter(page);
      await page.goto(url + casePath, { waitUntil: 'networkidle' });
      const input = page.locator('#search-dialog input[type="search"]');
      await page.evaluate(RECORD_TIMES('#search-dialog [data-search-results]', '#search-dialog input[type="search"]'));
      const type = async (q: string) => {
        await input.fill(q);
        await page.waitForSelector(dialogDone(q), { timeout: 120_000 });
        const times = (await page.evaluate('window.__benchTimes')) as BenchTimes;
        return { ms: Math.round(times.done[q]! - times.input), shownAt: times.origin + times.done[q]! };
      };
      const first = await meter(async () => {
        await page.keyboard.press('Control+k');
        return type(query);
      });
      const count = shownCaseCount((await page.locator('#search-dialog [data-search-status]').textContent()) ?? '');
      const second = await meter(() => type(other));
      const repeat = await meter(() => type(query));
      await context.close();

      const pageContext = await browser.newContext();
      const searchPage = await pageContext.newPage();
      const pageMeter = networkMeter(searchPage);
      await searchPage.addInitScript(RECORD_TIMES('main [data-search-results]', 'main input[type="search"]'));
      const cold = await pageMeter(async () => {
        await searchPage.goto(`${url}/search/?q=${encodeURIComponent(query)}`);
        await searchPage.waitForSelector(`main [data-search-results][data-state="done"]`, { timeout: 120_000 });
        const times = (await searchPage.evaluate('window.__benchTimes')) as BenchTimes;
        const done = Math.max(...Object.values(times.done)); // from the navigation's start
        return { ms: Math.round(done), shownAt: times.origin + done };
      });
      const pageCount = shownCaseCount((await searchPage.locator('main [data-search-status]').textContent()) ?? '');
      await pageContext.close();
      const timing = (m: QueryTiming) => m;
      out.push({
        count,
        first: timing(first),
        second: { query: other, ...timing(second) },
        repeat: timing(repeat),
        page: { ...timing(cold), count: pageCount },
      });
    }
  } finally {
    await browser.close();
  }
  return out;
}

/** Plain Pagefind searches and a case page load in Chromium. */
export async function browserMeasures(url: string, queries: string[], casePath: string, plain = true) {
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ args: chromiumArgs, ...(executablePath && { executablePath }) });
  try {
    const search: QueryResult[] = [];
    for (const query of plain ? queries : []) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url + BLANK_PAGE, { waitUntil: 'networkidle' });
      // Bytes from Playwright's network events: Pagefind fetches from a worker, which the
      // page's resource timing does not see.
      let phase: { bytes: number; requests: number; pending: Promise<void>[] } | undefined;
      page.on('requestfinished', (request) => {
        const p = phase;
        if (!p) return;
        p.requests++;
        p.pending.push(request.sizes().then((z) => void (p.bytes += z.responseBodySize + z.responseHeadersSize)));
      });
      const step = async (fresh: boolean) => {
        phase = { bytes: 0, requests: 0, pending: [] };
        const p = phase;
        const r = (await page.evaluate(`(${SEARCH_IN_PAGE})(${JSON.stringify({ q: query, fresh })})`)) as {
          results: number;
          ms: number;
        };
        await new Promise((resolve) => setTimeout(resolve, 200)); // late requestfinished events
        phase = undefined;
        await Promise.all(p.pending);
        return { results: r.results, timing: { ms: r.ms, bytes: p.bytes, requests: p.requests } };
      };
      const first = await step(true);
      const repeat = await step(false);
      const measured = { results: first.results, first: first.timing, repeat: repeat.timing };
      search.push({ query, ...measured });
      await context.close();
    }

    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url + casePath, { waitUntil: 'load' });
    const casePage = (await page.evaluate(`(${PAGE_SIZE_IN_PAGE})(${JSON.stringify(casePath)})`)) as PageSize;
    await context.close();
    return { search, casePage };
  } finally {
    await browser.close();
  }
}

export function commit(): { commit: string; dirty: boolean } {
  const git = (...args: string[]) => spawnSync('git', args, { cwd: projectRoot, encoding: 'utf8' }).stdout.trim();
  return {
    commit: git('rev-parse', '--short', 'HEAD') || 'unknown',
    dirty: git('status', '--porcelain', '--untracked-files=no') !== '',
  };
}
