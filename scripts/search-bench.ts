// Search benchmark on the built site: bytes fetched and time to results for a first and a
// repeat query, in Chromium against a local server, plus the size of the Pagefind index.
//   npm run build && npx tsx scripts/search-bench.ts [--queries 县管校聘,官方带娃] [--url http://127.0.0.1:4321/]
//   npx tsx scripts/search-bench.ts --root <built site copy> --case cases/bench-00001/   (e.g. a kept `npm run bench` site)
// Prints one JSON object. Numbers only; nothing here passes or fails.
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../tests/chromium.ts';

const { values } = parseArgs({
  options: {
    root: { type: 'string', default: resolve(import.meta.dirname, '..') },
    queries: { type: 'string', default: '县管校聘,官方带娃' },
    url: { type: 'string' },
    case: { type: 'string', default: 'cases/zhengzhou-erqi-2022/' },
  },
});
const root = resolve(values.root);
const dist = join(root, 'dist');
const [first = '县管校聘', repeat = '官方带娃'] = values.queries.split(',');

function dirBytes(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.size;
  return readdirSync(path).reduce((sum, e) => sum + dirBytes(join(path, e)), 0);
}

function indexSize() {
  const pf = join(dist, 'pagefind');
  const files = readdirSync(pf);
  const sum = (pattern: RegExp) => files.filter((f) => pattern.test(f)).reduce((n, f) => n + dirBytes(join(pf, f)), 0);
  return {
    totalBytes: dirBytes(pf),
    indexChunksBytes: dirBytes(join(pf, 'index')),
    fragmentsBytes: dirBytes(join(pf, 'fragment')),
    filtersBytes: dirBytes(join(pf, 'filter')),
    pagefindJsAndWasmBytes: sum(
      /^(pagefind\.js|pagefind-worker\.js|wasm\..*|pagefind\..*\.pf_meta|pagefind-entry\.json)$/,
    ),
    unusedDefaultUiBytes: sum(/^pagefind-(component-ui|modular-ui|ui|highlight)\./),
    fragments: readdirSync(join(pf, 'fragment')).length,
    searchTermsJsonBytes: dirBytes(join(dist, 'search-terms.json')),
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

async function startServer(): Promise<{ url: string; server?: ChildProcess }> {
  if (values.url) return { url: values.url.endsWith('/') ? values.url : `${values.url}/` };
  const port = await freePort();
  const base = (process.env.BASE_PATH ?? '/').replace(/^\/?/, '/').replace(/\/?$/, '/');
  const server = spawn(
    process.execPath,
    [join(root, 'node_modules/astro/astro.js'), 'preview', '--host', '127.0.0.1', '--port', String(port)],
    {
      cwd: root,
      stdio: 'ignore',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    },
  );
  const url = `http://127.0.0.1:${port}${base}`;
  for (let i = 0; i < 100; i++) {
    if ((await fetch(url).catch(() => undefined))?.ok) return { url, server };
    await new Promise((r) => setTimeout(r, 200));
  }
  server.kill();
  throw new Error(`astro preview did not start on ${url}`);
}

/** Counts bytes received per request (encoded body + headers), also for Pagefind's web worker. */
async function meter(page: Page) {
  let log: Array<{ url: string; bytes: number }> = [];
  const pending: Array<Promise<void>> = [];
  page.context().on('requestfinished', (request) => {
    pending.push(
      request.sizes().then(
        (s) => void log.push({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize }),
        () => undefined,
      ),
    );
  });
  return {
    /** Bytes and requests since the last call. */
    async take() {
      await Promise.all(pending.splice(0));
      const taken = log;
      log = [];
      const kind = (u: string) =>
        /\/pagefind(-\d+)?\/fragment\//.test(u)
          ? 'fragments'
          : /\/pagefind(-\d+)?\/index\//.test(u)
            ? 'indexChunks'
            : /\/pagefind(-\d+)?\/filter\//.test(u)
              ? 'filters'
              : /\/pagefind(-\d+)?\//.test(u)
                ? 'pagefindJsWasmMeta'
                : /search-terms\.json/.test(u)
                  ? 'searchTerms'
                  : /\/_astro\/.*\.js/.test(u)
                    ? 'siteJs'
                    : 'other';
      const byKind: Record<string, number> = {};
      for (const r of taken) byKind[kind(r.url)] = (byKind[kind(r.url)] ?? 0) + r.bytes;
      return { bytes: taken.reduce((n, r) => n + r.bytes, 0), requests: taken.length, byKind };
    },
  };
}

async function settle(page: Page) {
  await page.waitForLoadState('networkidle');
}

/** Types into the dialog (value + input event) and waits for the results of `q`. */
async function dialogQuery(page: Page, q: string) {
  const t0 = Date.now();
  await page.evaluate((query) => {
    const input = document.querySelector<HTMLInputElement>('#search-dialog input[type="search"]')!;
    input.value = query;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, q);
  await page.waitForFunction((query) => {
    const box = document.querySelector<HTMLElement>('#search-dialog [data-search-results]');
    return box?.dataset['state'] === 'done' && box.dataset['query'] === query;
  }, q);
  const wallMs = Date.now() - t0;
  const info = await page.evaluate(() => {
    const box = document.querySelector<HTMLElement>('#search-dialog [data-search-results]')!;
    return {
      uiMs: Number(box.dataset['ms']),
      results: box.querySelectorAll('.search-hit').length,
      status: document.querySelector('#search-dialog [data-search-status]')?.textContent ?? '',
    };
  });
  return { query: q, ...info, wallMsIncludingDebounce: wallMs };
}

async function searchPageQuery(page: Page, q: string) {
  const t0 = Date.now();
  await page.goto(`search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction((query) => {
    const list = document.querySelector<HTMLElement>('[data-search-page] [data-search-results]');
    return list?.dataset['state'] === 'done' && list.dataset['query'] === query;
  }, q);
  const wallMs = Date.now() - t0;
  const uiMs = Number(await page.getAttribute('[data-search-page] [data-search-results]', 'data-ms'));
  return {
    query: q,
    uiMs,
    wallMsFromNavigation: wallMs,
    status: (await page.textContent('[data-search-page] [data-search-status]')) ?? '',
  };
}

const { url, server } = await startServer();
const executablePath = chromiumPath();
const browser = await chromium.launch({ args: chromiumArgs, ...(executablePath && { executablePath }) });
try {
  // 1. Quick search on a case page: the page itself, then a first and a repeat query.
  const ctx = await browser.newContext({ baseURL: url });
  const page = await ctx.newPage();
  const net = await meter(page);
  await page.goto(values.case);
  await settle(page);
  const casePage = await net.take();
  await page.keyboard.press('Control+k');
  const firstQuery = await dialogQuery(page, first);
  await settle(page);
  const firstBytes = await net.take();
  const repeatQuery = await dialogQuery(page, repeat);
  await settle(page);
  const repeatBytes = await net.take();
  const sameAgain = await dialogQuery(page, first);
  const sameBytes = await net.take();
  await ctx.close();

  // 2. The search page opened with ?q= in a fresh browser context (cold cache).
  const ctx2 = await browser.newContext({ baseURL: url });
  const page2 = await ctx2.newPage();
  const net2 = await meter(page2);
  const cold = await searchPageQuery(page2, first);
  await settle(page2);
  const coldBytes = await net2.take();
  await ctx2.close();

  const out = {
    when: new Date().toISOString(),
    url,
    chromium: browser.version(),
    index: indexSize(),
    dialogOnCasePage: {
      pageLoad: { ...casePage, note: 'the case page before search is used (no Pagefind, no search-terms.json)' },
      firstQuery: { ...firstQuery, ...firstBytes },
      repeatQuery: { ...repeatQuery, ...repeatBytes },
      sameQueryAgain: { ...sameAgain, ...sameBytes },
    },
    searchPageColdWithQ: { ...cold, ...coldBytes },
    notes: [
      "bytes: response bodies as received (encoded) plus headers, all requests of the page and of Pagefind's worker; local server; browser cache warm within one context",
      'uiMs: from the start of the search in the page to results rendered (includes loading Pagefind on the first query)',
      'wallMsIncludingDebounce: from setting the box value to results, including the 120 ms input debounce and harness overhead',
    ],
  };
  console.log(JSON.stringify(out, null, 2));
} finally {
  await browser.close();
  server?.kill();
}
