// axe-core (WCAG 2.2 A/AA rules, target size included) once per page template, in light mode, and its
// colour-contrast rule again in dark mode (the only rule a colour scheme can change); on a phone's
// width the search page with its filters open and the quick-search dialog. Pages are chosen from
// content/, not named.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readCaseFiles, readMeasures, readSourceFiles } from '../helpers/content.ts';
import { loadRegions } from '../../src/lib/content/loadRegions.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function violations(page: Page, rules?: string[]): Promise<string[]> {
  const axe = new AxeBuilder({ page }).withTags(WCAG);
  const results = await (rules ? axe.withRules(rules) : axe).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Every rule in light mode, then the contrast again with the dark colours. */
async function expectAccessible(page: Page): Promise<void> {
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await violations(page), 'light').toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await violations(page, ['color-contrast']), 'dark').toEqual([]);
}

const cases = readCaseFiles().filter((c) => !(c.data as { draft?: boolean }).draft);
const firstCase = cases[0]!.slug;
const measure = readMeasures().find((m) => cases.some((c) => c.data.measures.includes(m.id)))!;
const city = loadRegions().find(
  (r) => r.level === '市' && cases.some((c) => c.data.region.startsWith(r.id.slice(0, 4))),
)!;
const source = readSourceFiles()[0]!.key;
const theme = measure.theme;

const pages = {
  home: '/',
  'case list': '/cases/',
  measures: '/measures/',
  theme: `/themes/${theme}/`,
  regions: '/regions/',
  case: `/cases/${firstCase}/`,
  measure: `/measures/${measure.id}/`,
  region: `/regions/${city.id}/`,
  source: `/sources/${source}/`,
  data: '/data/',
  compare: `/compare/?a=${firstCase}&b=${city.id}`,
  studio: '/studio/',
  'not found': '/no-such-page/',
};

for (const [name, path] of Object.entries(pages)) {
  test(`${name} page has no WCAG 2.2 AA violations (light, and contrast in dark)`, async ({ page }) => {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
    await expectAccessible(page);
  });
}

test('on a phone: the search page with its filters open, and the quick-search dialog', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/search/?q=${encodeURIComponent(measure.name)}`);
  await page.locator('main [data-search-results][data-state="done"]').waitFor();
  await page.locator('[data-search-filters] summary').click();
  await expect(page.locator('[data-search-filters] li[data-count="0"]').first()).toBeHidden();
  await page.waitForLoadState('networkidle');
  await expectAccessible(page);
  await page.goto(`/cases/${firstCase}/`);
  await page.keyboard.press('Control+k');
  await page.locator('#search-dialog input[type="search"]').fill(measure.name);
  await page.locator('#search-dialog [data-search-results][data-state="done"]').waitFor();
  await expectAccessible(page);
});

test('keyboard: skip link first, visible focus, landmarks', async ({ page }) => {
  await page.goto(`/cases/${firstCase}/`);
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
