// Citations on a phone and a desktop, on screen and in print: no number, date or URL part is split
// across lines, nothing overflows, and the exports are linked.
import { expect, test, type Page } from '@playwright/test';
import { readdirSync } from 'node:fs';

const ids = readdirSync('content/cases')
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => f.replace(/\.mdx$/, ''));

/** Unbreakable runs that the browser nevertheless laid out on more than one line. */
async function splitRuns(page: Page): Promise<string[]> {
  return page
    .locator('.citation-text .whitespace-nowrap')
    .evaluateAll((spans) =>
      spans
        .filter((s) => new Set([...s.getClientRects()].map((r) => Math.round(r.top))).size > 1)
        .map((s) => s.textContent ?? ''),
    );
}

for (const width of [390, 1280]) {
  test(`citations keep numbers and URL parts whole at ${width} px, on screen and in print`, async ({ page }) => {
    expect(ids.length).toBeGreaterThan(0);
    await page.setViewportSize({ width, height: 900 });
    for (const id of ids) {
      await page.goto(`/cases/${id}/`);
      await page.emulateMedia({ media: 'screen' });
      expect(await page.locator('.citation-text .whitespace-nowrap').count()).toBeGreaterThan(0);
      expect(await splitRuns(page), id).toEqual([]);
      const overflow = await page.locator('.citation').evaluate((s) => s.scrollWidth - s.clientWidth);
      expect(overflow, id).toBeLessThanOrEqual(0);
      await page.emulateMedia({ media: 'print' });
      expect(await splitRuns(page), `${id} (print)`).toEqual([]);
    }
  });
}

test('the case page links its RIS and BibTeX exports', async ({ page, request }) => {
  await page.goto(`/cases/${ids[0]}/`);
  const citation = page.getByRole('region', { name: '引用本案例' });
  await expect(citation).toContainText('导出引文');
  for (const [name, start] of [
    ['RIS', 'TY  - '],
    ['BibTeX', '@online{'],
  ] as const) {
    const link = citation.getByRole('link', { name, exact: true });
    const response = await request.get((await link.getAttribute('href'))!);
    expect(response.ok()).toBe(true);
    expect((await response.text()).startsWith(start), name).toBe(true);
  }
});
