// axe-core (WCAG 2.2 A/AA rules, target size included) on every page type, in light and dark mode, and on a
// phone's width the search page with its filters open and the quick-search dialog.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const pages = {
  home: '/',
  cases: '/cases/',
  case: '/cases/zhengzhou-erqi-2022/',
  measures: '/measures/',
  measure: '/measures/county-managed-teachers/',
  theme: '/themes/teachers/',
  region: '/regions/410100/',
  source: '/sources/2024-01-henan-biaozhunhua-zheng-kai-luo/',
  data: '/data/',
  regions: '/regions/',
  compare: '/compare/?a=zhengzhou-erqi-2022&b=410100',
  search: '/search/?q=县管校聘',
  notFound: '/no-such-page/',
};

for (const scheme of ['light', 'dark'] as const) {
  for (const [name, path] of Object.entries(pages)) {
    test(`${name} page has no WCAG 2.2 AA violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      expect(await violations(page)).toEqual([]);
    });
  }
}

test('on a phone: the search page with its filters open, and the quick-search dialog', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/search/?q=县管校聘');
  await page.locator('main [data-search-results][data-state="done"]').waitFor();
  await page.locator('[data-search-filters] summary').click();
  await expect(page.locator('[data-search-filters] li[data-count="0"]').first()).toBeHidden();
  await page.waitForLoadState('networkidle');
  expect(await violations(page)).toEqual([]);
  await page.goto('/cases/zhengzhou-erqi-2022/');
  await page.keyboard.press('Control+k');
  await page.locator('#search-dialog input[type="search"]').fill('县管校聘');
  await page.locator('#search-dialog [data-search-results][data-state="done"]').waitFor();
  expect(await violations(page)).toEqual([]);
});

test('keyboard: skip link first, visible focus, landmarks', async ({ page }) => {
  await page.goto('/cases/luoyang-2022-biaozhunhua/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到主要内容' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  const outline = await skip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('contentinfo')).toHaveCount(1);
});
