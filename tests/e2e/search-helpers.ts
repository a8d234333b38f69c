/**
 * Helpers for the search specs: the cases as the content files state them (the oracle:
 * a term that occurs in a case's text must find the case), and reading the search UI.
 */
import { join } from 'node:path';
import { test as base, type Page } from '@playwright/test';
import { readCaseFiles, readMeasures } from '../helpers/content.ts';
import { builtSite } from '../helpers/fixtureSites.ts';
import { frozenSite } from '../helpers/sites.ts';
import { serveStatic } from '../helpers/staticServer.ts';
export { random } from '../helpers/random.ts';
import { bodyBlocks, paragraphs } from '../../src/lib/text/bodyText.ts';
import { normalize } from '../../src/lib/search/query/normalize.ts';

const root = join(import.meta.dirname, '../..');

export interface CaseText {
  slug: string;
  title: string;
  body: string;
  measures: string[];
  /** GB/T 2260 region code. */
  region: string;
  /** Front-matter date (YYYY[-MM[-DD]]). */
  date: string;
  /** Title, summary, reporting body, headings and text, normalised like the search does (compact). */
  norm: string;
}

/** The cases of the site at `siteRoot` (the project, or a fixture site's copy). */
export function readCases(siteRoot = root): CaseText[] {
  return readCaseFiles(siteRoot).map(({ slug, data, body: mdx }) => {
    const body = paragraphs(mdx).join('\n');
    return {
      slug,
      title: data.title,
      body,
      measures: data.measures,
      region: data.region,
      date: data.date,
      // The headings too: they are in the page's indexed text (and excerpts may come from them).
      norm: normalize(
        `${data.title}\n${data.summary}\n${data.body}\n${bodyBlocks(mdx)
          .map((b) => b.text)
          .join('\n')}`,
        {
          compact: true,
        },
      ),
    };
  });
}

export const measures = readMeasures(root);

/** Cases whose text contains every word of `q` literally (after normalisation). */
export function casesContaining(cases: CaseText[], q: string): string[] {
  const words = q
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => normalize(w.replace(/"/g, ''), { compact: true }));
  return cases.filter((c) => words.every((w) => c.norm.includes(w))).map((c) => c.slug);
}

export interface ShownHit {
  href: string;
  /** `cases/<slug>` or `measures/<id>` … (path without base and query). */
  path: string;
  type: string;
  kind: string;
}

export interface Shown {
  status: string;
  fallback: boolean;
  /** The main list (the related pieces when falling back). */
  main: ShownHit[];
  related: ShownHit[];
  /** Links of the measure hints. */
  hints: string[];
  stages: string;
}

/** Reads what the search page shows. */
export async function readSearchPage(page: Page): Promise<Shown> {
  return page.evaluate(() => {
    const strip = (href: string) =>
      new URL(href, location.href).pathname
        .replace(/^.*?\/(cases|measures|themes|regions|sources)\//, '$1/')
        .replace(/\/$/, '');
    const hits = (sel: string) =>
      [...document.querySelectorAll<HTMLLIElement>(`${sel} > li.search-hit`)].map((li) => {
        const a = li.querySelector<HTMLAnchorElement>('[data-hit-link]')!;
        return { href: a.href, path: strip(a.href), type: li.dataset['type'] ?? '', kind: li.dataset['kind'] ?? '' };
      });
    const list = document.querySelector<HTMLElement>('[data-search-page] [data-search-results]')!;
    return {
      status: document.querySelector('[data-search-page] [data-search-status]')?.textContent ?? '',
      fallback: list.dataset['fallback'] === 'true',
      main: hits('[data-search-page] [data-search-results]'),
      related: hits('[data-search-related-list]'),
      hints: [...document.querySelectorAll<HTMLAnchorElement>('[data-search-hints] .search-hint [data-hit-link]')].map(
        (a) => strip(a.href),
      ),
      stages: list.dataset['stages'] ?? '',
    };
  });
}

/** Waits until the search page shows the results for `q`. */
export async function waitForResults(page: Page, q: string): Promise<void> {
  await page.waitForFunction((query) => {
    const list = document.querySelector<HTMLElement>('[data-search-page] [data-search-results]');
    return list?.dataset['state'] === 'done' && list.dataset['query'] === query && !list.hasAttribute('aria-busy');
  }, q.trim());
}

/** Opens the search page for `q` (and extra URL parameters) and reads the results. */
export async function searchPage(page: Page, q: string, extra = ''): Promise<Shown> {
  await page.goto(`search/?q=${encodeURIComponent(q)}${extra}`);
  await waitForResults(page, q);
  return readSearchPage(page);
}

/**
 * Puts `q` in the search page's box and submits the form (no reload; one round trip to
 * the browser, for long query lists). The page's own submit handler runs the search.
 */
export async function typeQuery(page: Page, q: string): Promise<Shown> {
  await page.evaluate((query) => {
    const input = document.querySelector<HTMLInputElement>('[data-search-page-input]')!;
    input.value = query;
    input.form!.requestSubmit();
  }, q);
  await waitForResults(page, q);
  return readSearchPage(page);
}

/** A search page open at `url`, ready for queries. */
async function openSearch(page: Page, url: string): Promise<Page> {
  await page.goto(url);
  await waitForResults(page, '');
  return page;
}

/**
 * One search page per worker, kept open across tests: query lists run warm, without reloads.
 * `searchTab` searches the casebook as it is; `frozen` the frozen fixture site (the casebook of
 * tests/fixtures/casebook, tests/helpers/sites.ts): a tab, its cases and its address.
 */
export const searchTest = base.extend<
  object,
  { searchTab: Page; frozen: { tab: Page; cases: CaseText[]; url: string } }
>({
  searchTab: [
    async ({ browser }, use, workerInfo) => {
      const page = await browser.newPage({ baseURL: workerInfo.project.use.baseURL });
      await use(await openSearch(page, 'search/'));
      await page.close();
    },
    { scope: 'worker' },
  ],
  frozen: [
    async ({ browser }, use) => {
      const site = await builtSite(frozenSite);
      const server = await serveStatic(site.dist);
      const page = await browser.newPage();
      await use({ tab: await openSearch(page, `${server.url}search/`), cases: readCases(site.root), url: server.url });
      await page.close();
      await server.close();
    },
    // A build when the site is not cached yet (the spec run alone).
    { scope: 'worker', timeout: 300_000 },
  ],
});
