// Comparison by metric on measure pages (sorting, with and without scripts), the phone layout, and
// /compare/: places typed by name, one measure, downloads read back, reached from a case page and
// shared by URL. Expectations derive from content/.
import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { contentCases, metricKey, metricNames } from '../helpers/contentFigures.ts';
import { readCaseFiles, readMeasures } from '../helpers/content.ts';
import { loadRegions } from '../../src/lib/content/loadRegions.ts';
import { shortRegionName } from '../../src/lib/model/regions.ts';
import { FIGURE_COLUMNS } from '../../src/data/openData.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';

const cases = contentCases();
const names = metricNames();

/** The measure/metric with the most non-target figures (at least two with different values). */
function busiestMetric() {
  const groups = new Map<string, { measure: string; values: Set<number>; n: number }>();
  for (const c of cases) {
    for (const f of c.figures) {
      if (!f.metric || !f.measure || f.kind === 'target') continue;
      const key = metricKey(f);
      const g = groups.get(key) ?? { measure: f.measure, values: new Set<number>(), n: 0 };
      g.values.add(f.value);
      g.n++;
      groups.set(key, g);
    }
  }
  const [key, g] = [...groups].filter(([, g]) => g.values.size >= 2).sort((a, b) => b[1].n - a[1].n)[0]!;
  return { key, measure: g.measure, name: names.get(key)! };
}

async function tableOf(page: Page, metricName: string) {
  const section = page
    .locator('section.metric')
    .filter({ has: page.getByRole('heading', { level: 3, name: metricName }) });
  await expect(section).toHaveCount(1);
  return section.locator('table');
}

const keysOf = (table: import('@playwright/test').Locator, attr: string) =>
  table
    .locator('tbody.rows-stated tr:not(.section-row)')
    .evaluateAll((rows, a) => rows.map((r) => r.getAttribute(a) ?? ''), attr);

const sortedNumbers = (keys: string[], dir: 1 | -1) => {
  const nums = keys.filter((k) => k !== '').map(Number);
  return [...nums].sort((a, b) => (a - b) * dir);
};

test.describe('comparison by metric', () => {
  const metric = busiestMetric();

  test('a metric table sorts by value and by period, and has a chart with its text alternative', async ({ page }) => {
    await page.goto(`/measures/${metric.measure}/`);
    const table = await tableOf(page, metric.name);
    const chart = page
      .locator('section.metric')
      .filter({ has: page.getByRole('heading', { level: 3, name: metric.name }) })
      .getByRole('img');
    await expect(chart).toHaveCount(1);
    await expect(chart.locator('title')).toContainText(metric.name);

    // Served largest first.
    let values = await keysOf(table, 'data-value');
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect(values.map(Number)).toEqual(sortedNumbers(values, -1));

    const byValue = table.getByRole('button', { name: /数值/ });
    await byValue.click();
    values = await keysOf(table, 'data-value');
    expect(values.map(Number)).toEqual(sortedNumbers(values, 1));
    await expect(table.locator('th[data-sort="value"]')).toHaveAttribute('aria-sort', 'ascending');
    await byValue.click();
    values = await keysOf(table, 'data-value');
    expect(values.map(Number)).toEqual(sortedNumbers(values, -1));

    await table.getByRole('button', { name: /时期/ }).click();
    const periods = await keysOf(table, 'data-period');
    const dated = periods.filter((p) => p !== '');
    // Newest first, undated rows last.
    expect(periods.slice(0, dated.length)).toEqual(sortedNumbers(periods, -1).map(String));
    expect(periods.slice(dated.length).every((p) => p === '')).toBe(true);
  });

  test('targets sit apart from results', async ({ page }) => {
    const target = cases.flatMap((c) => c.figures).find((f) => f.kind === 'target' && f.measure && f.metric);
    test.fail(!target, 'content/ has no target figure with a metric');
    await page.goto(`/measures/${target!.measure}/`);
    const table = await tableOf(page, names.get(metricKey(target!))!);
    await expect(table.locator('tbody.rows-targets tr.kind-target').first()).toBeVisible();
    await expect(table.locator('tbody.rows-stated tr.kind-target')).toHaveCount(0);
  });

  test.describe('without JavaScript', () => {
    test.use({ javaScriptEnabled: false });
    test('the table reads largest first and has no sort buttons', async ({ page }) => {
      await page.goto(`/measures/${metric.measure}/`);
      const table = await tableOf(page, metric.name);
      const values = await keysOf(table, 'data-value');
      expect(values.map(Number)).toEqual(sortedNumbers(values, -1));
      await expect(table.getByRole('button')).toHaveCount(0);
    });
  });
});

