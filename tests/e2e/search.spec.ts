/**
 * Search on the built site, through the real UI (the search page and the quick dialog):
 * a query table drawn from the case texts, every measure name and alias, filters and URL
 * state, highlighting on the target page, lazy loading, and random substrings of every
 * case body. Playwright serves the plain fixture site (tests/helpers/sites.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import { HAN, isHan } from '../../src/lib/text/han.ts';
import { readThemes } from '../helpers/content.ts';
import { MAX_QUERY_CHARS, MAX_TITLE_CHARS } from '../../src/lib/search/query/bounds.ts';
import { readFragment, writeFragment } from '../../src/lib/search/pagefind/files.ts';
import { answerPath } from '../../src/lib/search/index/answers.ts';
import { PHRASES_FILE, type PhrasesFile } from '../../src/lib/search/index/phrases.ts';
import { sitePaths } from '../helpers/fixtureSites.ts';
import { plainSite } from '../helpers/sites.ts';
import {
  casesContaining,
  measures,
  random,
  readCases,
  readSearchPage,
  searchPage,
  typeQuery,
  searchTest as test,
  waitForResults,
  type Shown,
} from './search-helpers.ts';

const cases = readCases();
const themes = readThemes();
/** Results on the first search page (PAGE in src/components/search/client/page.ts). */
const SEARCH_PAGE_SIZE = 20;
const caseSlugs = (s: Shown['main']) => s.filter((h) => h.type === 'case').map((h) => h.path.replace(/^cases\//, ''));
/** Any case of the casebook, for what every case page does. */
const ANY_CASE = cases[0]!.slug;

/** The oracle: the cases whose text holds `q` literally are the first results. */
function expectLiteralFirst(shown: Shown, q: string): void {
  const literal = casesContaining(cases, q);
  expect(caseSlugs(shown.main).slice(0, literal.length).sort()).toEqual(literal.sort());
}

interface Row {
  q: string;
  /** Cases that must be among the results (literal matches first where `first`). */
  must?: string[];
  /** Cases that must not be among the results (Pagefind's over-matches). */
  not?: string[];
  /** These cases are the first results, in any order. */
  first?: string[];
  /** Nothing contains the query whole: related results instead. */
  fallback?: boolean;
  /** Nothing at all (no results, no related). */
  none?: boolean;
  /** Measure hint expected. */
  hint?: string;
  why: string;
}

const ZZ = 'zhengzhou-2022-biaozhunhua';
const SANTIAO = 'zhengzhou-2023-santiao';
const ERQI = 'zhengzhou-erqi-2022';
const JINSHUI = 'zhengzhou-jinshui-2022-biaozhunhua';
const SHANGJIE = 'zhengzhou-shangjie-2025';
const LUOYANG = 'luoyang-2022-biaozhunhua';
const KAIFENG = 'kaifeng-renshe-2022-biaozhunhua';
const SHANGQIU = 'shangqiu-2024-kuoyou-tizhi';
const ZHOUKOU = 'zhoukou-2024-kuoyou-tizhi';
const ZHUMADIAN = 'zhumadian-2024-kuoyou-tizhi';
const XGXP = [KAIFENG, LUOYANG, SHANGQIU, ZHOUKOU, ZHUMADIAN];
/**
 * The cases the table was written for: the frozen casebook (tests/fixtures/casebook), which the
 * table searches, so that editors' changes to content/ never break it. Rankings are compared
 * among these only (the frozen site also holds a hostile copy of one of them); the literal-match
 * oracle below covers every case of the site.
 */
const TABLE_CASES = new Set([ZZ, SANTIAO, ERQI, JINSHUI, SHANGJIE, LUOYANG, KAIFENG, SHANGQIU, ZHOUKOU, ZHUMADIAN]);
const tableCases = (slugs: string[]) => slugs.filter((s) => TABLE_CASES.has(s));

const table: Row[] = [
  {
    q: '县管校聘',
    must: XGXP,
    first: XGXP,
    not: [JINSHUI, SANTIAO],
    hint: 'county-managed-teachers',
    why: 'measure name; Pagefind alone also returns 金水 and 三标 (县…管…校…聘)',
  },
  {
    q: '官方带娃',
    first: [ZZ, SANTIAO, ERQI],
    must: [LUOYANG, SHANGJIE],
    hint: 'after-school-services',
    why: 'alias: literal pages first, then 课后服务 cases',
  },
  {
    q: '教师轮岗',
    must: [KAIFENG, SHANGQIU, ERQI, JINSHUI],
    hint: 'teacher-rotation',
    why: 'alias in no text → 教师交流轮岗/交流轮岗 and the tagged cases',
  },
  {
    q: '减负',
    first: [ERQI, ZHUMADIAN],
    hint: 'double-reduction',
    why: 'Pagefind: 6 hits, 3 true; literal first, the rest only via the 双减 alias',
  },
  {
    q: '郑州市教育局',
    first: [ZZ, SANTIAO],
    must: [ZZ, SANTIAO],
    not: [JINSHUI, SHANGJIE, ERQI, LUOYANG],
    why: 'reporting body; 郑州市…教育局 pages are not results',
  },
  {
    q: '"团化"',
    must: [SHANGQIU, ZZ, SANTIAO, ERQI, JINSHUI, SHANGJIE, ZHOUKOU, ZHUMADIAN],
    not: [LUOYANG, KAIFENG],
    why: 'quoted fragment starting mid-word (Pagefind: 0)',
  },
  {
    q: '团化',
    must: [SHANGQIU, ZZ, SANTIAO, ERQI, JINSHUI, SHANGJIE, ZHOUKOU, ZHUMADIAN],
    not: [LUOYANG, KAIFENG],
    why: '2-character fragment',
  },
  {
    q: '县管校聘改革',
    first: [LUOYANG, KAIFENG, ZHUMADIAN],
    not: [JINSHUI, SANTIAO],
    hint: 'county-managed-teachers',
    why: '“县管校聘”改革 in the text: quotation marks ignored',
  },
  {
    q: '县管校聘制度',
    fallback: true,
    must: XGXP,
    hint: 'county-managed-teachers',
    why: 'longer phrase in no text → its longest piece',
  },
  { q: '郑州 二七', must: [ERQI], not: [SHANGJIE, ZZ], why: 'two words: AND (Pagefind matches 二 and 七 anywhere)' },
  { q: '1980个学位', fallback: true, first: [SHANGJIE], why: 'number + unit + noun, text says 学位1980个' },
  { q: '1980 个学位', fallback: true, first: [SHANGJIE], why: 'same with a space' },
  { q: '１９８０个', must: [SHANGJIE], first: [SHANGJIE], why: 'full-width digits' },
  { q: '1454所', must: [LUOYANG], first: [LUOYANG], why: 'number with unit' },
  { q: '23.59亿元', must: [ERQI], first: [ERQI], why: 'decimal number' },
  { q: '4.34万个', must: [ERQI], first: [ERQI], why: 'decimal with 万' },
  { q: '雙減', must: [LUOYANG, ZZ, SANTIAO, ERQI, SHANGJIE], hint: 'double-reduction', why: 'traditional characters' },
  { q: '縣管校聘', must: XGXP, first: XGXP, hint: 'county-managed-teachers', why: 'traditional characters' },
  { q: '5+2', must: [LUOYANG, JINSHUI], hint: 'after-school-services', why: 'alias with symbols' },
  { q: '名校+', must: [ZHOUKOU], first: [ZHOUKOU], hint: 'group-schooling', why: 'alias with a symbol' },
  { q: '营转非', must: [ZZ], first: [ZZ], hint: 'tutoring-governance', why: 'alias' },
  { q: '专递课堂', must: [ZHOUKOU], first: [ZHOUKOU], hint: 'smart-education', why: 'alias' },
  { q: '公民同招', first: [SHANGQIU, ZZ], hint: 'admissions', why: 'alias' },
  { q: '钱学森', must: [SHANGJIE], first: [SHANGJIE], why: 'a name in the text' },
  { q: '万蕊雪', must: [SHANGJIE], first: [SHANGJIE], why: 'a person' },
  { q: '黄河泥埙', must: [SHANGJIE], first: [SHANGJIE], why: 'rare characters' },
  { q: '栾川县', must: [LUOYANG], first: [LUOYANG], why: 'county name' },
  { q: '驻马店', must: [ZHUMADIAN], first: [ZHUMADIAN], why: 'city name' },
  { q: '商丘', must: [SHANGQIU], first: [SHANGQIU], why: 'city name, 2 characters' },
  { q: '上街', must: [SHANGJIE], first: [SHANGJIE], why: 'district, 2 characters' },
  { q: '开封市人力资源和社会保障局', must: [KAIFENG], first: [KAIFENG], why: 'reporting body, 13 characters' },
  { q: '郑州市上街区教育局', must: [SHANGJIE], first: [SHANGJIE], why: 'reporting body' },
  { q: '省长杯', must: [LUOYANG, ERQI], why: 'in two cases' },
  { q: '民生卷', must: [ERQI], first: [ERQI], why: 'title word' },
  { q: '大班额', must: [ZZ, ZHUMADIAN], hint: 'school-places', why: 'alias' },
  { q: '普惠率', must: [SANTIAO, SHANGJIE], hint: 'public-kindergartens', why: 'alias' },
  { q: '课后服务 暑期托管', must: [LUOYANG], first: [LUOYANG], why: 'two measure terms: AND' },
  { q: '中小学教师', must: [KAIFENG, SHANGQIU, ZZ, SHANGJIE], why: '5 characters' },
  { q: '化覆盖率', must: [SHANGJIE], first: [SHANGJIE], why: 'fragment starting mid-word (集团化覆盖率)' },
  { q: '量子计算', none: true, why: 'in no text (Pagefind: 2 pages about neither)' },
  { q: '区块链', none: true, why: 'in no text' },
  { q: '北京市海淀区', none: true, why: 'place not in the casebook' },
];

test.describe('query table (search page, the frozen casebook)', () => {
  for (const row of table) {
    test(`${row.q} — ${row.why}`, async ({ frozen: { tab: page, cases } }) => {
      const shown = await typeQuery(page, row.q);
      const found = caseSlugs(shown.main);
      if (row.none) {
        expect(shown.main, 'no results').toEqual([]);
        expect(shown.related, 'no related results').toEqual([]);
        await expect(page.locator('[data-search-page] [data-search-status]')).toContainText(row.q);
        return;
      }
      expect(shown.fallback, 'falls back to pieces').toBe(!!row.fallback);
      for (const slug of row.must ?? []) expect(found, `${slug} must be found`).toContain(slug);
      for (const slug of row.not ?? []) expect(found, `${slug} must not be a result`).not.toContain(slug);
      if (row.first)
        expect(tableCases(found).slice(0, row.first.length).sort(), 'first results').toEqual([...row.first].sort());
      if (row.hint) expect(shown.hints, 'measure hint').toContain(`measures/${row.hint}`);
      if (!row.fallback) {
        // The oracle: every case whose text contains every word is found, and ranked above the rest.
        const literal = casesContaining(cases, row.q);
        for (const slug of literal) expect(found, `${slug} contains “${row.q}”`).toContain(slug);
        expect(found.slice(0, literal.length).sort()).toEqual(literal.sort());
      }
      // Cases rank first.
      const firstOther = shown.main.findIndex((h) => h.type !== 'case');
      if (firstOther >= 0)
        expect(
          shown.main.slice(firstOther).every((h) => h.type !== 'case'),
          'cases before other pages',
        ).toBe(true);
    });
  }
});

test.describe('every measure name and alias', () => {
  for (const m of measures) {
    test(`${m.name} (${m.aliases.length} aliases)`, async ({ searchTab: page }) => {
      const tagged = cases.filter((c) => c.measures.includes(m.id)).map((c) => c.slug);
      for (const q of [m.name, ...m.aliases]) {
        const shown = await typeQuery(page, q);
        const found = caseSlugs(shown.main);
        expect(shown.hints, `${q}: hint`).toContain(`measures/${m.id}`);
        expect(
          shown.main.map((h) => h.path),
          `${q}: the measure page`,
        ).toContain(`measures/${m.id}`);
        for (const slug of tagged) expect(found, `${q}: tagged case ${slug}`).toContain(slug);
        for (const slug of casesContaining(cases, q)) expect(found, `${q}: ${slug} contains it`).toContain(slug);
      }
    });
  }
});

/** Random 2–8-character Chinese strings of each case's body must find the case on the first page. */
test.describe('random substrings of every case body', () => {
  for (const c of cases) {
    test(c.slug, async ({ searchTab: page }) => {
      const rnd = random([...c.slug].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) | 0, 7));
      const runs = c.body.match(new RegExp(`${HAN}{2,}`, 'gu')) ?? [];
      const misses: string[] = [];
      for (let i = 0; i < 20; i++) {
        const run = [...runs[Math.floor(rnd() * runs.length)]!];
        const len = Math.min(run.length, 2 + Math.floor(rnd() * 7));
        const at = Math.floor(rnd() * (run.length - len + 1));
        const q = run.slice(at, at + len).join('');
        const shown = await typeQuery(page, q);
        if (!shown.main.slice(0, 20).some((h) => h.path === `cases/${c.slug}`)) misses.push(q);
      }
      expect(misses).toEqual([]);
    });
  }
});

