// The frozen fixture site (tests/helpers/sites.ts: the frozen casebook plus content the build lets through as text) served
// as a static host would serve it: no link runs script when clicked, nothing loads from another
// host, raw seeds are never served as active content. Its files: tests/build/hostile-site.test.ts.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { builtSite } from '../helpers/fixtureSites.ts';
import { HOSTILE_CASE as caseId, HOSTILE_SEEDS as SEEDS, frozenSite, SCRIPT_TITLE } from '../helpers/sites.ts';
import { serveStatic } from '../helpers/staticServer.ts';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let dist: string;
let server: Awaited<ReturnType<typeof serveStatic>>;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // Usually built by the Vitest build tests already (tests/build/hostile-site.test.ts).
  dist = (await builtSite(frozenSite)).dist;
  server = await serveStatic(dist);
});

test.afterAll(async () => {
  await server?.close();
});

/**
 * Opens `path` and clicks each of its links (one per distinct href; the DOM click a user's tap
 * dispatches, so a `javascript:` href would run). Navigations away are answered with 204 so the
 * page stays put between clicks; the pages they lead to are clicked through in their own tests.
 */
async function clickEveryLink(
  page: Page,
  path: string,
  prepare?: () => Promise<unknown>,
): Promise<{ dialogs: string[]; clicked: number }> {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  let loaded = false;
  // Once the page has loaded, every navigation gets “204 No Content”, which keeps the browser on
  // this document; other hosts are not reachable (closed network).
  await page.route('**/*', (route) => {
    const request = route.request();
    if (loaded && request.isNavigationRequest()) return route.fulfill({ status: 204 });
    return request.url().startsWith(server.url) ? route.continue() : route.abort();
  });
  await page.goto(server.url + path);
  loaded = true;
  await prepare?.();
  const hrefs = [
    ...new Set(await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href')!))),
  ];
  for (const href of hrefs) {
    await page
      .locator(`a[href="${href.replace(/"/g, '\\"')}"]`)
      .first()
      // A click event rather than a.click(): SVG links (the region map) have no click().
      .evaluate((a) => a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window })));
    await page.waitForTimeout(100);
    // Same document (a #fragment link may move within it), so the next click is on this page too.
    if (page.url().replace(/#.*$/, '') !== server.url + path)
      throw new Error(`the page navigated away to ${page.url()}`);
  }
  return { dialogs, clicked: hrefs.length };
}

for (const path of [`cases/${caseId}/`, 'sources/hostile-html/', 'sources/hostile-svg/', 'sources/', '']) {
  test(`no link on /${path} runs script when clicked`, async ({ page }) => {
    const { dialogs, clicked } = await clickEveryLink(page, path);
    expect(clicked).toBeGreaterThan(5);
    expect(dialogs).toEqual([]);
  });
}

test('the link clicker does catch a script link (the check above can fail)', async ({ page }) => {
  const probe = () =>
    page.evaluate(() =>
      document.querySelector('main')?.insertAdjacentHTML('beforeend', '<a href="javascript:alert(\'probe\')">x</a>'),
    );
  const { dialogs } = await clickEveryLink(page, `cases/${caseId}/`, probe);
  expect(dialogs).toEqual(['probe']);
});

test('no page loads anything from another host', async ({ page }) => {
  const elsewhere: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) elsewhere.push(request.url());
  });
  await page.route('**/*', (route) =>
    route.request().url().startsWith(server.url) ? route.continue() : route.abort(),
  );
  for (const path of [`cases/${caseId}/`, 'sources/hostile-html/', 'sources/', '', 'search/?q=学位'])
    await page.goto(server.url + path, { waitUntil: 'networkidle' });
  expect(elsewhere).toEqual([]);
});

test('script-like content is shown as text', async ({ page }) => {
  await page.goto(`${server.url}cases/${caseId}/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SCRIPT_TITLE);
  await expect(page.locator('article')).toContainText('<img src=x onerror=alert(1)> javascript:alert(1)');
  expect(await page.locator('script:text("alert")').count()).toBe(0);
});

test('raw HTML and SVG seeds are offered as downloads, never served as active content', async ({ page, request }) => {
  for (const [id, seed] of Object.entries(SEEDS)) {
    await page.goto(`${server.url}sources/${id}/`);
    await expect(page.getByRole('heading', { name: '原始文本（未经整理）' })).toBeVisible();
    await expect(page.locator('body')).not.toContainText('seeds/');
    const link = page.getByRole('link', { name: '下载原始文本' });
    await expect(link).toHaveAttribute('download', seed.file);
    const url = new URL((await link.getAttribute('href'))!, page.url()).href;
    expect(url).not.toMatch(/\.(html?|svg|xhtml|xml)$/i);
    const response = await request.get(url);
    expect(response.headers()['content-type']).not.toMatch(/html|svg|xml|javascript/);
    expect((await response.body()).toString()).toBe(seed.bytes);
    const download = page.waitForEvent('download');
    await link.click();
    expect((await download).suggestedFilename()).toBe(seed.file);
  }
  const published = readdirSync(join(dist, 'sources'), { recursive: true, encoding: 'utf8' });
  expect(published.filter((f) => /\.(svg|xhtml|xml|js|mjs|html?)$/i.test(f) && !f.endsWith('index.html'))).toEqual([]);
});
