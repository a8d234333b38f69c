// A case printed to PDF: no navigation chrome, with URL and citation, clean breaks.
import { expect } from '@playwright/test';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { HOST } from '../helpers/sites.ts';
import { searchTest as test } from './search-helpers.ts';

async function pdfText(pdf: Buffer): Promise<{ pages: number; text: string }> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: true }).promise;
  let text = '';
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    text += content.items.map((item) => ('str' in item ? item.str : '')).join('') + '\n';
  }
  return { pages: doc.numPages, text };
}

// A case of the frozen casebook (tests/fixtures/casebook), whose words the PDF is checked for.
test('a case prints without chrome and with its URL and citation', async ({ page, frozen }) => {
  await page.goto(`${frozen.url}cases/zhengzhou-shangjie-2025/`);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  for (const chrome of ['banner', 'contentinfo']) await expect(page.getByRole(chrome as 'banner')).toBeHidden();
  await expect(page.getByRole('navigation', { name: '目录' })).toBeHidden();
  await expect(page.locator('#citation-copy')).toBeVisible();
  await expect(page.locator('#citation-original')).toBeVisible();
  expect(
    await page
      .locator('.prose-zh h2')
      .first()
      .evaluate((h) => getComputedStyle(h).breakAfter),
  ).toBe('avoid');
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');

  const { pages, text } = await pdfText(await page.pdf({ format: 'A4' }));
  expect(pages).toBeGreaterThan(1);
  // PDF text may map some CJK glyphs to radical code points (页 → ⻚); NFKC folds most of them.
  const compact = text.normalize('NFKC').replace(/\s+/g, '');
  const has = (s: string) => compact.includes(s.normalize('NFKC'));
  // The frozen site is built with SITE_URL: the address is the full URL (without it, the page path).
  expect(has(`地址：${HOST}/cases/zhengzhou-shangjie-2025/`)).toBe(true);
  expect(has('郑州市上街区教育局.从“有学上”到“上好学”')).toBe(true);
  expect(has('新增优质学位1980个')).toBe(true);
  expect(has('跳到正文')).toBe(false);
  expect(has('案例措施主题地区来源')).toBe(false);
});