test.describe('filters and URL state', () => {
  test('/search/?q=… restores and runs the query', async ({ page }) => {
    const shown = await searchPage(page, '县管校聘');
    await expect(page.locator('[data-search-page-input]')).toHaveValue('县管校聘');
    expectLiteralFirst(shown, '县管校聘');
  });

  test('a filter narrows the results, counts are shown, the URL restores the state', async ({ page }) => {
    const all = await searchPage(page, '课后服务');
    await page.locator('fieldset[data-facet="year"] input[value="2022"]').check();
    await waitForResults(page, '课后服务');
    await expect(page).toHaveURL(/[?&]year=2022/);
    const y2022 = caseSlugs((await readSearchPage(page)).main);
    expect(y2022.length).toBeGreaterThan(0);
    expect(y2022.length).toBeLessThan(caseSlugs(all.main).length);
    // Exactly the cases dated 2022 that mention 课后服务 (or are tagged with it).
    const expected2022 = caseSlugs(all.main).filter((slug) =>
      cases.find((c) => c.slug === slug)!.date.startsWith('2022'),
    );
    expect([...y2022].sort()).toEqual([...expected2022].sort());
    const count2024 = page.locator('fieldset[data-facet="year"] label:has(input[value="2024"]) [data-count]');
    await expect(count2024).not.toHaveText('0');
    // Share the URL: a fresh page restores query, filter and results.
    const url = page.url();
    const fresh = await page.context().newPage();
    await fresh.goto(url);
    await waitForResults(fresh, '课后服务');
    await expect(fresh.locator('[data-search-page-input]')).toHaveValue('课后服务');
    await expect(fresh.locator('fieldset[data-facet="year"] input[value="2022"]')).toBeChecked();
    expect(caseSlugs((await readSearchPage(fresh)).main)).toEqual(y2022);
  });

  test('on a phone: options without results folded behind 显示全部, 查看 N 条结果 closes the filters and moves to the results', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await searchPage(page, '县管校聘');
    const panel = page.locator('[data-search-filters]');
    await expect(panel).not.toHaveAttribute('open');
    await panel.locator('summary').click();
    // The counts are computed when the filters open; the measures no result has are folded.
    const measureFacet = panel.locator('fieldset[data-facet="measure"]');
    await expect(measureFacet.locator('li[data-count]:not([data-count=""])')).toHaveCount(
      await measureFacet.locator('li').count(),
    );
    const empty = await measureFacet.locator('li[data-count="0"]').all();
    expect(empty.length, 'a measure no 县管校聘 result has').toBeGreaterThan(0);
    for (const li of empty) await expect(li).toBeHidden();
    for (const li of await measureFacet.locator('li:not([data-count="0"])').all()) await expect(li).toBeVisible();
    const showAll = measureFacet.locator('[data-show-all]');
    await expect(showAll).toContainText(String(empty.length));
    await showAll.click();
    await expect(showAll).toHaveAttribute('aria-expanded', 'true');
    for (const li of empty) await expect(li).toBeVisible();
    // Every option is a target of at least 24 × 24 px.
    const box = await measureFacet.locator('label').first().boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(24);
    const status = await page.locator('[data-search-page] [data-search-status]').textContent();
    const total = /共(\d+)/.exec(status ?? '')![1]!;
    const apply = panel.locator('[data-search-apply]');
    await expect(apply).toHaveText(`查看${total}条结果`);
    await apply.click();
    await expect(panel).not.toHaveAttribute('open');
    await expect(page.locator('#search-results-heading')).toBeFocused();
  });

  test('a known term is answered from its answer file, before the index is loaded', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.setViewportSize({ width: 390, height: 844 });
    const shown = await searchPage(page, '县管校聘');
    expectLiteralFirst(shown, '县管校聘');
    const before = [...requests];
    expect(before.filter((u) => u.startsWith('/search-answers/'))).toHaveLength(1);
    expect(before.filter((u) => /\.pf_(index|fragment)$/.test(u))).toEqual([]);
    // Then what the next search needs loads.
    await expect.poll(() => requests.some((u) => u.endsWith('.pf_meta'))).toBe(true);
  });

  test('a frequent phrase of the casebook (not a known term) is answered from its file too', async ({ page }) => {
    // The phrases this build mined (phrases.ts), the first that has an answer.
    const { dist } = sitePaths(plainSite);
    const { phrases } = JSON.parse(readFileSync(join(dist, PHRASES_FILE), 'utf8')) as PhrasesFile;
    const phrase = phrases.find((p) => existsSync(join(dist, answerPath(p))));
    expect(phrase, 'a phrase with an answer').toBeDefined();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    const shown = await searchPage(page, phrase!);
    expect(shown.main.length).toBeGreaterThan(0);
    expect(requests.filter((u) => u.startsWith('/search-answers/'))).toEqual([`/${answerPath(phrase!)}`]);
    expect(requests.filter((u) => /\.pf_(index|fragment)$/.test(u))).toEqual([]);
  });

  test('browse by filter with an empty query', async ({ page }) => {
    await page.goto(`search/?measure=${encodeURIComponent('县管校聘')}`);
    await waitForResults(page, '');
    const shown = await readSearchPage(page);
    const tagged = cases.filter((c) => c.measures.includes('county-managed-teachers'));
    expect(caseSlugs(shown.main).sort()).toEqual(tagged.map((c) => c.slug).sort());
    await expect(page.locator('[data-search-page] [data-search-status]')).toHaveText(
      new RegExp(`(^|\\D)${tagged.length}(\\D|$)`),
    );
    // Adding a city narrows (AND across facets).
    await page.locator('fieldset[data-facet="city"] label', { hasText: '洛阳市' }).locator('input').check();
    await waitForResults(page, '');
    // 洛阳市 is GB/T 2260 code 4103.
    expect(caseSlugs((await readSearchPage(page)).main).sort()).toEqual(
      tagged
        .filter((c) => c.region.startsWith('4103'))
        .map((c) => c.slug)
        .sort(),
    );
    await expect(page).toHaveURL(/measure=.*city=/);
  });

  test('browse by page type lists undated pages too (measures, themes)', async ({ page }) => {
    await page.goto('search/?type=measure');
    await waitForResults(page, '');
    const measurePages = await readSearchPage(page);
    expect(measurePages.main.length).toBe(Math.min(measures.length, SEARCH_PAGE_SIZE));
    expect(measurePages.main.every((h) => h.path.startsWith('measures/'))).toBe(true);
    await expect(page.locator('[data-search-page] [data-search-status]')).toContainText(String(measures.length));
    await expect(page.locator('[data-search-page] [data-search-status]')).not.toContainText('案例');
    await page.goto('search/?type=theme&type=case');
    await waitForResults(page, '');
    const mixed = await readSearchPage(page);
    // Themes and cases only, counted in full; the first page shows as many as fit.
    await expect(page.locator('[data-search-page] [data-search-status]')).toContainText(
      String(themes.length + cases.length),
    );
    expect(mixed.main.every((h) => h.path.startsWith('themes/') || h.path.startsWith('cases/'))).toBe(true);
    expect(mixed.main.length).toBe(Math.min(themes.length + cases.length, SEARCH_PAGE_SIZE));
    if (themes.length + cases.length <= SEARCH_PAGE_SIZE) {
      expect(mixed.main.filter((h) => h.path.startsWith('themes/'))).toHaveLength(themes.length);
      expect(mixed.main.filter((h) => h.path.startsWith('cases/'))).toHaveLength(cases.length);
    }
  });

  test('query typed on the page updates the URL; back/forward restore', async ({ page }) => {
    await page.goto('search/');
    await typeQuery(page, '县管校聘');
    await expect(page).toHaveURL(/q=%E5%8E%BF%E7%AE%A1%E6%A0%A1%E8%81%98/);
    await typeQuery(page, '钱学森');
    await page.goBack();
    await waitForResults(page, '县管校聘');
    await expect(page.locator('[data-search-page-input]')).toHaveValue('县管校聘');
  });

  test('sort by date', async ({ page }) => {
    await searchPage(page, '集团化', '&sort=date');
    const dates = await page
      .locator('[data-search-page] [data-search-results] > li[data-type="case"] .search-hit-meta')
      .allTextContents();
    const years = dates.map((d) => Number(/(\d{4})年/.exec(d)?.[1]));
    expect(years.length).toBeGreaterThan(3);
    expect(years).toEqual([...years].sort((a, b) => b - a));
  });
});

