/**
 * Time to the first result as a reader on a slow phone connection gets it: Chromium at 390 px,
 * 400 kbit/s both ways, 400 ms latency, 4× CPU slowdown (a CDP session:
 * Network.emulateNetworkConditions, Emulation.setCPUThrottlingRate), a new browser context (cold
 * cache) for every measure. For the site's own UI and, as the peer, plain Pagefind's default UI
 * (PagefindUI over `dist/pagefind-plain/`, the same pages indexed by `pagefind --site dist`):
 *
 * - `cold`: `/search/?q=…` (the peer: its page with the query) opened cold; ms from the
 *   navigation's start to the first result on screen;
 * - `loaded`: the search page opened without a query and left to load (network idle), then the
 *   query typed; ms from the input event to the first result;
 * - `dialog`: a case page loaded, Ctrl+K and the query typed at once; ms from the input event to
 *   the first result (the peer has no dialog: its page loaded, the box focused and typed at once).
 *
 * The page records the times itself (a MutationObserver installed before its scripts), so
 * Playwright's round trips are not counted. Bytes and requests are what the page and its workers
 * fetched until then (the peer's worker included).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../../tests/chromium.ts';
import { PLAIN_DIR } from './measure.ts';

/** The throttle of issue 26: a county school's mobile connection on a mid-range phone. */
export const THROTTLE = { kbitPerSecond: 400, latencyMs: 400, cpuSlowdown: 4, width: 390, height: 844 };

export type Throttle = typeof THROTTLE;

/** A throttle written `kbit/latencyMs/cpuSlowdown` (`--throttle`, e.g. a quicker one for a smoke run), or undefined if it is not one. */
export function parseThrottle(text: string): Throttle | undefined {
  const parts = text.split('/').map(Number);
  if (parts.length !== 3 || !parts.every((n) => Number.isFinite(n) && n > 0)) return undefined;
  const [kbitPerSecond, latencyMs, cpuSlowdown] = parts as [number, number, number];
  return { ...THROTTLE, kbitPerSecond, latencyMs, cpuSlowdown };
}

export interface FirstResult {
  /** ms to the first result (see the module comment for where it starts). */
  ms: number;
  /** Bytes on the wire (headers included) and requests until the first result. */
  bytes: number;
  requests: number;
}

export interface ThrottledQuery {
  site: { cold: FirstResult; loaded: FirstResult; dialog: FirstResult };
  plain?: { cold: FirstResult; loaded: FirstResult };
}

