// The site built for a sub-path (/casebook/) and served by a plain static server, as a
// bureau would host it: every link, asset, the search bundle and its state follow the base.
// The site is the shared hosted fixture site (tests/helpers/sites.ts: today's casebook plus a
// day's additions, its search index built in parts), built once for this spec and the build tests.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { readMeasures } from '../helpers/content.ts';
import { builtSite } from '../helpers/fixtureSites.ts';
import { BASE, hostedSite } from '../helpers/sites.ts';
import { serveStatic } from '../helpers/staticServer.ts';
import { checkLinks } from '../helpers/linkCheck.ts';
import { casesContaining, readCases, readSearchPage, waitForResults } from './search-helpers.ts';
import { shownCaseCount } from '../../scripts/bench/measure.ts';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let dir: string;
let buildLog = '';
let server: Awaited<ReturnType<typeof serveStatic>>;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // Small index parts, so that this copy's search also runs over several merged parts (siteIndex.ts).
  // npm run build: astro build, then the search index (scripts/search-index.ts).
  const built = await builtSite(hostedSite);
  dir = built.root;
  buildLog = built.output;
  server = await serveStatic(built.dist, { prefix: BASE });
});

test.afterAll(async () => {
  await server?.close();
});

test('no link, anchor or asset escapes the sub-path', () => {
  const { problems, checked } = checkLinks(join(dir, 'dist'), BASE);
  expect(checked).toBeGreaterThan(1000);
  expect(problems).toEqual([]);
});