test.describe('results', () => {
  test('title, region · body · date, excerpt with the term marked, measure chips', async ({
    frozen: { tab: page },
  }) => {
    await typeQuery(page, '钱学森');
    const hit = page.locator('[data-search-page] [data-search-results] > li').first();
    await expect(hit.locator('.search-hit-title')).toContainText('上街区');
    await expect(hit.locator('.search-hit-meta')).toHaveText('郑州市上街区 · 郑州市上街区教育局 · 2025年10月11日');
    await expect(hit.locator('.search-hit-excerpt mark').first()).toHaveText('钱学森');
    await expect(hit.locator('.search-chips a').first()).toHaveAttribute('href', /\/measures\//);
  });

  test('the result link highlights the terms on the case page', async ({ page }) => {
    await searchPage(page, '县管校聘');
    await page.locator('[data-search-page] [data-search-results] a[data-hit-link]').first().click();
    await expect(page).toHaveURL(/\/cases\/.+\?hl=/);
    const marks = page.locator('[data-pagefind-body] mark[data-search-highlight]');
    await expect(marks.first()).toHaveText('县管校聘');
    expect(await marks.count()).toBeGreaterThan(1);
  });

  test('an alias result highlights the alias found', async ({ page, frozen }) => {
    await page.goto(`${frozen.url}cases/${LUOYANG}/?hl=${encodeURIComponent('课后服务')}`);
    await expect(page.locator('[data-pagefind-body] mark[data-search-highlight]').first()).toHaveText('课后服务');
  });

  test('related results are listed apart from the results', async ({ frozen: { tab: page } }) => {
    const shown = await typeQuery(page, '郑州市教育局');
    await expect(page.locator('[data-search-related]')).toBeVisible();
    expect(caseSlugs(shown.related)).toEqual(expect.arrayContaining([JINSHUI]));
    expect(caseSlugs(shown.main)).not.toContain(JINSHUI);
  });

  test('the result count is announced (aria-live) and the page does not shift', async ({ page }) => {
    await page.goto(`search/?q=${encodeURIComponent('县管校聘')}`);
    await waitForResults(page, '县管校聘');
    const status = page.locator('[data-search-page] [data-search-status]');
    await expect(status).toHaveAttribute('aria-live', 'polite');
    await expect(status).toHaveText(/\d+/);
    const cls = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let sum = 0;
          new PerformanceObserver((list) => {
            for (const e of list.getEntries() as Array<PerformanceEntry & { value: number; hadRecentInput: boolean }>)
              if (!e.hadRecentInput) sum += e.value;
          }).observe({ type: 'layout-shift', buffered: true });
          setTimeout(() => resolve(sum), 300);
        }),
    );
    expect(cls).toBeLessThan(0.1);
  });
});

