import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CASES_ON_ENTITY_PAGE } from '../../src/data/limits.ts';
import { readCaseFiles } from '../helpers/content.ts';

test('a teacher goes 洛阳 → 县管校聘 → 开封 → 职称与待遇 without the back button', async ({ page }) => {
  await page.goto('/');
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
    '/cases/zhengzhou-erqi-2022/',
    '/sources/2024-01-henan-biaozhunhua-zheng-kai-luo/',
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