test('home → measure → case → search under /casebook/', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
  await page.goto(server.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('基础教育改革案例库');
  await page.getByRole('link', { name: '县管校聘', exact: true }).first().click();
  await expect(page).toHaveURL(/\/casebook\/measures\/county-managed-teachers\/$/);
  await page
    .getByRole('link', { name: /洛阳市改革引领/ })
    .first()
    .click();
  await expect(page).toHaveURL(/\/casebook\/cases\/luoyang-2022-biaozhunhua\/$/);
  await expect(page.locator('link[rel=canonical]')).toHaveAttribute(
    'href',
    'https://edu.example.gov.cn/casebook/cases/luoyang-2022-biaozhunhua/',
  );
  await expect(page.locator('#citation-copy')).toContainText(
    'https://edu.example.gov.cn/casebook/cases/luoyang-2022-biaozhunhua/',
  );
  // On a phone the absolute URL wraps only between its parts, never inside one.
  await page.setViewportSize({ width: 390, height: 800 });
  const split = await page
    .locator('.citation-text .whitespace-nowrap')
    .evaluateAll((spans) =>
      spans
        .filter((s) => new Set([...s.getClientRects()].map((r) => Math.round(r.top))).size > 1)
        .map((s) => s.textContent),
    );
  expect(split).toEqual([]);
  expect(await page.locator('.citation').evaluate((s) => s.scrollWidth - s.clientWidth)).toBeLessThanOrEqual(0);
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.goto(`${server.url}search/?q=${encodeURIComponent('县管校聘')}`);
  const first = page
    .locator('main')
    .getByRole('link', { name: /县管校聘|洛阳|开封|商丘|周口|驻马店/ })
    .first();
  await expect(first).toBeVisible({ timeout: 15_000 });
  expect(await first.getAttribute('href')).toMatch(/^\/casebook\//);
  expect(failed).toEqual([]);
});

test('the search page restores query and filters from the URL under the base', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}search/?q=${encodeURIComponent('县管校聘')}&year=2024`);
  await waitForResults(page, '县管校聘');
  await expect(page.locator('[data-search-page-input]')).toHaveValue('县管校聘');
  await expect(page.locator('fieldset[data-facet="year"] input[value="2024"]')).toBeChecked();
  const shown = await readSearchPage(page);
  // The 2024 cases that contain 县管校聘 or are tagged with it.
  const expected = readCases(dir).filter(
    (c) =>
      c.date.startsWith('2024') &&
      (c.measures.includes('county-managed-teachers') || casesContaining([c], '县管校聘').length),
  );
  expect(expected.length).toBeGreaterThan(0);
  expect(shown.main.map((h) => h.path).sort()).toEqual(expected.map((c) => `cases/${c.slug}`).sort());
  for (const h of shown.main) expect(new URL(h.href).pathname.startsWith(`${BASE}cases/`)).toBe(true);
  expect(shown.hints).toEqual(['measures/county-managed-teachers']);
  const hint = await page.locator('[data-search-hints] a[data-hit-link]').first().getAttribute('href');
  expect(hint?.startsWith(`${BASE}measures/`)).toBe(true);
  const searchRequests = requests.filter((p) => /pagefind|search-terms/.test(p));
  expect(searchRequests.length).toBeGreaterThan(2);
  expect(searchRequests.every((p) => p.startsWith(BASE))).toBe(true);
  // Changing a filter keeps the URL under the base.
  await page.locator('fieldset[data-facet="year"] input[value="2024"]').uncheck();
  await waitForResults(page, '县管校聘');
  expect(new URL(page.url()).pathname).toBe(`${BASE}search/`);
});

test('the dialog searches under the base and the result highlights its terms', async ({ page }) => {
  await page.goto(`${server.url}cases/luoyang-2022-biaozhunhua/`);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('钱学森');
  const results = page.locator('#search-dialog [data-search-results]');
  await expect(results).toHaveAttribute('data-query', '钱学森');
  const link = results.locator('a[data-hit-link]').first();
  await expect(link).toHaveAttribute('href', new RegExp(`^${BASE}cases/zhengzhou-shangjie-2025/\\?hl=`));
  await link.click();
  await expect(page.locator('mark[data-search-highlight]').first()).toHaveText('钱学森');
});

test('indexed in parts and merged, every measure finds its cases and counts them exactly; the date order spans the parts', async ({
  page,
}) => {
  expect(buildLog).toMatch(/Indexed \d+ pages in ([2-9]|\d{2,}) part\(s\)/);
  // One bundle: the parts were merged (mergeIndex.ts), nothing of them is left in dist/.
  expect(readdirSync(join(dir, 'dist')).filter((f) => f.startsWith('pagefind'))).toEqual(['pagefind']);
  const cases = readCases(dir);
  const measures = readMeasures(dir);
  let widest = { name: '', size: 0 };
  for (const m of measures) {
    // Cases that name the measure (name or an alias) or are tagged with it.
    const expected = cases.filter(
      (c) => c.measures.includes(m.id) || [m.name, ...m.aliases].some((t) => casesContaining([c], t).length),
    );
    if (expected.length > widest.size) widest = { name: m.name, size: expected.length };
    await page.goto(`${server.url}search/?q=${encodeURIComponent(m.name)}`);
    await waitForResults(page, m.name);
    const shown = await readSearchPage(page);
    expect(shownCaseCount(shown.status), `${m.name}: ${shown.status}`).toBe(expected.length);
    const found = shown.main.filter((h) => h.type === 'case').map((h) => h.path);
    expect(found.length, m.name).toBe(Math.min(expected.length, 20));
    for (const path of found)
      expect(
        expected.map((c) => `cases/${c.slug}`),
        m.name,
      ).toContain(path);
  }
  await page.goto(`${server.url}search/?q=${encodeURIComponent(widest.name)}&sort=date`);
  await waitForResults(page, widest.name);
  const meta = await page
    .locator('[data-search-page] [data-search-results] > li[data-type="case"] .search-hit-meta')
    .allTextContents();
  const years = meta.map((d) => Number(/(\d{4})年/.exec(d)?.[1]));
  expect(years.length).toBe(Math.min(widest.size, 20));
  expect(years).toEqual([...years].sort((x, y) => y - x));
});

test('the studio under /casebook/: its data, worker, PDF reader and CMaps follow the base', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failed.push(r.url()));
  // Generous waits: another worker may be building a site meanwhile, and the readers are megabytes of script.
  test.setTimeout(150_000);
  await page.goto(`${server.url}studio/`);
  await page.setInputFiles('#studio-file', join(import.meta.dirname, '../fixtures/studio/county-report.pdf'));
  await expect(page.locator('.studio-review')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('[data-studio]')).toHaveAttribute('data-studio-offline', 'ready', { timeout: 60_000 });
  expect(failed).toEqual([]);
});
