// Screenshots of a page of a running site, for looking at layout by eye:
//   npx tsx scripts/screenshot.ts <url> <out.png> [width=1280] [light|dark] [full|top]
import { chromium } from '@playwright/test';
import { chromiumArgs, chromiumPath } from '../tests/chromium.ts';

const [url, out, width = '1280', scheme = 'light', extent = 'full'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: tsx scripts/screenshot.ts <url> <out.png> [width] [light|dark] [full|top]');
  process.exit(2);
}
const executablePath = chromiumPath();
const browser = await chromium.launch({ args: chromiumArgs, ...(executablePath && { executablePath }) });
const page = await browser.newPage({
  viewport: { width: Number(width), height: 900 },
  colorScheme: scheme === 'dark' ? 'dark' : 'light',
});
await page.goto(url);
await page.screenshot({ path: out, fullPage: extent === 'full' });
await browser.close();
