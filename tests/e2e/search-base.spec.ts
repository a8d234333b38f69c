/**
 * Search under a sub-path: builds a copy of the site with BASE_PATH=/casebook/, indexes it,
 * serves it with `astro preview`, and checks that the search page restores its state from
 * the URL, that every link and fetch stays under the base, and that the dialog works.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { expect, test } from '@playwright/test';
import { readSearchPage, waitForResults } from './search-helpers.ts';

const root = resolve(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'test-results', 'playwright-report', '.bench']);
const BASE = '/casebook/';

let dir = '';
let server: ChildProcess | undefined;
let origin = '';

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

/** A copy of the project with its own node_modules folder (symlinked packages), so Astro's cache in node_modules/.astro is not shared with other builds. */
function copySite(): string {
  const d = mkdtempSync(join(tmpdir(), 'casebook-base-'));
  cpSync(root, d, { recursive: true, filter: (src) => !SKIP.has(relative(root, src).split(/[\\/]/)[0] ?? '') });
  mkdirSync(join(d, 'node_modules'));
  for (const e of readdirSync(join(root, 'node_modules'))) {
    if (e === '.astro' || e === '.vite') continue;
    symlinkSync(join(root, 'node_modules', e), join(d, 'node_modules', e));
  }
  return d;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dir = copySite();
  const env = { ...process.env, BASE_PATH: BASE, ASTRO_TELEMETRY_DISABLED: '1' };
  const build = spawnSync(process.execPath, ['node_modules/astro/astro.js', 'build'], { cwd: dir, env, encoding: 'utf8', timeout: 200_000 });
  expect(build.status, build.stdout + build.stderr).toBe(0);
  const index = spawnSync(process.execPath, ['node_modules/pagefind/lib/runner/bin.cjs', '--site', 'dist'], { cwd: dir, env, encoding: 'utf8', timeout: 60_000 });
  expect(index.status, index.stdout + index.stderr).toBe(0);
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['node_modules/astro/astro.js', 'preview', '--host', '127.0.0.1', '--port', String(port)], { cwd: dir, env, stdio: 'ignore' });
  await expect
    .poll(async () => (await fetch(`${origin}${BASE}`).catch(() => undefined))?.status, { timeout: 30_000 })
    .toBe(200);
});

test.afterAll(() => {
  server?.kill();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('the search page restores query and filters from the URL under the base', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent('县管校聘')}&year=2024`);
  await waitForResults(page, '县管校聘');
  await expect(page.locator('[data-search-page-input]')).toHaveValue('县管校聘');
  await expect(page.locator('fieldset[data-facet="year"] input[value="2024"]')).toBeChecked();
  const shown = await readSearchPage(page);
  expect(shown.main.map((h) => h.path).sort()).toEqual(['cases/shangqiu-2024-kuoyou-tizhi', 'cases/zhoukou-2024-kuoyou-tizhi', 'cases/zhumadian-2024-kuoyou-tizhi']);
  for (const h of shown.main) expect(new URL(h.href).pathname.startsWith(`${BASE}cases/`)).toBe(true);
  expect(shown.hints).toEqual(['measures/county-managed-teachers']);
  const hint = await page.locator('[data-search-hints] a[data-hit-link]').first().getAttribute('href');
  expect(hint?.startsWith(`${BASE}measures/`)).toBe(true);
  expect(requests.filter((p) => /pagefind|search-terms/.test(p)).every((p) => p.startsWith(BASE))).toBe(true);
  // Changing a filter keeps the URL under the base.
  await page.locator('fieldset[data-facet="year"] input[value="2024"]').uncheck();
  await waitForResults(page, '县管校聘');
  expect(new URL(page.url()).pathname).toBe(`${BASE}search/`);
});

test('the dialog searches under the base and the result highlights its terms', async ({ page }) => {
  await page.goto(`${origin}${BASE}cases/luoyang-2022-biaozhunhua/`);
  await page.keyboard.press('Control+k');
  await page.keyboard.type('钱学森');
  const results = page.locator('#search-dialog [data-search-results]');
  await expect(results).toHaveAttribute('data-query', '钱学森');
  const link = results.locator('a[data-hit-link]').first();
  await expect(link).toHaveAttribute('href', new RegExp(`^${BASE}cases/zhengzhou-shangjie-2025/\\?hl=`));
  await link.click();
  await expect(page.locator('mark[data-search-highlight]').first()).toHaveText('钱学森');
});