/** The peer's page: Pagefind's default UI, as its documentation sets it up, reading ?q= on load. */
export const PLAIN_UI_PAGE = '/__bench_plain_ui__.html';
const PLAIN_UI_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pagefind UI</title>
<link href="/${PLAIN_DIR}/pagefind-ui.css" rel="stylesheet"><script src="/${PLAIN_DIR}/pagefind-ui.js"></script>
</head><body><main><div id="search"></div></main>
<script>
window.addEventListener('DOMContentLoaded', () => {
  const ui = new PagefindUI({ element: '#search' });
  const q = new URLSearchParams(location.search).get('q');
  if (q) ui.triggerSearch(q);
});
</script></body></html>`;

export function writePlainUiPage(dist: string): void {
  writeFileSync(join(dist, PLAIN_UI_PAGE), PLAIN_UI_HTML);
}

/**
 * Records in the page when the first element matching `result` appeared (from the time origin)
 * and when `input` last got an input event. Runs before the page's own scripts.
 */
const RECORD_FIRST = (result: string, input: string) => `(() => {
  const times = (window.__firstResult = { input: 0, first: 0 });
  const seen = () => {
    if (!times.first && document.querySelector(${JSON.stringify(result)})) times.first = performance.now();
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
  document.addEventListener('input', (event) => {
    if (event.target instanceof Element && event.target.matches(${JSON.stringify(input)})) {
      times.input = performance.now();
      times.first = 0;
    }
  }, true);
})()`;

interface Times {
  input: number;
  first: number;
}

async function throttledPage(context: BrowserContext, throttle: Throttle): Promise<Page> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const bytesPerSecond = (throttle.kbitPerSecond * 1000) / 8;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: throttle.latencyMs,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpuSlowdown });
  return page;
}

/** Bytes and requests finished while the page runs (its workers' requests included). */
function meter(page: Page) {
  const state = { bytes: 0, requests: 0, pending: [] as Promise<void>[], counting: false };
  page.on('requestfinished', (request) => {
    if (!state.counting) return;
    state.requests++;
    state.pending.push(
      request.sizes().then(
        (z) => void (state.bytes += z.responseBodySize + z.responseHeadersSize),
        () => undefined,
      ),
    );
  });
  return {
    start() {
      Object.assign(state, { bytes: 0, requests: 0, pending: [], counting: true });
    },
    async stop() {
      state.counting = false;
      await Promise.all(state.pending);
      return { bytes: state.bytes, requests: state.requests };
    },
  };
}

const TIMEOUT = 180_000;

async function waitFirst(page: Page): Promise<Times> {
  await page.waitForFunction('window.__firstResult && window.__firstResult.first > 0', undefined, {
    timeout: TIMEOUT,
    polling: 50,
  });
  return (await page.evaluate('window.__firstResult')) as Times;
}

interface Ui {
  /** The first result's selector. */
  result: string;
  /** The query box. */
  input: string;
}

const SITE_PAGE: Ui = { result: 'main [data-search-results] .search-hit', input: 'main input[type="search"]' };
const SITE_DIALOG: Ui = {
  result: '#search-dialog [data-search-results] .search-hit',
  input: '#search-dialog input[type="search"]',
};
const PLAIN: Ui = { result: '.pagefind-ui__result', input: '.pagefind-ui__search-input' };

/** A page opened cold with the query in its URL: ms from the navigation's start. */
async function cold(browser: Browser, throttle: Throttle, url: string, ui: Ui): Promise<FirstResult> {
  const context = await browser.newContext({ viewport: { width: throttle.width, height: throttle.height } });
  try {
    const page = await throttledPage(context, throttle);
    const m = meter(page);
    await page.addInitScript(RECORD_FIRST(ui.result, ui.input));
    m.start();
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT });
    const times = await waitFirst(page);
    return { ms: Math.round(times.first), ...(await m.stop()) };
  } finally {
    await context.close();
  }
}

/** A page loaded first (network idle), then `open` (e.g. Ctrl+K) and the query typed at once: ms from the input event. */
async function typed(
  browser: Browser,
  throttle: Throttle,
  url: string,
  ui: Ui,
  query: string,
  open: (page: Page) => Promise<void>,
): Promise<FirstResult> {
  const context = await browser.newContext({ viewport: { width: throttle.width, height: throttle.height } });
  try {
    const page = await throttledPage(context, throttle);
    const m = meter(page);
    await page.addInitScript(RECORD_FIRST(ui.result, ui.input));
    await page.goto(url, { waitUntil: 'networkidle', timeout: TIMEOUT });
    m.start();
    await open(page);
    await page.locator(ui.input).fill(query);
    const times = await waitFirst(page);
    return { ms: Math.round(times.first - times.input), ...(await m.stop()) };
  } finally {
    await context.close();
  }
}

/**
 * The throttled first results of every query: the site's cold search page, loaded search page and
 * dialog (on `casePath`), and, with `plain`, the peer's cold and loaded page.
 */
export async function throttledMeasures(
  url: string,
  queries: string[],
  casePath: string,
  { plain, throttle = THROTTLE }: { plain: boolean; throttle?: Throttle },
): Promise<ThrottledQuery[]> {
  const executablePath = chromiumPath();
  const browser = await chromium.launch({ args: chromiumArgs, ...(executablePath && { executablePath }) });
  const out: ThrottledQuery[] = [];
  try {
    for (const query of queries) {
      const q = encodeURIComponent(query);
      const site = {
        cold: await cold(browser, throttle, `${url}/search/?q=${q}`, SITE_PAGE),
        loaded: await typed(browser, throttle, `${url}/search/`, SITE_PAGE, query, (page) =>
          page.locator(SITE_PAGE.input).focus(),
        ),
        dialog: await typed(browser, throttle, url + casePath, SITE_DIALOG, query, (page) =>
          page.keyboard.press('Control+k'),
        ),
      };
      const peer = plain
        ? {
            cold: await cold(browser, throttle, `${url}${PLAIN_UI_PAGE}?q=${q}`, PLAIN),
            loaded: await typed(browser, throttle, url + PLAIN_UI_PAGE, PLAIN, query, (page) =>
              page.locator(PLAIN.input).focus(),
            ),
          }
        : undefined;
      out.push({ site, ...(peer && { plain: peer }) });
    }
  } finally {
    await browser.close();
  }
  return out;
}