test.describe('phone layout (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('no comparison cell is squeezed below three characters and the page stays short', async ({ page }) => {
    const measure = busiestMetric().measure;
    await page.goto(`/measures/${measure}/`);
    const cells = await page.locator('.cmp-table th, .cmp-table td').evaluateAll((els) =>
      els
        // Visible cells only: not folded away, not the phone's visually hidden column headers.
        .filter(
          (e) =>
            (e as HTMLElement).offsetParent !== null &&
            !(getComputedStyle(e).position === 'absolute' && e.getBoundingClientRect().width <= 1),
        )
        .map((e) => {
          const style = getComputedStyle(e);
          const text = (e.textContent ?? '').trim();
          // The cell must be as wide as its text on one line, or at least three CJK characters.
          const ctx = document.createElement('canvas').getContext('2d')!;
          ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
          const need = Math.min(ctx.measureText(text).width, 3 * parseFloat(style.fontSize)) * 0.95;
          return {
            text: text.slice(0, 20),
            width: e.getBoundingClientRect().width,
            need,
            overflow: e.scrollWidth > e.clientWidth + 1,
          };
        }),
    );
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.filter((c) => c.width < c.need || c.overflow)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // Bounded by what the page holds: a budget per comparison row, per case card, plus a base.
    const rows = await page.locator('.cmp-table tbody tr:not(.section-row)').count();
    const cards = await page
      .getByRole('region', { name: /实践案例/ })
      .locator('article')
      .count();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThan(2200 + rows * 110 + cards * 420);
  });

  test('the home search placeholder is not cut off', async ({ page }) => {
    await page.goto('/');
    const fits = await page.locator('main form[role="search"] input[name="q"]').evaluate((input) => {
      const el = input as HTMLInputElement;
      const style = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: ctx.measureText(el.placeholder).width, room };
    });
    expect(fits.text).toBeLessThanOrEqual(fits.room);
  });

  test('a case page shows a compact figure grid, folded evidence and paragraph numbers', async ({ page }) => {
    const c = [...cases].sort((a, b) => b.figures.length - a.figures.length)[0]!;
    await page.goto(`/cases/${c.id}/`);
    const visibleCards = page.locator('.figure-card:visible');
    expect(await visibleCards.count()).toBeLessThanOrEqual(4);
    if (c.figures.length > 4) {
      await page.getByText(/展开全部/).click();
      await expect(page.locator('.figure-card:visible')).toHaveCount(c.figures.length);
    }
    // Two cards side by side.
    const boxes = await visibleCards.evaluateAll((els) => els.slice(0, 2).map((e) => e.getBoundingClientRect().top));
    if (boxes.length === 2) expect(boxes[0]).toBe(boxes[1]);
    await expect(page.locator('details.evidence-list')).not.toHaveAttribute('open');
    // The margin number is a counter over the text's paragraphs: #p-3 must be the third of them.
    const third = await page.locator('.prose-zh > p').nth(2).getAttribute('id');
    expect(third).toBe('p-3');
    const before = await page.locator('#p-3').evaluate((p) => {
      const s = getComputedStyle(p, '::before');
      return { content: s.content, display: s.display, visibility: s.visibility };
    });
    expect(before).toEqual({ content: 'counter(para)', display: 'block', visibility: 'visible' });
  });
});

const axeViolations = async (page: Page) =>
  (await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()).violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );

