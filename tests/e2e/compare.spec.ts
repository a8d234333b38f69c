// Comparison by metric on measure pages (sorting, with and without scripts), the phone layout, and
// /compare/ reached from a case page and shared by URL. Expectations derive from content/.
import { expect, test, type Page } from '@playwright/test';
import { contentCases, metricKey, metricNames } from '../helpers/contentFigures.ts';

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

  test('opens from a case page, adds a second case, and the URL reproduces the view', async ({ page, browser }) => {
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

    const second = page.getByRole('combobox', { name: '第2项' });
    await second.focus();
    const option = await page
      .locator(`#compare-options option`)
      .evaluateAll(
        (opts, title) => opts.map((o) => (o as HTMLOptionElement).value).find((v) => v.startsWith(`${title}（`)),
        b.title,
      );
    expect(option).toBeTruthy();
    await second.fill(option!);
    await page.getByRole('button', { name: '对比' }).click();
    await expect(page).toHaveURL(new RegExp(`\\?a=${a.id}&b=${b.id}$`));
    await expect(table.locator('thead th')).toHaveCount(2);

    // A fresh visitor with the shared URL sees the same two columns, the shared metric aligned.
    const other = await browser.newPage();
    await other.goto(page.url());
    const shared = other.locator('.compare-table');
    await expect(shared.locator('thead th').nth(1)).toContainText(b.title);
    const name = names.get(metric)!;
    const head = shared.locator('tr.row-head', { hasText: name });
    await expect(head).toHaveCount(1);
    const cells = head.locator('xpath=following-sibling::tr[1]/td');
    await expect(cells).toHaveCount(2);
    for (const cell of await cells.all()) await expect(cell.locator('.compare-figure').first()).toBeVisible();
    await other.close();
  });

  test('a region can be compared too, and a wrong name is reported', async ({ page }) => {
    await page.goto('/compare/');
    const first = page.getByRole('combobox', { name: '第1项' });
    await first.fill('不存在的地方');
    await page.getByRole('button', { name: '对比' }).click();
    await expect(page.getByRole('status')).toContainText('不存在的地方');
    await first.focus();
    const region = await page
      .locator('#compare-options option')
      .evaluateAll((opts) => opts.map((o) => (o as HTMLOptionElement).value).find((v) => v.includes('（地区，')));
    await first.fill(region!);
    await page.getByRole('button', { name: '对比' }).click();
    await expect(page).toHaveURL(/\?a=\d{6}$/);
    await expect(page.locator('.compare-table thead th')).toHaveCount(1);
    await expect(page.locator('.compare-table')).toContainText('案例数');
  });
});
