import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { expect, test } from '@playwright/test';
import ExcelJS from 'exceljs';
import { parse } from 'node-html-parser';
import { CASES_ON_ENTITY_PAGE } from '../../src/data/limits.ts';
import { loadRegions } from '../../src/lib/content/loadRegions.ts';
import { readCaseFiles, readMeasures, readSourceFiles } from '../helpers/content.ts';
import { searchTest } from './search-helpers.ts';

// A story with names in it: told on the frozen casebook (tests/fixtures/casebook), which editors' changes leave as it is.
searchTest('a teacher goes 洛阳 → 县管校聘 → 开封 → 职称与待遇 without the back button', async ({ page, frozen }) => {
  await page.goto(frozen.url);
  await page.getByRole('link', { name: '洛阳市', exact: true }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('洛阳市');
  await page
    .getByRole('link', { name: /洛阳市改革引领/ })
    .first()
    .click();
  await page.locator('.measure-chips').first().getByRole('link', { name: '县管校聘' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('县管校聘');
  await page
    .getByRole('link', { name: /开封市人社局/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('开封市');
  await page.locator('.measure-chips').first().getByRole('link', { name: '职称与待遇' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('职称与待遇');
  await expect(page.getByRole('region', { name: /实践案例/ })).toContainText('开封市');
});

/** The cases whose front matter lists the measure: what its page must list. */
const taggedWith = (measure: string) =>
  readCaseFiles()
    .filter((c) => c.data.measures.includes(measure))
    .map((c) => c.slug);

test('the 县管校聘 page lists the cases that practise it, with figures side by side', async ({ page }) => {
  await page.goto('/measures/county-managed-teachers/');
  const cases = page.getByRole('region', { name: /实践案例/ });
  const hrefs = await cases.locator('h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const tagged = taggedWith('county-managed-teachers').map((id) => `/cases/${id}/`);
  expect(tagged.length).toBeGreaterThan(0);
  // All of them, or as many as the page shows (the rest are in search).
  expect(hrefs).toHaveLength(Math.min(tagged.length, CASES_ON_ENTITY_PAGE));
  expect(tagged).toEqual(expect.arrayContaining(hrefs));
  // Each case shows the passage where the measure appears, with the term marked.
  await expect(cases.locator('blockquote mark').first()).toHaveText(/县管校聘|竞聘上岗/);
  const comparison = page.getByRole('region', { name: '各地数字对比' });
  await expect(comparison.getByRole('table').first().getByRole('row')).not.toHaveCount(1);
  await expect(comparison).toContainText('1454所');
});

for (const [measure, name] of [
  ['group-schooling', '集团化办学'],
  ['double-reduction', '双减'],
] as const) {
  test(`the ${name} page lists its cases and compares figures across regions`, async ({ page }) => {
    await page.goto(`/measures/${measure}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(name);
    const count = await page
      .getByRole('region', { name: /实践案例/ })
      .locator('article')
      .count();
    expect(count).toBeGreaterThanOrEqual(3);
    await expect(page.getByRole('region', { name: /实践案例/ }).getByRole('heading', { level: 2 })).toHaveText(
      new RegExp(`实践案例（${count}）`),
    );
  });
}

test('every internal link on the main pages resolves', async ({ page, request }) => {
  const seen = new Set<string>();
  for (const start of [
    '/',
    '/cases/',
    '/measures/',
    '/themes/',
    '/regions/',
    '/sources/',
    `/cases/${readCaseFiles()[0]!.slug}/`,
    `/sources/${readSourceFiles()[0]!.key}/`,
  ]) {
    await page.goto(start);
    const links = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    for (const link of links) seen.add(link.split('#')[0]!);
  }
  for (const link of seen) {
    const response = await request.get(link);
    expect(response.status(), link).toBe(200);
  }
});

test('the source page shows the raw text unchanged and offers it as a download', async ({ page, request }) => {
  await page.goto('/sources/2025-10-shangjie-xinxi-49/');
  await expect(page.locator('pre')).toContainText('成\n\n功纳入');
  const download = page.getByRole('link', { name: '下载原始文本' });
  const body = await (await request.get((await download.getAttribute('href'))!)).body();
  expect(body.equals(readFileSync('seeds/2025-10-shangjie-xinxi-49.txt'))).toBe(true);
});

test('unknown pages get the 404 page with search', async ({ page }) => {
  const response = await page.goto('/no-such-page/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('页面不存在');
  await expect(page.getByRole('search')).toBeVisible();
});

test('a region page leads to its practice of each measure, and every region and measure page to /compare/', async ({
  page,
  request,
}) => {
  const files = readCaseFiles();
  const regions = loadRegions();
  // A place with cases of its own: its measure chips open the comparison view on it, limited to the measure.
  const region = regions.find((r) => files.some((f) => f.data.region === r.id))!;
  await page.goto(`/regions/${region.id}/`);
  const chip = page.getByRole('region', { name: '本地区实践的措施' }).getByRole('link').first();
  const chipName = (await chip.textContent())!.trim();
  const measure = readMeasures().find((m) => m.name === chipName)!;
  await chip.click();
  await expect(page).toHaveURL(`/compare/?a=${region.id}&measure=${measure.id}`);
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${measure.name}：`) })).toBeVisible();
  await expect(page.locator('.compare-table thead th')).toContainText(region.name);

  // Every page with cases to compare: a region with cases of its own or below it, a measure with cases.
  const byId = new Map(regions.map((r) => [r.id, r]));
  const within = (code: string, id: string): boolean =>
    code === id || (!!byId.get(code)?.parent && within(byId.get(code)!.parent!, id));
  const withCases = regions.filter((r) => files.some((f) => within(f.data.region, r.id)));
  const measures = readMeasures().filter((m) => files.some((f) => f.data.measures.includes(m.id)));
  const pages = [
    ...withCases.map((r) => [`/regions/${r.id}/`, `a=${r.id}`]),
    ...measures.map((m) => [`/measures/${m.id}/`, `measure=${m.id}`]),
  ];
  for (const [path, query] of pages) {
    const html = await (await request.get(path!)).text();
    const links = parse(html)
      .querySelectorAll('main a')
      .filter((a) => a.textContent.includes('与其他地区对比'));
    expect(
      links.map((a) => a.getAttribute('href')),
      path,
    ).toEqual([`/compare/?${query}`]);
  }
});

test('the home page counts the measures that have cases, and names the others apart', async ({ page }) => {
  const files = readCaseFiles();
  const all = readMeasures();
  const practised = all.filter((m) => files.some((f) => f.data.measures.includes(m.id)));
  await page.goto('/');
  await expect(page.locator('main')).toContainText(`涉及${practised.length}项措施`);
  const themes = page.getByRole('region', { name: '按主题浏览' });
  for (const m of all.filter((x) => !practised.includes(x))) {
    await expect(themes.getByRole('link', { name: m.name, exact: true })).toHaveCount(1);
    await expect(themes.getByText(new RegExp(`^${m.name}（0）`))).toHaveCount(0);
  }
});

test('a measure table and a region table download as CSV and XLSX with every figure, and copy as a table', async ({
  page,
  request,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const files = readCaseFiles();
  const measure = readMeasures().find((m) =>
    files.some((f) => (f.data.figures ?? []).some((g) => g.measure === m.id)),
  )!;
  const figures = files.flatMap((f) => (f.data.figures ?? []).filter((g) => g.measure === measure.id));
  await page.goto(`/measures/${measure.id}/`);
  const box = page.getByRole('region', { name: '各地数字对比' });
  const csv = await (
    await request.get((await box.getByRole('link', { name: '下载CSV' }).getAttribute('href'))!)
  ).body();
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const fromCsv = await new ExcelJS.Workbook().csv.read(Readable.from(csv.subarray(3).toString('utf8')));
  expect(fromCsv.rowCount).toBe(figures.length + 1);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(
    (await (
      await request.get((await box.getByRole('link', { name: '下载Excel' }).getAttribute('href'))!)
    ).body()) as unknown as ArrayBuffer,
  );
  expect(book.worksheets[0]!.rowCount).toBe(figures.length + 1);
  expect(book.worksheets[0]!.getRow(1).values).toEqual(fromCsv.getRow(1).values);
  await box.getByRole('button', { name: '复制表格' }).click();
  await expect(box.getByRole('status')).toContainText('已复制');
  expect((await page.evaluate(() => navigator.clipboard.readText())).trim().split('\r\n')).toHaveLength(
    figures.length + 1,
  );

  // A region's table: the figures of its cases and of the places below it.
  const region = loadRegions().find(
    (r) => r.level === '市' && files.some((f) => f.data.region === r.id && (f.data.figures ?? []).length),
  )!;
  const below = new Set([
    region.id,
    ...loadRegions()
      .filter((r) => r.parent === region.id)
      .map((r) => r.id),
  ]);
  const count = files.filter((f) => below.has(f.data.region)).flatMap((f) => f.data.figures ?? []).length;
  await page.goto(`/regions/${region.id}/`);
  const link = page.getByRole('region', { name: '本地区关键数字' }).getByRole('link', { name: '下载CSV' });
  const regionCsv = await (await request.get((await link.getAttribute('href'))!)).body();
  const regionRows = await new ExcelJS.Workbook().csv.read(Readable.from(regionCsv.subarray(3).toString('utf8')));
  expect(regionRows.rowCount).toBe(count + 1);
});