/** Places with cases of their own, their short names, and what each practises (with terms in the text, and figures). */
function placesOnMeasures() {
  const regions = loadRegions();
  const measures = new Map(readMeasures().map((m) => [m.id, m]));
  const files = readCaseFiles();
  const places = regions.map((r) => {
    const own = files.filter((f) => f.data.region === r.id);
    // A measure this place can be compared on: one of its cases names it in the text and has figures of it.
    const shown = new Set(
      own.flatMap((f) =>
        f.data.measures.filter((m) => {
          const terms = [measures.get(m)!.name, ...measures.get(m)!.aliases];
          return terms.some((t) => f.body.includes(t)) && (f.data.figures ?? []).some((g) => g.measure === m);
        }),
      ),
    );
    return { ...r, short: shortRegionName(r.name), own, shown };
  });
  // A short name that one place alone has, so that typing it is unambiguous.
  const unique = places.filter((p) => places.filter((o) => o.short === p.short || o.name === p.short).length === 1);
  return { places: unique, measures };
}

/** Two places both comparable on one measure, from content/ (the measure most places share first). */
function comparablePair() {
  const { places, measures } = placesOnMeasures();
  const byMeasure = [...measures.keys()]
    .map((m) => ({ m, at: places.filter((p) => p.shown.has(m)) }))
    .sort((a, b) => b.at.length - a.at.length);
  const { m, at } = byMeasure[0]!;
  if (at.length < 2) throw new Error('content/ has no two places with text and figures on one measure');
  return { a: at[0]!, b: at[1]!, measure: measures.get(m)! };
}

