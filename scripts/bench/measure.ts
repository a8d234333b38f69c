/**
 * Measuring a bench site: timed builds with peak RSS, sizes on disk, and Pagefind queries
 * in Chromium against a local static server that compresses like a typical web server.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { createGzip } from 'node:zlib';
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../tests/chromium.ts';
import { projectRoot } from '../../tests/helpers/tempSite.ts';

const TIME = '/usr/bin/time';

export interface StepResult {
  seconds: number;
  /** Peak resident set size of the largest process of the step, MB. */
  peakRssMB: number;
  /** User + system CPU seconds (GNU time only; less sensitive than wall time to a busy machine). */
  cpuSeconds: number | null;
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
  const poll = useTime ? undefined : setInterval(() => (polledKb = Math.max(polledKb, treeHwmKb(child.pid!))), 250);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (poll) clearInterval(poll);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`${cmd.join(' ')} failed (${code}):\n${output.slice(-4000)}`);
  const [kb, user, sys] = useTime ? readFileSync(rssFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number) : [polledKb];
  rmSync(rssFile, { force: true });
  return {
    seconds: Math.round(seconds * 10) / 10,
    peakRssMB: Math.round(kb! / 1024),
    cpuSeconds: user === undefined ? null : Math.round((user + sys!) * 10) / 10,
    output,
  };
}

export function astroCommand(): string[] {
  return [process.execPath, join(projectRoot, 'node_modules/astro/astro.js'), 'build'];
}

export function pagefindCommand(): string[] {
  return [process.execPath, join(projectRoot, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', 'dist'];
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

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};
/** Compressed on the fly, as nginx `gzip on` with text types would; Pagefind's own files are already gzipped. */
const COMPRESS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.xml', '.svg', '.txt', '.csv']);
/** An empty page to run the Pagefind API from, so no site script fetches anything first. */
export const BLANK_PAGE = '/__bench_blank__.html';

/** A static server for dist/ on 127.0.0.1 (random port), with gzip for text types. */
export async function serve(dist: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (path === BLANK_PAGE) {
      res.writeHead(200, { 'content-type': TYPES['.html']! });
      res.end('<!doctype html><html lang="zh-CN"><title>bench</title></html>');
      return;
    }
    let file = normalize(join(dist, path));
    if (!file.startsWith(dist)) return void res.writeHead(403).end();
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return void res.writeHead(404).end();
    const ext = extname(file);
    const gzip = COMPRESS.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      ...(gzip && { 'content-encoding': 'gzip', vary: 'accept-encoding' }),
    });
    const stream = createReadStream(file);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export interface QueryTiming {
  ms: number;
  bytes: number;
  requests: number;
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
  const pf = fresh ? await import('/pagefind/pagefind.js') : window.__benchPagefind;
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

/** Pagefind searches and a case page load in Chromium. */
export async function browserMeasures(url: string, queries: string[], casePath: string) {
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ args: chromiumArgs, ...(executablePath && { executablePath }) });
  try {
    const search: QueryResult[] = [];
    for (const query of queries) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url + BLANK_PAGE);
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
        const r = (await page.evaluate(`(${SEARCH_IN_PAGE})(${JSON.stringify({ q: query, fresh })})`)) as { results: number; ms: number };
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
  return { commit: git('rev-parse', '--short', 'HEAD') || 'unknown', dirty: git('status', '--porcelain', '--untracked-files=no') !== '' };
}