test.describe('hostile input', () => {
  test('a result with a 20,000-character title shows a bounded title; a 100,000-character query is cut, with a note', async ({
    page,
  }) => {
    const long = '教育优质均衡发展综合改革'.repeat(2000);
    // Every page read has a 20,000-character title (as a case file without a length limit could give it).
    await page.route('**/*.pf_fragment', async (route) => {
      const fragment = readFragment(await (await route.fetch()).body());
      fragment.meta = { ...fragment.meta, title: long };
      fragment.content = `${long} ${fragment.content}`;
      await route.fulfill({ body: writeFragment(JSON.stringify(fragment)) });
    });
    // Searched in the index, so that the pages are read.
    await page.route('**/search-answers/**', (route) => route.fulfill({ status: 404, body: '' }));
    const shown = await searchPage(page, '县管校聘');
    expect(shown.main.length).toBeGreaterThan(0);
    for (const title of await page.locator('main .search-hit-title a').allTextContents())
      expect(Array.from(title).length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
    const input = page.locator('[data-search-page-input]');
    await input.fill('县管校聘'.repeat(25_000));
    const cut = '县管校聘'.repeat(25_000).slice(0, MAX_QUERY_CHARS);
    await waitForResults(page, cut);
    await expect(page.locator('[data-search-page] [data-search-notice]')).toContainText(
      `检索词过长，只按前${MAX_QUERY_CHARS}个字检索。`,
    );
    expect(new URL(page.url()).searchParams.get('q')).toBe(cut);
  });
});

test.describe('accessibility with results', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`results page and open dialog have no WCAG 2.1 AA violations (${scheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await searchPage(page, '郑州市教育局', '&year=2022');
      const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
      const onPage = await new AxeBuilder({ page }).withTags(tags).analyze();
      expect(onPage.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
      await page.goto(`cases/${ANY_CASE}/`);
      await page.keyboard.press('Control+k');
      await page.keyboard.type('官方带娃');
      await expect(page.locator('#search-dialog [data-search-results]')).toHaveAttribute('data-state', 'done');
      const inDialog = await new AxeBuilder({ page }).include('#search-dialog').withTags(tags).analyze();
      expect(inDialog.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
    });
  }
});

test.describe('quick-search dialog', () => {
  test('no search JS on a case page until the dialog opens', async ({ page }) => {
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`cases/${ANY_CASE}/`);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((u) => /pagefind|search-terms|dialog\./.test(u))).toEqual([]);
    await page.keyboard.press('Control+k');
    await expect(page.locator('#search-dialog')).toBeVisible();
    await expect.poll(() => requests.some((u) => u.includes('/pagefind/pagefind.js'))).toBe(true);
  });

  test('the dialog reads only the results it shows', async ({ page }) => {
    // The two characters found in the most case texts: a query with more results than the dialog lists.
    const pairs = new Map<string, number>();
    for (const c of cases) {
      const seen = new Set<string>();
      const chars = [...c.norm];
      chars.forEach((ch, i) => void (isHan(ch) && isHan(chars[i + 1]) && seen.add(ch + chars[i + 1])));
      for (const p of seen) pairs.set(p, (pairs.get(p) ?? 0) + 1);
    }
    const [query] = [...pairs].sort((a, b) => b[1] - a[1])[0]!;
    const fragments: string[] = [];
    page.on('request', (r) => void (r.url().endsWith('.pf_fragment') && fragments.push(r.url())));
    await page.goto(`cases/${ANY_CASE}/`);
    await page.keyboard.press('Control+k');
    await page.locator('#search-dialog input[type="search"]').fill(query);
    const results = page.locator('#search-dialog [data-search-results]');
    await expect(results).toHaveAttribute('data-query', query);
    await expect(results).toHaveAttribute('data-state', 'done');
    const shown = await results.locator('a[data-hit-link]').count();
    expect(shown).toBeGreaterThan(0);
    expect(fragments.length, `${query}: ${fragments.length} pages read for ${shown} shown`).toBeLessThanOrEqual(shown);
  });

  test('Ctrl+K opens with focus in the box, results appear, arrows move, Tab stays inside, Esc closes and restores focus', async ({
    page,
  }) => {
    await page.goto(`cases/${ANY_CASE}/`);
    const opener = page.locator('header nav a').first();
    await opener.focus();
    await page.keyboard.press('Control+k');
    const dialog = page.locator('#search-dialog');
    const input = dialog.locator('input[type="search"]');
    await expect(dialog).toBeVisible();
    await expect(input).toBeFocused();
    await page.keyboard.type('官方带娃');
    const results = dialog.locator('[data-search-results]');
    await expect(results).toHaveAttribute('data-state', 'done');
    await expect(results).toHaveAttribute('data-query', '官方带娃');
    await expect(dialog.locator('[data-search-status]')).toHaveText(/\d+/);
    await expect(dialog.locator('.search-hint a').first()).toHaveText('课后服务');
    // The hint (the measure page) comes first, then the results.
    const firstHit = results.locator('a[data-hit-link]').first();
    await expect(firstHit).toContainText(/./);
    await page.keyboard.press('ArrowDown');
    await expect(firstHit).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(input).toBeFocused();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect(
        await page.evaluate(() => !!document.activeElement?.closest('#search-dialog')),
        `Tab ${i} stays in the dialog`,
      ).toBe(true);
    }
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('#search-dialog'))).toBe(true);
    // One Esc closes, even from the box with text in it.
    await input.focus();
    await expect(input).toHaveValue('官方带娃');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
  });

  test('`/` opens the dialog, but not while typing in a field; the header button opens it', async ({ page }) => {
    await page.goto('');
    const dialog = page.locator('#search-dialog');
    const homeBox = page.locator('main input[type="search"]').first();
    if (await homeBox.count()) {
      await homeBox.focus();
      await page.keyboard.type('a/b');
      await expect(dialog).toBeHidden();
      await expect(homeBox).toHaveValue('a/b');
      await homeBox.blur();
    }
    await page.locator('body').press('/');
    await expect(dialog).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    const button = page.locator('[data-search-open]');
    await button.click();
    await expect(dialog).toBeVisible();
    await expect(dialog.locator('input[type="search"]')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(button).toBeFocused();
  });

  test('Enter goes to the full search page with the query; a result opens its page', async ({ page, frozen }) => {
    await page.goto(`${frozen.url}cases/${LUOYANG}/`);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('钱学森');
    const results = page.locator('#search-dialog [data-search-results]');
    await expect(results).toHaveAttribute('data-query', '钱学森');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/cases/${SHANGJIE}/\\?hl=`));
    await expect(page.locator('mark[data-search-highlight]').first()).toHaveText('钱学森');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('县管校聘');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\/\?q=%E5%8E%BF%E7%AE%A1%E6%A0%A1%E8%81%98/);
    await waitForResults(page, '县管校聘');
  });

  test('Ctrl+K on the search page focuses its own box', async ({ page }) => {
    await page.goto('search/?q=x');
    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    await expect(page.locator('[data-search-page-input]')).toBeFocused();
    await expect(page.locator('#search-dialog')).toBeHidden();
  });
});
