// Two real builds, without and with SITE_URL: no made-up host, citations, RIS/BibTeX/CSL-JSON,
// Highwire/Dublin Core meta, share images and the spreadsheet. Expectations come from the content/
// of each build. The build with SITE_URL and BASE_PATH is the shared hosted fixture site
// (tests/helpers/sites.ts: today's casebook plus a day's additions), built once for several tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import ExcelJS from 'exceljs';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { parse as parseHtml } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import { beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../helpers/tempSite.ts';
import { builtSite } from '../helpers/fixtureSites.ts';
import { BASE, HOST, hostedSite, plainSite } from '../helpers/sites.ts';
import { inkShare, pngSize } from '../helpers/png.ts';
import { NO_SITE_WARNING } from '../../src/lib/site/siteAddress.ts';
import { cslDate } from '../../src/lib/export/csl.ts';
import { pageRecord } from '../../src/lib/search/index/pageRecord.ts';
import { zhCN } from '../../src/i18n/zh-CN.ts';

interface ExpectedCase {
  id: string;
  title: string;
  summary: string;
  author: string;
  date: string;
  figures: number;
}

/** The cases of the site at `root`, as their files state them. */
function casesOf(root: string): ExpectedCase[] {
  const casesDir = join(root, 'content/cases');
  return readdirSync(casesDir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const data = parseYaml(readFileSync(join(casesDir, f), 'utf8').split(/^---$/m)[1]!) as Record<string, unknown>;
      return {
        id: f.replace(/\.mdx$/, ''),
        title: String(data.title),
        summary: String(data.summary).trim(),
        author: String(data.author ?? data.body),
        date: String(data.date),
        figures: Array.isArray(data.figures) ? data.figures.length : 0,
      };
    });
}
const expected = casesOf(projectRoot);
/** The hosted site's cases (today's and the fixture's), known once it is built. */
let hostedCases: ExpectedCase[] = [];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const nameOf = (a: { literal?: string; family?: string; given?: string }) =>
  a.literal ?? [a.family, a.given].filter(Boolean).join('');

/** Reads RIS or BibTeX back as Zotero would (Citation.js parsers) and checks every case. */
async function expectRoundTrip(text: string, url: (id: string) => string, cases = expected) {
  const items = (await Cite.async(text)).data as unknown as {
    title: string;
    author: { literal?: string; family?: string }[];
    issued: unknown;
    URL: string;
  }[];
  expect(items).toHaveLength(cases.length);
  for (const c of cases) {
    const item = items.find((i) => i.URL === url(c.id));
    expect(item, c.id).toBeDefined();
    expect(item!.title).toBe(c.title);
    expect(item!.author.map(nameOf)).toEqual([c.author]);
    expect(item!.issued).toEqual(cslDate(c.date));
  }
}

const sites: Record<'plain' | 'hosted', { dir: string; output: string }> = {} as never;

beforeAll(async () => {
  expect(expected.length).toBeGreaterThan(0);
  // The shared site first: other test files wait for it (tests/helpers/fixtureSites.ts).
  const hosted = await builtSite(hostedSite);
  sites.hosted = { dir: hosted.dist, output: hosted.output };
  hostedCases = casesOf(hosted.root);
  expect(hostedCases.length).toBeGreaterThan(expected.length);
  const plain = await builtSite(plainSite);
  sites.plain = { dir: plain.dist, output: plain.output };
}, 600_000);

const page = (dist: string, id: string) => parseHtml(readFileSync(join(dist, 'cases', id, 'index.html'), 'utf8'));
const meta = (doc: ReturnType<typeof parseHtml>, key: string) =>
  doc.querySelectorAll(`meta[name="${key}"], meta[property="${key}"]`).map((m) => m.getAttribute('content'));

