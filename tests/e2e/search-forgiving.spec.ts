/**
 * Search that forgives, through the real UI on the built site: input methods (a composition
 * driven through the Chrome DevTools Protocol never searches), pinyin and initials, typos
 * and homophone typos (did-you-mean), questions, traditional characters, mixed input; clean
 * excerpts; several values of one filter said as "any of". One row per class of input (the
 * tables run through the engine in unit tests). Every row's expected cases are
 * derived from content/ (the cases' text and regions, the taxonomy), with pinyin-pro and
 * opencc-js as independent oracles for readings and traditional forms.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { parse } from 'yaml';
import { expect, type Page } from '@playwright/test';
import { DIALOG_RESULTS } from '../../src/data/limits.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';
import { loadRegions } from '../../src/lib/content/loadRegions.ts';
import { normalize } from '../../src/lib/search/query/normalize.ts';
import {
  casesContaining,
  measures,
  readCases,
  readSearchPage,
  typeQuery,
  searchTest as test,
  waitForResults,
  type Shown,
} from './search-helpers.ts';

const root = join(import.meta.dirname, '../..');
const cases = readCases();
const regions = loadRegions(root);
/** Region code of each case (front matter). */
const regionOf = new Map(
  cases.map((c) => {
    const fm = readFileSync(join(root, 'content/cases', `${c.slug}.mdx`), 'utf8').split(/^---\s*$/m)[1] ?? '';
    return [c.slug, regions.find((r) => r.id === String((parse(fm) as { region: string }).region))!];
  }),
);
const caseSlugs = (s: Shown['main']) => s.filter((h) => h.type === 'case').map((h) => h.path.replace(/^cases\//, ''));
const fill = (key: keyof typeof zhCN, params: Record<string, string>) =>
  zhCN[key].replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');

const normalizeText = (text: string) => normalize(text, { compact: true });
const reading = (term: string) => pinyin(term, { toneType: 'none', type: 'array', v: true });
const initialsOf = (term: string) =>
  reading(term)
    .map((s) => s[0])
    .join('');
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

/** Measure names found literally in some case, with those cases: the terms the tables are made of. */
const found = measures
  .map((m) => ({ m, literal: casesContaining(cases, m.name) }))
  .filter((x) => x.literal.length > 0 && /^[\u4e00-\u9fff]+$/.test(x.m.name));

/** Every name people search for (measure names and aliases, regions): an initials row must be unambiguous among them. */
const allNames = [...measures.flatMap((m) => [m.name, ...m.aliases]), ...regions.map((r) => r.name)].filter((n) =>
  /^[\u4e00-\u9fff]+$/.test(n),
);
const uniqueInitials = (name: string) =>
  allNames.filter((n) => n !== name && initialsOf(n) === initialsOf(name)).length === 0;
const uniqueReading = (name: string) =>
  allNames.filter((n) => n !== name && reading(n).join('') === reading(name).join('')).length === 0;

/**
 * One row per class in the browser: what only the browser shows (the page, its notices and links,
 * the index as built). The whole tables, every measure name through every class, run through the
 * engine in tests/unit/search/query/ (forgive.test.ts, query.test.ts).
 */
const firstRow = <T>(rows: T[]): T[] => rows.slice(0, 1);

/** Reads the notices above the results. */
const notices = (page: Page) => page.locator('[data-search-page] [data-search-notice]').innerText();

/** The literal cases come first, and every one of them is found. */
function expectCasesFirst(shown: Shown, expected: string[], label: string): void {
  const got = caseSlugs(shown.main);
  expect(shown.fallback, `${label}: whole results`).toBe(false);
  for (const slug of expected) expect(got, `${label}: ${slug}`).toContain(slug);
  expect(got.slice(0, expected.length).sort(), `${label}: these first`).toEqual([...expected].sort());
}

test.describe('pinyin: full readings, with and without spaces and tones', () => {
  const rows = found.filter((x) => uniqueReading(x.m.name));
  test('there are rows', () => expect(rows.length).toBeGreaterThan(0));
  for (const { m, literal } of firstRow(rows)) {
    const plain = reading(m.name).join('');
    const spaced = reading(m.name).join(' ');
    const toned = pinyin(m.name, { type: 'array' }).join('');
    test(`${plain} → ${m.name}`, async ({ searchTab: page }) => {
      for (const q of [plain, spaced, toned, plain.toUpperCase()]) {
        const shown = await typeQuery(page, q);
        expectCasesFirst(shown, literal, q);
        expect(await notices(page)).toContain(fill('search.pinyinNote', { typed: q, term: m.name }));
      }
    });
  }
});

test.describe('pinyin initials', () => {
  const rows = found.filter((x) => [...x.m.name].length >= 3 && uniqueInitials(x.m.name));
  test('there are rows', () => expect(rows.length).toBeGreaterThan(0));
  for (const { m, literal } of firstRow(rows)) {
    const q = initialsOf(m.name);
    test(`${q} → ${m.name}`, async ({ searchTab: page }) => {
      expectCasesFirst(await typeQuery(page, q), literal, q);
      expect(await notices(page)).toContain(fill('search.pinyinNote', { typed: q, term: m.name }));
    });
  }
});

/** Replaces character `at` of `term`. */
const replaceAt = (term: string, at: number, ch: string) => [...term].map((c, i) => (i === at ? ch : c)).join('');

/** The common characters (GB 2312 level 1) read `syllable`, other than `not`. */
function homophones(syllable: string, not: string): string[] {
  const decoder = new TextDecoder('gb18030');
  const out: string[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (/^[\u4e00-\u9fff]$/.test(ch) && ch !== not && reading(ch)[0] === syllable) out.push(ch);
    }
  }
  return out;
}

/** A typo row: nothing found as typed, the correction offered first, and following it finds the term's cases. */
async function expectCorrection(page: Page, typo: string, term: string, literal: string[]): Promise<void> {
  const shown = await typeQuery(page, typo);
  expect(casesContaining(cases, typo), `${typo} is in no case`).toEqual([]);
  expect(shown.fallback || shown.main.length === 0, `${typo}: nothing matches whole`).toBe(true);
  const link = page.locator('[data-search-page] [data-search-notice] a[data-search-query]').first();
  await expect(link, `${typo}: did you mean ${term}`).toHaveText(term);
  await link.click();
  await waitForResults(page, term);
  expectCasesFirst(await readSearchPage(page), literal, `${typo} → ${term}`);
  expect(new URL(page.url()).searchParams.get('q')).toBe(term);
}

/**
 * A homophone row: nothing found as typed, and the typo reads as exactly one term, so that term's
 * results are shown at once, with a note and a link that searches what was typed, exactly.
 */
async function expectCorrected(page: Page, typo: string, term: string, literal: string[]): Promise<void> {
  expect(casesContaining(cases, typo), `${typo} is in no case`).toEqual([]);
  expectCasesFirst(await typeQuery(page, typo), literal, `${typo} → ${term}`);
  const notice = page.locator('[data-search-page] [data-search-notice]');
  await expect(notice).toContainText(fill('search.corrected', { to: term }) + zhCN['search.searchInstead'] + typo);
  const typed = notice.locator('a[data-search-query]');
  await expect(typed).toHaveText(typo);
  await typed.click();
  await waitForResults(page, `"${typo}"`);
  const exact = await readSearchPage(page);
  expect(exact.fallback || exact.main.length === 0, `"${typo}": nothing matches whole`).toBe(true);
  await expect(notice).not.toContainText(fill('search.corrected', { to: term }));
}

test.describe('typos: one character wrong', () => {
  const rows = found.filter((x) => [...x.m.name].length >= 4);
  test('there are rows', () => expect(rows.length).toBeGreaterThan(0));
  for (const { m, literal } of firstRow(rows)) {
    // A character that reads differently from the one replaced and occurs in no case.
    const at = 1;
    const typo = replaceAt(m.name, at, '丁');
    test(`${typo} → ${m.name}`, async ({ searchTab: page }) => {
      await expectCorrection(page, typo, m.name, literal);
    });
  }
});

test.describe('homophone typos: the input method picked a character that sounds the same', () => {
  // Three characters or more: a shorter typo may read as a word of the text too (then it is only offered).
  const rows = found
    .filter((x) => uniqueReading(x.m.name) && [...x.m.name].length >= 3)
    .flatMap(({ m, literal }) => {
      const chars = [...m.name];
      // The last character (for 2-character terms the only test is the reading).
      const at = chars.length - 1;
      const typo = homophones(reading(chars[at]!)[0]!, chars[at]!)
        .map((h) => replaceAt(m.name, at, h))
        .find((t) => casesContaining(cases, t).length === 0 && !allNames.includes(t));
      return typo ? [{ m, literal, typo }] : [];
    });
  test('there are rows', () => expect(rows.length).toBeGreaterThan(0));
  for (const { m, literal, typo } of firstRow(rows)) {
    test(`${typo} → ${m.name}`, async ({ searchTab: page }) => {
      await expectCorrected(page, typo, m.name, literal);
    });
  }
});

test.describe('questions: question and filler words are dropped, the terms searched', () => {
  const templates = [
    (t: string) => `哪些地方做了${t}改革？`,
    (t: string) => `怎么开展${t}`,
    (t: string) => `有没有${t}的案例`,
  ];
  const rows = found.flatMap(({ m, literal }, i) => {
    const make = templates[i % templates.length]!;
    return [{ q: make(m.name), m, literal }];
  });
  test('there are rows', () => expect(rows.length).toBeGreaterThan(0));
  for (const { q, m, literal } of firstRow(rows)) {
    test(`${q} → ${m.name}`, async ({ searchTab: page }) => {
      const shown = await typeQuery(page, q);
      // As many cases as the term alone finds literally, listed first.
      expectCasesFirst(shown, literal, q);
      expect(await notices(page)).toContain(zhCN['search.questionNote'].split('{')[0]!);
      expect(await notices(page)).toContain(m.name);
    });
  }

  test('a question with a place: 哪些…，<city>有没有<term>', async ({ searchTab: page }) => {
    const { m, literal } = found[0]!;
    const slug = literal[0]!;
    const city = regionOf.get(slug)!.path[1] ?? regionOf.get(slug)!.name;
    const short = city.replace(/市$/, '');
    const q = `${short}有没有${m.name}的做法？`;
    const expected = literal.filter(
      (s) => regionOf.get(s)!.path.join('').includes(short) || cases.find((c) => c.slug === s)!.norm.includes(short),
    );
    const shown = await typeQuery(page, q);
    expect(caseSlugs(shown.main).slice(0, expected.length).sort()).toEqual(expected.sort());
  });
});

test.describe('traditional characters', () => {
  const rows = found.map((x) => ({ ...x, q: toTraditional(x.m.name) })).filter((x) => x.q !== x.m.name);
  test('there are rows', () => expect(rows.length).toBeGreaterThan(0));
  for (const { q, m, literal } of firstRow(rows)) {
    test(`${q} → ${m.name}`, async ({ searchTab: page }) => {
      expectCasesFirst(await typeQuery(page, q), literal, q);
    });
  }
});

test.describe('mixed input: pinyin words beside Chinese words', () => {
  const rows = found
    .filter((x) => [...x.m.name].length >= 3 && uniqueInitials(x.m.name))
    .map(({ m, literal }) => {
      const region = regionOf.get(literal[0]!)!;
      const city = (region.path[1] ?? region.name).replace(/市$/, '');
      const expected = literal.filter(
        (s) => regionOf.get(s)!.path.join('').includes(city) || cases.find((c) => c.slug === s)!.norm.includes(city),
      );
      return { q: `${initialsOf(m.name)} ${city}`, joined: `${initialsOf(m.name)}${city}`, m, expected };
    });
  test('there are rows', () => expect(rows.length).toBeGreaterThan(0));
  for (const { q, joined, m, expected } of firstRow(rows)) {
    test(`${q} → ${m.name}`, async ({ searchTab: page }) => {
      for (const query of [q, joined]) {
        const shown = await typeQuery(page, query);
        expectCasesFirst(shown, expected, query);
        expect(await notices(page)).toContain(fill('search.pinyinNote', { typed: initialsOf(m.name), term: m.name }));
      }
    });
  }
});

test.describe('input methods', () => {
  /** Records every state and status the results show, from now on. */
  async function record(page: Page, scope: string): Promise<void> {
    await page.evaluate((sel) => {
      const w = window as unknown as { seen: string[] };
      w.seen = [];
      const box = document.querySelector<HTMLElement>(`${sel} [data-search-results]`)!;
      const status = document.querySelector<HTMLElement>(`${sel} [data-search-status]`)!;
      const note = () =>
        w.seen.push(`${box.dataset['state']}|${box.dataset['query'] ?? ''}|${status.textContent ?? ''}`);
      new MutationObserver(note).observe(box, { attributes: true, childList: true, subtree: true });
      new MutationObserver(note).observe(status, { childList: true, characterData: true, subtree: true });
    }, scope);
  }
  const seen = (page: Page) => page.evaluate(() => (window as unknown as { seen: string[] }).seen);

  async function compose(page: Page, scope: string, steps: string[], commit: string): Promise<void> {
    const cdp = await page.context().newCDPSession(page);
    await record(page, scope);
    const input = page.locator(`${scope} input[type="search"]`);
    await input.evaluate((el) => el.addEventListener('compositionstart', () => (el.dataset['composed'] = 'yes')));
    for (const text of steps) {
      await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
      // The composition is really in the box (so the test cannot pass by typing nothing).
      await expect(input).toHaveValue(text);
      await expect(input).toHaveAttribute('data-composed', 'yes');
      // Longer than the debounce: a search would have started by now.
      await page.waitForTimeout(450);
    }
    const before = await seen(page);
    expect(
      before.filter((s) => !s.startsWith('idle')),
      'nothing happens while composing',
    ).toEqual([]);
    await cdp.send('Input.insertText', { text: commit });
    await page.locator(`${scope} [data-search-results][data-state="done"][data-query="${commit}"]`).waitFor();
    const all = await seen(page);
    const noResults = zhCN['search.noResults'].split('“')[0]!;
    expect(
      all.filter((s) => s.includes(noResults)),
      'never "no results" on the way',
    ).toEqual([]);
    expect(
      all.filter((s) => /\|[a-z ]+\|/.test(s)),
      'never a search for the pinyin being composed',
    ).toEqual([]);
  }

  test('search page: composing searches nothing; the commit searches', async ({ page }) => {
    await page.goto('search/');
    await waitForResults(page, '');
    await page.locator('[data-search-page-input]').focus();
    await compose(page, '[data-search-page]', ['x', 'xian', 'xian guan', 'xian guan xiao pin'], '县管校聘');
    const shown = await readSearchPage(page);
    expectCasesFirst(shown, casesContaining(cases, '县管校聘'), '县管校聘');
  });

  test('dialog: composing searches nothing; the commit searches', async ({ page }) => {
    await page.goto(`cases/${cases[0]!.slug}/`);
    await page.keyboard.press('Control+k');
    const input = page.locator('#search-dialog input[type="search"]');
    await expect(input).toBeFocused();
    await compose(page, '#search-dialog', ['s', 'shuang', 'shuang jian'], '双减');
    await expect(page.locator('#search-dialog [data-search-results] li.search-hit').first()).toBeVisible();
  });
});

test.describe('did-you-mean in the dialog', () => {
  test('a homophone typo shows the term’s results, with the note', async ({ page }) => {
    await page.goto(`cases/${cases[0]!.slug}/`);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('县官校聘');
    const box = page.locator('#search-dialog [data-search-results]');
    await expect(box).toHaveAttribute('data-query', '县官校聘');
    await expect(box).toHaveAttribute('data-state', 'done');
    await expect(box.locator('.search-notice')).toContainText(
      fill('search.corrected', { to: '县管校聘' }) + zhCN['search.searchInstead'] + '县官校聘',
    );
    const hrefs = await box
      .locator('li.search-hit[data-type="case"] [data-hit-link]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    const literal = casesContaining(cases, '县管校聘');
    expect(hrefs.length).toBe(Math.min(literal.length, DIALOG_RESULTS));
    for (const h of hrefs)
      expect(
        literal.some((slug) => h.includes(`/cases/${slug}/`)),
        h,
      ).toBe(true);
  });

  test('the correction is the first entry and runs the corrected search', async ({ page }) => {
    const { m, literal } = found.find((x) => [...x.m.name].length >= 4)!;
    const typo = replaceAt(m.name, 1, '丁');
    await page.goto(`cases/${cases[0]!.slug}/`);
    await page.keyboard.press('Control+k');
    await page.keyboard.type(typo);
    const box = page.locator('#search-dialog [data-search-results]');
    await expect(box).toHaveAttribute('data-query', typo);
    const first = box.locator('ol > li').first();
    await expect(first).toHaveAttribute('data-kind', 'suggestion');
    await expect(first.locator('a')).toHaveText(m.name);
    await page.keyboard.press('ArrowDown');
    await expect(first.locator('a')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(box).toHaveAttribute('data-query', m.name);
    await expect(page.locator('#search-dialog input[type="search"]')).toHaveValue(m.name);
    const hrefs = await box
      .locator('li.search-hit[data-type="case"] [data-hit-link]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname));
    // As many cases as the dialog lists, each one that contains the name.
    expect(hrefs.length).toBe(Math.min(literal.length, DIALOG_RESULTS));
    for (const h of hrefs)
      expect(
        literal.some((slug) => h.includes(`/cases/${slug}/`)),
        h,
      ).toBe(true);
  });
});

test.describe('clean excerpts and own metadata', () => {
  test('a city name finds the cases in that city or naming it, not those sharing a source title', async ({
    searchTab: page,
  }) => {
    const cities = [...new Set(cases.map((c) => regionOf.get(c.slug)!.path[1]).filter((x): x is string => !!x))];
    expect(cities.length).toBeGreaterThan(1);
    for (const city of cities) {
      const short = city.replace(/市$/, '');
      const own = cases
        .filter((c) => regionOf.get(c.slug)!.path.join('').includes(short) || c.norm.includes(short))
        .map((c) => c.slug);
      const shown = await typeQuery(page, short);
      expect(caseSlugs(shown.main).sort(), short).toEqual(own.sort());
    }
  });

  test('figure-card labels are not indexed text: a label in no case text finds no case', async ({
    searchTab: page,
  }) => {
    const labels = cases.flatMap((c) => {
      const fm = readFileSync(join(root, 'content/cases', `${c.slug}.mdx`), 'utf8').split(/^---\s*$/m)[1] ?? '';
      const figs = (parse(fm) as { figures?: Array<{ label: string }> }).figures ?? [];
      return figs
        .map((f) => f.label)
        .filter((l) => /^[\u4e00-\u9fff]{4,}$/.test(l) && casesContaining(cases, l).length === 0);
    });
    expect(labels.length).toBeGreaterThan(0);
    for (const label of labels.slice(0, 6)) {
      const shown = await typeQuery(page, `"${label}"`);
      expect(caseSlugs(shown.main), label).toEqual([]);
    }
  });

  test('excerpts are case text: every excerpt of a case result is found in that case', async ({ searchTab: page }) => {
    for (const q of found.slice(0, 6).map((x) => x.m.name)) {
      await typeQuery(page, q);
      const hits = await page
        .locator('[data-search-page] [data-search-results] > li.search-hit[data-type="case"]')
        .evaluateAll((lis) =>
          lis.map((li) => ({
            href: li.querySelector<HTMLAnchorElement>('[data-hit-link]')!.pathname,
            excerpt: li.querySelector('.search-hit-excerpt')!.textContent ?? '',
          })),
        );
      expect(hits.length).toBeGreaterThan(0);
      for (const h of hits) {
        const c = cases.find((x) => h.href.includes(`/cases/${x.slug}/`))!;
        for (const piece of h.excerpt.split(/[…\s]+/).filter((p) => p.length >= 6)) {
          expect(c.norm, `${q}: excerpt of ${c.slug}`).toContain(normalizeText(piece));
        }
      }
    }
  });

  test('region pages: names in a list are separate words in the index', async ({ searchTab: page }) => {
    const parent = regions.find((r) => regions.filter((c) => c.parent === r.id).length >= 2)!;
    const [a, b] = regions.filter((c) => c.parent === parent.id);
    const shown = await typeQuery(page, `"${a!.name}${b!.name}"`);
    expect(shown.main.map((h) => h.path)).not.toContain(`regions/${parent.id}`);
  });
});

test.describe('filters: several values of one filter are alternatives', () => {
  test('措施：A 或 B, by stable keys in the URL; an old URL with names still works', async ({ page }) => {
    const [x, y] = found;
    await page.goto(`search/?measure=${encodeURIComponent(x!.m.name)}`);
    await waitForResults(page, '');
    await expect(page.locator(`fieldset[data-facet="measure"] input[value="${x!.m.id}"]`)).toBeChecked();
    await page.locator(`fieldset[data-facet="measure"] input[value="${y!.m.id}"]`).check();
    await waitForResults(page, '');
    const note = `${zhCN['search.filter.measure']}：${x!.m.name}${zhCN['search.or']}${y!.m.name}`;
    await expect(page.locator('[data-search-page] .search-selection')).toHaveText(note);
    const url = new URL(page.url());
    expect(url.searchParams.getAll('measure').sort()).toEqual([x!.m.id, y!.m.id].sort());
    const tagged = cases.filter((c) => c.measures.includes(x!.m.id) || c.measures.includes(y!.m.id)).map((c) => c.slug);
    expect(caseSlugs((await readSearchPage(page)).main).sort()).toEqual(tagged.sort());
  });
});
