import { readCaseFiles } from '../helpers/content.ts';
import { expect, test } from '@playwright/test';

test.describe('case page', () => {
  test('shows header, chips, figure cards traceable to the text, ToC and evidence', async ({ page }) => {
    await page.goto('/cases/luoyang-2022-biaozhunhua/');
    await expect(page).toHaveTitle(/洛阳市/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('洛阳市');

    const meta = page.locator('header dl');
    await expect(meta).toContainText('洛阳市教育局');
    await expect(meta.getByRole('link', { name: '洛阳市' })).toHaveAttribute('href', '/regions/410300/');
    await expect(meta.locator('time')).toHaveText('2022年');

    const chips = page.locator('.measure-chips').first();
    await expect(chips.getByRole('link', { name: '县管校聘' })).toHaveAttribute(
      'href',
      '/measures/county-managed-teachers/',
    );

    const cards = page.locator('.figure-card');
    expect(await cards.count()).toBeGreaterThanOrEqual(3);
    await expect(cards.first()).toContainText('1454');
    // Every figure's quote link jumps to a paragraph that really contains the quote.
    for (const link of await cards.getByRole('link').all()) {
      const quote = (await link.textContent())!.replace(/^“|”$/g, '');
      const target = (await link.getAttribute('href'))!;
      await expect(page.locator(target)).toContainText(quote);
    }

    const toc = page.getByRole('navigation', { name: '目录' });
    const firstEntry = toc.getByRole('link').first();
    const anchor = (await firstEntry.getAttribute('href'))!;
    await expect(page.locator(`[id="${decodeURIComponent(anchor.slice(1))}"]`)).toHaveText(
      (await firstEntry.textContent())!,
    );

    const evidence = page.getByRole('region', { name: '措施依据' });
    // Folded so that the text starts early on a phone; one click opens it.
    await evidence.locator('summary').click();
    const kgxp = evidence.locator('dd').first();
    const para = (await kgxp.getByRole('link').first().getAttribute('href'))!;
    await expect(page.locator(para)).toContainText('县管校聘');
  });

  test('citations can be copied, with visible confirmation, and name body, title, source and page', async ({
    page,
    context,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/cases/zhengzhou-shangjie-2025/');
    const original = page.locator('#citation-original');
    await expect(original).toContainText('郑州市上街区教育局. 从“有学上”到“上好学”');
    await expect(original).toContainText('上街信息, 第49期, 2025-10-11.');
    const copy = page.locator('#citation-copy');
    await expect(copy).toContainText('[EB/OL]. 基础教育改革案例库[');
    await expect(copy).toContainText('/cases/zhengzhou-shangjie-2025/');
    const buttons = page.getByRole('button', { name: '复制引文' });
    await expect(buttons).toHaveCount(2);
    await buttons.nth(1).click();
    const status = page.locator('#citation-original-status');
    await expect(status).toHaveText('已复制');
    // Seen, not only announced: the confirmation has a visible box next to the button.
    await expect(status).toBeVisible();
    expect((await status.boundingBox())!.width).toBeGreaterThan(20);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await original.textContent());
  });

  test('related cases share measures or region', async ({ page }) => {
    await page.goto('/cases/zhengzhou-shangjie-2025/');
    const related = page.getByRole('region', { name: '相关案例' });
    await expect(related.getByRole('listitem')).toHaveCount(4);
    await expect(related).toContainText('同市');
  });

  test('year-only dates stay year-only', async ({ page }) => {
    await page.goto('/cases/zhengzhou-erqi-2022/');
    await expect(page.locator('header time')).toHaveText('2022年');
    await expect(page.locator('header time')).toHaveAttribute('datetime', '2022');
  });
});

/** The longest case by its text, found in content/ (not named). */
const longest = readCaseFiles().sort((a, b) => b.body.length - a.body.length)[0]!;

for (const width of [390, 1280]) {
  test.describe(`a long case at ${width} px`, () => {
    test.use({ viewport: { width, height: 844 } });

    test('the first paragraph is in the first screen, or one tap on a visible 跳到正文 away', async ({ page }) => {
      await page.goto(`/cases/${longest.slug}/`);
      // What stays on screen while reading: one row, no taller than one line of controls.
      const stuck = async () =>
        page.evaluate(() => {
          for (let e = document.elementFromPoint(innerWidth / 2, 2); e; e = e.parentElement) {
            if (['sticky', 'fixed'].includes(getComputedStyle(e).position)) return e.getBoundingClientRect().bottom;
          }
          return 0;
        });
      await page.evaluate(() => scrollTo(0, 1500));
      const header = await stuck();
      expect(header).toBeGreaterThan(30);
      expect(header).toBeLessThanOrEqual(57);
      await page.evaluate(() => scrollTo(0, 0));
      const first = page.locator('.prose-zh > p').first();
      const inView = async () => {
        const box = (await first.boundingBox())!;
        return box.y >= header - 1 && box.y + 24 <= 844;
      };
      if (!(await inView())) {
        const jump = page.getByRole('link', { name: '跳到正文' });
        const box = (await jump.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(844);
        await jump.click();
        await expect.poll(inView).toBe(true);
      }
      // The paragraph is the text's first, as the source has it.
      expect(await first.getAttribute('id')).toBe('p-1');
    });

    test('back to the top from the end, and the current section marked in the contents', async ({ page }) => {
      await page.goto(`/cases/${longest.slug}/`);
      const back = page.getByRole('link', { name: /回到顶部/ });
      await expect(back).toBeHidden();
      const headings = page.locator('.prose-zh h2, .prose-zh h3');
      expect(await headings.count()).toBeGreaterThanOrEqual(2);
      const toc = page.getByRole('navigation', { name: '目录' });
      if (width < 1024) await toc.getByText('目录').click();
      // The second heading scrolled near the top: the section being read is the last heading above a
      // third of the screen, and its entry alone is marked as the current location.
      await headings.nth(1).evaluate((h) => scrollTo(0, h.getBoundingClientRect().top + scrollY - 100));
      const id = await headings.evaluateAll(
        (hs) => hs.filter((h) => h.getBoundingClientRect().top <= innerHeight / 3).at(-1)!.id,
      );
      await expect(toc.locator('[aria-current="location"]')).toHaveAttribute('href', `#${id}`);
      await expect(toc.locator('[aria-current]')).toHaveCount(1);
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      await expect(back).toBeVisible();
      await back.click();
      await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();
    });
  });
}
