// Page heights at a phone width, to keep long pages in check (numbers, not a test):
//   npx tsx scripts/page-heights.ts <base-url> [width=390] [path …]
// Without paths it measures every measure page, region page and case page listed in the sitemap.
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../tests/chromium.ts';

const [base, width = '390', ...given] = process.argv.slice(2);
if (!base) {
  console.error('usage: tsx scripts/page-heights.ts <base-url> [width] [path …]');
  process.exit(2);
}
const executablePath = chromiumPath();
const browser = await chromium.launch({ args: chromiumArgs, ...(executablePath && { executablePath }) });
const page = await browser.newPage({ viewport: { width: Number(width), height: 800 } });
let paths = given;
if (!paths.length) {
  await page.goto(new URL('sitemap-0.xml', base).href);
  const locs = await page.locator('loc').allTextContents();
  paths = locs
    .map((l) => new URL(l).pathname)
    .filter(
      (p) => /\/(measures|regions|cases)\/[^/]+\/$/.test(p) || p === '/' || p === '/regions/' || p === '/compare/',
    );
}
for (const path of paths) {
  await page.goto(new URL(path, base).href);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  console.log(`${String(height).padStart(7)} px  ${path}`);
}
await browser.close();
