// axe-core (WCAG 2.1 A/AA rules) on every page type, in light and dark mode.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

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
    test(`${name} page has no WCAG 2.1 AA violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
    });
  }
}

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
