// The site built for a sub-path (/casebook/) and served by a plain static server, as a
// bureau would host it: every link, asset and the search bundle follow the base.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { astroBuild, makeTempSite, projectRoot, removeTempSite } from '../helpers/tempSite.ts';
import { serveStatic } from '../helpers/staticServer.ts';
import { checkLinks } from '../helpers/linkCheck.ts';

test.describe.configure({ mode: 'serial', timeout: 240_000 });

let dir: string;
let server: Awaited<ReturnType<typeof serveStatic>>;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = makeTempSite('casebook-base-');
  const build = astroBuild(dir, { BASE_PATH: '/casebook/', SITE_URL: 'https://edu.example.gov.cn' });
  expect(build.status, build.output).toBe(0);
  const pagefind = spawnSync(process.execPath, [join(projectRoot, 'node_modules/pagefind/lib/runner/bin.cjs'), '--site', 'dist'], { cwd: dir, encoding: 'utf8' });
  expect(pagefind.status, pagefind.stderr).toBe(0);
  server = await serveStatic(join(dir, 'dist'), { prefix: '/casebook/' });
});

test.afterAll(async () => {
  await server?.close();
  if (dir) removeTempSite(dir);
});

test('no link, anchor or asset escapes the sub-path', () => {
  const { problems, checked } = checkLinks(join(dir, 'dist'), '/casebook/');
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
  await page.getByRole('link', { name: /洛阳市改革引领/ }).first().click();
  await expect(page).toHaveURL(/\/casebook\/cases\/luoyang-2022-biaozhunhua\/$/);
  await expect(page.locator('link[rel=canonical]')).toHaveAttribute('href', 'https://edu.example.gov.cn/casebook/cases/luoyang-2022-biaozhunhua/');
  await expect(page.locator('#citation-text')).toContainText('https://edu.example.gov.cn/casebook/cases/luoyang-2022-biaozhunhua/');

  await page.goto(`${server.url}search/?q=${encodeURIComponent('县管校聘')}`);
  const first = page.locator('main').getByRole('link', { name: /县管校聘|洛阳|开封|商丘|周口|驻马店/ }).first();
  await expect(first).toBeVisible({ timeout: 15_000 });
  expect(await first.getAttribute('href')).toMatch(/^\/casebook\//);
  expect(failed).toEqual([]);
});