describe('without SITE_URL', () => {
  const dist = () => sites.plain.dir;

  it('warns once and prints no made-up host in any file', () => {
    expect(sites.plain.output.split(NO_SITE_WARNING).length - 1).toBe(1);
    const all = files(dist());
    expect(all.length).toBeGreaterThan(expected.length);
    expect(all.filter((f) => readFileSync(f).includes('example.org'))).toEqual([]);
  });

  it('leaves out sitemap, feeds, the robots Sitemap line and canonical links', () => {
    const all = files(dist());
    expect(all.filter((f) => /sitemap|rss\.xml$/.test(f))).toEqual([]);
    expect(readFileSync(join(dist(), 'robots.txt'), 'utf8')).not.toContain('Sitemap:');
    for (const c of expected) {
      const doc = page(dist(), c.id);
      expect(doc.querySelector('link[rel="canonical"]')).toBeNull();
      expect(meta(doc, 'og:url')).toEqual([]);
      expect(meta(doc, 'og:image')).toEqual([]);
      expect(meta(doc, 'citation_public_url')).toEqual([]);
      expect(
        doc
          .querySelectorAll('a')
          .map((a) => a.getAttribute('href') ?? '')
          .filter((h) => /^https?:/.test(h) || /rss\.xml|sitemap/.test(h)),
      ).toEqual([]);
    }
  });

  it('indexes each page’s own text: a case from its title and summary on, no page from its chrome', () => {
    const indexed = files(dist())
      .filter((f) => f.endsWith('.html'))
      .map((f) => ({ f, text: pageRecord(readFileSync(f, 'utf8'))?.text }))
      .filter((x): x is { f: string; text: string } => x.text !== undefined);
    expect(indexed.length).toBeGreaterThan(expected.length);
    const labels = [zhCN['nav.home'], zhCN['nav.cases'], zhCN['nav.measures'], zhCN['nav.themes']];
    for (const { f, text } of indexed)
      expect(
        labels.filter((l) => text.startsWith(l)),
        f,
      ).toEqual([]);
    for (const c of expected) {
      const { text } = pageRecord(readFileSync(join(dist(), 'cases', c.id, 'index.html'), 'utf8'))!;
      expect(text.startsWith(`${c.title} ${c.summary}`.replace(/\s+/g, ' ')), `${c.id}: ${text.slice(0, 80)}`).toBe(
        true,
      );
    }
  });

  it('cites the page path, and no page tells readers how the site was built', () => {
    for (const c of expected) {
      const doc = page(dist(), c.id);
      expect(doc.getElementById('citation-copy')!.textContent).toContain(`[EB/OL]. ${zhCN['site.name']}[`);
      expect(doc.getElementById('citation-copy')!.textContent).toMatch(
        new RegExp(`\\[\\d{4}-\\d{2}-\\d{2}\\]. /cases/${c.id}/\\.$`),
      );
    }
    // The SITE_URL hint is for whoever builds the site (the build log), not for readers. The studio
    // is the editors' page: it tells them to build after unpacking a save.
    const pages = files(dist()).filter((f) => f.endsWith('.html') && !f.includes(`${sep}studio${sep}`));
    expect(pages.length).toBeGreaterThan(expected.length);
    expect(pages.filter((f) => /SITE_URL|BASE_PATH|npm run/.test(readFileSync(f, 'utf8')))).toEqual([]);
  });

  it('exports RIS and BibTeX per case that read back with title, author, date and path', async () => {
    for (const c of expected) {
      const doc = page(dist(), c.id);
      const links = doc.querySelectorAll('.citation a[download]').map((a) => a.getAttribute('href'));
      expect(links).toEqual([`/cases/${c.id}/citation.ris`, `/cases/${c.id}/citation.bib`]);
      for (const file of ['citation.ris', 'citation.bib']) {
        const items = (await Cite.async(readFileSync(join(dist(), 'cases', c.id, file), 'utf8'))).data as unknown as {
          title: string;
          URL: string;
        }[];
        expect(items.map((i) => [i.title, i.URL])).toEqual([[c.title, `/cases/${c.id}/`]]);
      }
    }
    await expectRoundTrip(readFileSync(join(dist(), 'data/casebook.ris'), 'utf8'), (id) => `/cases/${id}/`);
    await expectRoundTrip(readFileSync(join(dist(), 'data/casebook.bib'), 'utf8'), (id) => `/cases/${id}/`);
    await expectRoundTrip(readFileSync(join(dist(), 'data/cases.csl.json'), 'utf8'), (id) => `/cases/${id}/`);
  });

  it('has Highwire and Dublin Core meta on case pages', () => {
    for (const c of expected) {
      const doc = page(dist(), c.id);
      expect(meta(doc, 'citation_title')).toEqual([c.title]);
      expect(meta(doc, 'citation_author')).toEqual([c.author]);
      expect(meta(doc, 'citation_publication_date')).toEqual([c.date.replaceAll('-', '/')]);
      expect(meta(doc, 'citation_publisher')).toEqual([zhCN['site.name']]);
      expect(meta(doc, 'DC.title')).toEqual([c.title]);
      expect(meta(doc, 'DC.creator')).toEqual([c.author]);
      expect(meta(doc, 'DC.date')).toEqual([c.date]);
    }
  });

  it('writes no share images, which no page could name without a site address', () => {
    for (const c of expected) expect(existsSync(join(dist(), 'cases', c.id, 'og.png')), c.id).toBe(false);
  });

  it('offers an .xlsx with typed numbers on /data/, and shows readers no repository path', async () => {
    const data = parseHtml(readFileSync(join(dist(), 'data/index.html'), 'utf8'));
    const hrefs = data.querySelectorAll('a[download]').map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(
      expect.arrayContaining(['/data/cases.xlsx', '/data/casebook.ris', '/data/casebook.bib', '/data/cases.csl.json']),
    );
    for (const h of hrefs) expect(existsSync(join(dist(), h!)), h).toBe(true);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(join(dist(), 'data/cases.xlsx')) as unknown as ArrayBuffer);
    const [cases, figures] = book.worksheets;
    expect(cases!.rowCount).toBe(expected.length + 1);
    expect(figures!.rowCount).toBe(expected.reduce((n, c) => n + c.figures, 0) + 1);
    expect(figures!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const valueColumn = (figures!.getRow(1).values as unknown[]).indexOf(zhCN['csv.value']);
    figures!.eachRow((row, n) => {
      if (n > 1) expect(typeof row.getCell(valueColumn).value, `row ${n}`).toBe('number');
    });

    for (const html of [data, ...expected.map((c) => page(dist(), c.id))]) {
      expect(html.querySelector('main')!.textContent).not.toMatch(/seeds\/|content\/|\.mdx\b|\.ya?ml\b/);
    }
  });
});

