// The case page, on cases chosen from content/ by what each test needs (not named): header and
// chips, figure cards, contents and evidence, citations, related cases, year-only dates, and the
// reading aids of a long case.
import { expect, test } from '@playwright/test';
import { readCaseFiles, readMeasures, readSourceFiles } from '../helpers/content.ts';
import { loadRegions } from '../../src/lib/content/loadRegions.ts';
import { formatDateZh, parsePartialDate, type PartialDate } from '../../src/lib/model/dates.ts';
import { buildRelated } from '../../src/lib/model/related.ts';
import { measureTerms } from '../../src/lib/model/tagging.ts';

const caseFiles = readCaseFiles().filter((c) => !(c.data as { draft?: boolean }).draft);
const measures = readMeasures();
const regions = loadRegions();
const sources = readSourceFiles() as (ReturnType<typeof readSourceFiles>[number] & Record<string, string>)[];
const regionOf = (code: string) => regions.find((r) => r.id === code)!;
const dateText = (date: string) => formatDateZh(parsePartialDate(date) as PartialDate);

/** A case with three figure cards or more and a measure (the one with the most figures). */
const figured = [...caseFiles].sort((a, b) => (b.data.figures?.length ?? 0) - (a.data.figures?.length ?? 0))[0]!;

test.describe('case page', () => {
  test('shows header, chips, figure cards traceable to the text, ToC and evidence', async ({ page }) => {
    const c = figured;
    const region = regionOf(c.data.region);
    await page.goto(`/cases/${c.slug}/`);
    expect(await page.title()).toContain(c.data.title);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(page.getByRole('heading', { level: 1 })).toContainText(c.data.title);

    const meta = page.locator('header dl');
    await expect(meta).toContainText(c.data.body);
    await expect(meta.getByRole('link', { name: region.name, exact: true })).toHaveAttribute(
      'href',
      `/regions/${region.id}/`,
    );
    await expect(meta.locator('time')).toHaveText(dateText(c.data.date));

    const chips = page.locator('.measure-chips').first();
    const first = measures.find((m) => m.id === c.data.measures[0])!;
    await expect(chips.getByRole('link', { name: first.name, exact: true })).toHaveAttribute(
      'href',
      `/measures/${first.id}/`,
    );

    const cards = page.locator('.figure-card');
    expect(c.data.figures!.length).toBeGreaterThanOrEqual(3);
    await expect(cards).toHaveCount(c.data.figures!.length);
    await expect(cards.first()).toContainText(c.data.figures![0]!.quote);
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
    // The first measure's evidence links to a paragraph that names the measure (its name or an alias).
    const entry = evidence
      .locator('dl > div')
      .filter({ has: page.locator('dd a') })
      .first();
    const name = (await entry.locator('dt').innerText()).trim();
    const measure = measures.find((m) => m.name === name)!;
    expect(measure, name).toBeDefined();
    const para = (await entry.locator('dd a').first().getAttribute('href'))!;
    const text = await page.locator(para).innerText();
    expect(
      measureTerms(measure).some((t) => text.includes(t)),
      `${para} names ${measure.name}`,
    ).toBe(true);
  });

  test('citations can be copied, with visible confirmation, and name body, title, source and page', async ({
    page,
    context,
  }) => {
    // A case whose source is a numbered issue of a publication.
    const c = caseFiles.find((x) => {
      const s = sources.find((s) => s.key === x.data.source);
      return s?.publication && s.issue && !['报纸', '网页'].includes(s.kind!);
    })!;
    expect(c, 'a case from a numbered issue of a publication').toBeDefined();
    const source = sources.find((s) => s.key === c.data.source)!;
    const data = c.data as typeof c.data & { author?: string; originalTitle?: string };
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto(`/cases/${c.slug}/`);
    const original = page.locator('#citation-original');
    await expect(original).toContainText(`${data.author ?? data.body}. ${data.originalTitle ?? source.title}`);
    await expect(original).toContainText(`${source.publication}, ${source.issue}, ${source.date}.`);
    const copy = page.locator('#citation-copy');
    await expect(copy).toContainText('[EB/OL]. 基础教育改革案例库[');
    await expect(copy).toContainText(`/cases/${c.slug}/`);
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
    const items = caseFiles.map((c) => ({
      id: c.slug,
      measures: c.data.measures,
      region: c.data.region,
      city: regionOf(c.data.region).city,
    }));
    const relatedTo = buildRelated(items);
    // A case with a related case from the same city.
    const target = items.find((c) => relatedTo(c).some((r) => r.sameCity && !r.sameRegion))!;
    expect(target, 'a case related to another of its city').toBeDefined();
    await page.goto(`/cases/${target.id}/`);
    const related = page.getByRole('region', { name: '相关案例' });
    await expect(related.getByRole('listitem')).toHaveCount(relatedTo(target).length);
    for (const r of relatedTo(target)) await expect(related.locator(`a[href="/cases/${r.item.id}/"]`)).toHaveCount(1);
    await expect(related).toContainText('同市');
  });

  test('year-only dates stay year-only', async ({ page }) => {
    const c = caseFiles.find((x) => /^\d{4}$/.test(x.data.date))!;
    expect(c, 'a case dated by its year only').toBeDefined();
    await page.goto(`/cases/${c.slug}/`);
    await expect(page.locator('header time')).toHaveText(`${c.data.date}年`);
    await expect(page.locator('header time')).toHaveAttribute('datetime', c.data.date);
  });
});

/** The longest case by its text, found in content/ (not named). */
const longest = [...caseFiles].sort((a, b) => b.body.length - a.body.length)[0]!;

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