for (const width of [390, 1280]) {
  test.describe(`/compare/ at ${width} px`, () => {
    test.use({ viewport: { width, height: 844 } });

    test('two places typed by name, on one measure: passages, figures in one unit, CSV and XLSX read back', async ({
      page,
      context,
    }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write']);
      const { a, b, measure } = comparablePair();
      await page.goto('/compare/');
      const first = page.getByRole('combobox', { name: '第1项' });
      // Typed as people do, key by key; the list offers the place, and its short name is enough without a pick.
      await first.pressSequentially(a.short);
      await expect(page.getByRole('listbox').getByRole('option').first()).toContainText(a.name);
      expect(await axeViolations(page), 'with the list open').toEqual([]);
      await page.getByRole('combobox', { name: '第2项' }).pressSequentially(b.short);
      await page.getByRole('combobox', { name: '第2项' }).press('Escape');
      await page.getByLabel('限定措施').selectOption({ label: measure.name });
      await page.getByRole('button', { name: '对比', exact: true }).click();
      await expect(page).toHaveURL(`/compare/?a=${a.id}&b=${b.id}&measure=${measure.id}`);
      await expect(first).toHaveValue(a.name);

      const table = page.locator('.compare-table');
      await expect(table.locator('thead th')).toHaveText([new RegExp(a.name), new RegExp(b.name)]);
      // Each place's passages: the measure marked, linked to a paragraph of that place's own case.
      const practice = table.locator('tr.row-head', { hasText: '做法' }).locator('xpath=following-sibling::tr[1]/td');
      await expect(practice).toHaveCount(2);
      for (const [i, place] of [a, b].entries()) {
        const cell = practice.nth(i);
        await expect(cell.locator('.compare-passage mark').first()).toBeVisible();
        const href = (await cell.locator('.compare-passage a').first().getAttribute('href'))!;
        expect(place.own.map((c) => c.slug)).toContain(href.match(/^\/cases\/([^/]+)\/#p-\d+$/)![1]);
      }
      // Figures aligned by metric, one unit per metric row, both places with at least one.
      const figureCells = table.locator('tr.row-head:has-text("单位：") + tr td');
      for (const i of [0, 1]) {
        expect(await table.locator(`tr:not(.row-head) td:nth-child(${i + 1}) .compare-figure`).count()).toBeGreaterThan(
          0,
        );
      }
      for (const head of await table.locator('tr.row-head', { hasText: '单位：' }).all()) {
        const unit = (await head.textContent())!.match(/单位：(.+)）/)![1]!;
        const values = await head
          .locator('xpath=following-sibling::tr[1]')
          .locator('.compare-figure > a')
          .allTextContents();
        // In the row's unit, with no other magnitude before it (never 27.6万个 in a 个 row, or 33990个 in a 万个 row).
        for (const v of values)
          expect(v.includes(unit) && !/[万亿]$/.test(v.slice(0, v.indexOf(unit))), `${v} in ${unit}`).toBe(true);
      }
      expect(await figureCells.count()).toBeGreaterThan(0);
      const shown = await table.locator('.compare-figure').count();
      expect(await axeViolations(page), 'the comparison').toEqual([]);

      // The table leaves the page: CSV (with BOM) and XLSX in the open-data columns, the same rows.
      const header = FIGURE_COLUMNS.map((c) => zhCN[c.header]);
      const download = async (name: RegExp) => {
        const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
        return readFileSync((await file.path())!);
      };
      const csv = await download(/下载CSV/);
      expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const fromCsv = new ExcelJS.Workbook();
      const sheet = await fromCsv.csv.read(Readable.from(csv.subarray(3).toString('utf8')));
      const csvRows = sheet.getSheetValues().slice(1) as unknown[][];
      expect(csvRows[0]!.slice(1)).toEqual(header);
      expect(csvRows).toHaveLength(shown + 1);
      const col = (name: string) => header.indexOf(zhCN[`csv.${name}` as keyof typeof zhCN]) + 1;
      for (const row of csvRows.slice(1)) {
        expect([a.name, b.name]).toContain(row[col('region')]);
        expect(row[col('measure')]).toBe(measure.name);
        expect(typeof row[col('value')]).toBe('number');
      }
      const xlsx = new ExcelJS.Workbook();
      await xlsx.xlsx.load((await download(/下载Excel/)) as unknown as ArrayBuffer);
      const xlsxRows = xlsx.worksheets[0]!.getSheetValues().slice(1) as unknown[][];
      expect(xlsxRows[0]!.slice(1)).toEqual(header);
      expect(xlsxRows.map((r) => [r[col('case_id')], r[col('value')], r[col('quote')]])).toEqual(
        csvRows.map((r) => [r[col('case_id')], r[col('value')], r[col('quote')]]),
      );

      // 复制表格: tab-separated rows on the clipboard; 复制链接: this page's address.
      await page.getByRole('button', { name: '复制表格' }).click();
      await expect(page.locator('.table-export-status')).toContainText('已复制');
      const tsv = await page.evaluate(() => navigator.clipboard.readText());
      expect(tsv.trim().split('\r\n')).toHaveLength(shown + 1);
      expect(tsv.split('\r\n')[0]).toBe(header.join('\t'));
      await page.getByRole('button', { name: '复制链接' }).click();
      await expect(page.locator('.table-export-status')).toContainText('链接已复制');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
      if (width === 390)
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  });
}

test.describe('/compare/', () => {
  /** Two cases that share a metric, from content/. */
  function pair() {
    for (const a of cases) {
      for (const b of cases) {
        if (a === b) continue;
        const shared = a.figures.find(
          (f) => f.metric && b.figures.some((g) => g.metric && metricKey(g) === metricKey(f)),
        );
        if (shared) return { a, b, metric: metricKey(shared) };
      }
    }
    throw new Error('content/ has no two cases sharing a metric');
  }

  test('opens from a case page, adds a case picked from the list by keyboard, and the URL reproduces the view', async ({
    page,
    browser,
  }) => {
    const { a, b, metric } = pair();
    await page.goto(`/cases/${a.id}/`);
    await page
      .getByRole('link', { name: /与其他地区对比/ })
      .first()
      .click();
    await expect(page).toHaveURL(new RegExp(`/compare/\\?a=${a.id}$`));
    const table = page.locator('.compare-table');
    await expect(table.locator('thead th')).toHaveCount(1);
    await expect(table.locator('thead th')).toContainText(a.title);
    await expect(page.getByRole('status').first()).toContainText('再输入一个');

    // Part of the title, then ↓ and Enter in the list.
    const second = page.getByRole('combobox', { name: '第2项' });
    await second.pressSequentially(b.title.slice(0, 8));
    await expect(second).toHaveAttribute('aria-expanded', 'true');
    const options = page.locator('#compare-b-list [role="option"]');
    const index = (await options.allTextContents()).findIndex((o) => o.startsWith(b.title));
    expect(index).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= index; i++) await second.press('ArrowDown');
    await expect(second).toHaveAttribute('aria-activedescendant', `compare-b-list-${index}`);
    await second.press('Enter');
    await expect(second).toHaveValue(b.title);
    await page.getByRole('button', { name: '对比', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`\\?a=${a.id}&b=${b.id}$`));
    await expect(table.locator('thead th')).toHaveCount(2);

    // A fresh visitor with the shared URL sees the same two columns, the shared metric aligned.
    const other = await browser.newPage();
    await other.goto(page.url());
    const shared = other.locator('.compare-table');
    await expect(shared.locator('thead th').nth(1)).toContainText(b.title);
    const head = shared.locator('tr.row-head', { hasText: names.get(metric)! });
    await expect(head).toHaveCount(1);
    const cells = head.locator('xpath=following-sibling::tr[1]/td');
    await expect(cells).toHaveCount(2);
    for (const cell of await cells.all()) await expect(cell.locator('.compare-figure').first()).toBeVisible();
    await other.close();
  });

  test('a name that matches nothing is reported; one that matches several asks for a pick', async ({ page }) => {
    await page.goto('/compare/');
    const first = page.getByRole('combobox', { name: '第1项' });
    await first.fill('不存在的地方');
    await page.getByRole('button', { name: '对比', exact: true }).click();
    await expect(page.locator('#compare-status')).toContainText('找不到“不存在的地方”');
    await expect(page).toHaveURL(/\/compare\/$/);
    // A word of several case titles: no guess, the list opens.
    // Enter submits what was typed (the open list covers the button, as lists do).
    await first.fill(commonTitleWord());
    await first.press('Enter');
    await expect(page.locator('#compare-status')).toContainText('请从列表中选择');
    await expect(first).toHaveAttribute('aria-expanded', 'true');
  });

  test('a district is its own column: a city shows only its own cases and offers its districts', async ({ page }) => {
    const files = readCaseFiles();
    const regions = loadRegions();
    const city = regions.find(
      (r) =>
        files.some((f) => f.data.region === r.id) &&
        regions.some((d) => d.parent === r.id && files.some((f) => f.data.region === d.id)),
    );
    test.fail(!city, 'content/ has no city with cases of its own and a district with cases');
    const district = regions.find((d) => d.parent === city!.id && files.some((f) => f.data.region === d.id))!;
    await page.goto(`/compare/?a=${city!.id}`);
    const cell = page.locator('.compare-table tr.row-head:has-text("案例数") + tr td').first();
    await expect(cell).toContainText(`本级${files.filter((f) => f.data.region === city!.id).length}个`);
    // Every figure in the city's column is from one of the city's own cases.
    const own = new Set(files.filter((f) => f.data.region === city!.id).map((f) => `/cases/${f.slug}/`));
    const links = await page
      .locator('.compare-table .compare-figure > a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')!.split('#')[0]!));
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !own.has(l))).toEqual([]);
    await cell.getByRole('link', { name: new RegExp(district.name) }).click();
    await expect(page).toHaveURL(`/compare/?a=${city!.id}&b=${district.id}`);
    await expect(page.locator('.compare-table thead th')).toHaveCount(2);
  });
});

/** A two-character word that begins the titles of two or more cases' regions … or stands in several titles. */
function commonTitleWord(): string {
  const titles = cases.map((c) => c.title);
  for (const title of titles) {
    for (let i = 0; i + 2 <= title.length; i++) {
      const w = title.slice(i, i + 2);
      if (
        /^\p{Script=Han}{2}$/u.test(w) &&
        titles.filter((t) => t.includes(w)).length >= 2 &&
        !loadRegions().some((r) => r.name.includes(w))
      )
        return w;
    }
  }
  throw new Error('content/ has no word shared by two case titles');
}