describe('with SITE_URL and BASE_PATH', () => {
  const dist = () => sites.hosted.dir;
  const url = (id: string) => `${HOST}${BASE}cases/${id}/`;

  it('builds without the warning, with sitemap, feeds and robots Sitemap line at the real host', () => {
    expect(sites.hosted.output).not.toContain(NO_SITE_WARNING);
    const sitemap = readFileSync(join(dist(), 'sitemap-0.xml'), 'utf8');
    for (const c of hostedCases) expect(sitemap).toContain(`<loc>${url(c.id)}</loc>`);
    expect(readFileSync(join(dist(), 'rss.xml'), 'utf8').match(/<item>/g)).toHaveLength(hostedCases.length);
    expect(readFileSync(join(dist(), 'robots.txt'), 'utf8')).toContain(`Sitemap: ${HOST}${BASE}sitemap-index.xml`);
  });

  it('has canonical, og:url, og:image (with size and alt) and citation_public_url on case pages', () => {
    for (const c of hostedCases) {
      const doc = page(dist(), c.id);
      expect(doc.querySelector('link[rel="canonical"]')!.getAttribute('href')).toBe(url(c.id));
      expect(meta(doc, 'og:url')).toEqual([url(c.id)]);
      expect(meta(doc, 'og:image')).toEqual([`${url(c.id)}og.png`]);
      expect(meta(doc, 'og:image:width')).toEqual(['1200']);
      expect(meta(doc, 'og:image:height')).toEqual(['630']);
      expect(meta(doc, 'og:image:alt')[0]).toContain(c.title);
      expect(meta(doc, 'citation_public_url')).toEqual([url(c.id)]);
      expect(doc.getElementById('citation-copy')!.textContent).toMatch(
        new RegExp(`\\[\\d{4}-\\d{2}-\\d{2}\\]. ${url(c.id).replace(/[.]/g, '\\.')}\\.$`),
      );
    }
  });

  it('renders the 1200×630 share image with text that every case page names', () => {
    for (const c of hostedCases) {
      const png = readFileSync(join(dist(), 'cases', c.id, 'og.png'));
      expect(pngSize(png)).toEqual({ width: 1200, height: 630 });
      expect(inkShare(png)).toBeGreaterThan(0.02);
    }
  });

  it('keeps case pages valid HTML with all the head meta', async () => {
    const validator = new HtmlValidate(new FileSystemConfigLoader());
    const errors: string[] = [];
    for (const c of hostedCases) {
      const report = await validator.validateFile(join(dist(), 'cases', c.id, 'index.html'));
      for (const r of report.results)
        for (const m of r.messages) errors.push(`${c.id}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
    }
    expect(errors).toEqual([]);
  });

  it('exports citations with the absolute case URLs', async () => {
    await expectRoundTrip(readFileSync(join(dist(), 'data/casebook.ris'), 'utf8'), url, hostedCases);
    await expectRoundTrip(readFileSync(join(dist(), 'data/casebook.bib'), 'utf8'), url, hostedCases);
    const links = page(dist(), hostedCases[0]!.id)
      .querySelectorAll('.citation a[download]')
      .map((a) => a.getAttribute('href'));
    expect(links).toEqual([
      `${BASE}cases/${hostedCases[0]!.id}/citation.ris`,
      `${BASE}cases/${hostedCases[0]!.id}/citation.bib`,
    ]);
  });
});
