// A site built with hostile content that the build lets through as text (script-like titles,
// summaries and escaped markup, an HTML page and an SVG as seeds) and served as a static host
// would serve it: no link runs script when clicked, raw seeds are never served as active content,
// and the feeds stay well-formed XML. Fixtures derive from the first case and source in content/.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SaxesParser } from 'saxes';
import { buildSite, makeTempSite, projectRoot, removeTempSite } from '../helpers/tempSite.ts';
import { serveStatic } from '../helpers/staticServer.ts';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

const SCRIPT_TITLE = '<script>alert("title")</script>案例&amp;标题]]>';
const SEEDS = {
  'hostile-html': {
    file: 'hostile-page.html',
    bytes: '<!doctype html><title>x</title><script>alert("seed html")</script><img src=x onerror="alert(2)">',
  },
  'hostile-svg': {
    file: 'hostile-image.svg',
    bytes: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert("seed svg")</script></svg>',
  },
} as const;

let dir: string;
let server: Awaited<ReturnType<typeof serveStatic>>;
const caseId = 'hostile-inert';

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = makeTempSite('casebook-inert-');
  const first = (folder: string, ext: string) =>
    readdirSync(join(projectRoot, folder))
      .filter((f) => f.endsWith(ext))
      .sort()[0]!;
  const sourceText = readFileSync(join(projectRoot, 'content/sources', first('content/sources', '.yaml')), 'utf8');
  for (const [id, seed] of Object.entries(SEEDS)) {
    writeFileSync(join(dir, 'seeds', seed.file), seed.bytes);
    const yaml = sourceText
      .replace(/^file: .*$/m, `file: seeds/${seed.file}`)
      .replace(/^title: .*$/m, `title: '<img src=x onerror=alert("source")> ${id}'`)
      .replace(/^summary: .*$/m, `summary: '"><script>alert("summary")</script> javascript:alert(1)'`);
    writeFileSync(
      join(dir, 'content/sources', `${id}.yaml`),
      `url: "https://example.org/x'onmouseover='alert(3)'?a=1&b=2'&c=%22%3E%3Cscript%3Ealert(4)%3C/script%3E"\n${yaml}`,
    );
  }
  const caseText = readFileSync(join(projectRoot, 'content/cases', first('content/cases', '.mdx')), 'utf8')
    .replace(/^title: .*$/m, `title: '${SCRIPT_TITLE}'`)
    .replace(/^source: .*$/m, 'source: hostile-html')
    .trimEnd();
  writeFileSync(
    join(dir, 'content/cases', `${caseId}.mdx`),
    `${caseText}\n\n\\<script\\>alert("body")\\</script\\> \\<img src=x onerror=alert(1)\\> javascript:alert(1)\n`,
  );
  // Feeds need an absolute site address.
  const build = await buildSite(dir, { SITE_URL: 'https://edu.example.gov.cn' });
  expect(build.status, build.output).toBe(0);
  server = await serveStatic(join(dir, 'dist'));
});

test.afterAll(async () => {
  await server?.close();
  if (dir) removeTempSite(dir);
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
  const published = readdirSync(join(dir, 'dist/sources'), { recursive: true, encoding: 'utf8' });
  expect(published.filter((f) => /\.(svg|xhtml|xml|js|mjs|html?)$/i.test(f) && !f.endsWith('index.html'))).toEqual([]);
});

test('the feeds are well-formed XML with the hostile title as text', () => {
  const feeds = readdirSync(join(dir, 'dist'), { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('rss.xml'),
  );
  expect(feeds.length).toBeGreaterThan(1);
  for (const feed of feeds) {
    const parser = new SaxesParser();
    const errors: string[] = [];
    const titles: string[] = [];
    let inTitle = false;
    parser.on('error', (e) => errors.push(`${feed}: ${e.message}`));
    parser.on('opentag', (t) => (inTitle = t.name === 'title'));
    parser.on('closetag', () => (inTitle = false));
    parser.on('text', (t) => inTitle && titles.push(t));
    parser.write(readFileSync(join(dir, 'dist', feed), 'utf8')).close();
    expect(errors).toEqual([]);
    if (feed === 'rss.xml') expect(titles).toContain(SCRIPT_TITLE);
  }
});
