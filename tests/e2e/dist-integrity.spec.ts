// Checks over the built site Playwright serves that need no browser: links, HTML validity, feeds and data.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { readCaseFiles } from '../helpers/content.ts';
import { checkLinks, htmlFiles } from '../helpers/linkCheck.ts';
import { sitePaths } from '../helpers/fixtureSites.ts';
import { plainSite } from '../helpers/sites.ts';

const { dist } = sitePaths(plainSite);
const cases = readCaseFiles();

/** A value as a CSV field holds it (quotes doubled). */
const csvField = (text: string) => text.replace(/"/g, '""');
/** Text as Astro writes it into an attribute. */
const escapeAttribute = (text: string) =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

test('no broken internal links, anchors or assets', () => {
  const { problems, checked } = checkLinks(dist);
  expect(checked).toBeGreaterThan(1000);
  expect(problems).toEqual([]);
});

test('every page is valid HTML (html-validate, recommended rules)', async () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const errors: string[] = [];
  for (const file of htmlFiles(dist)) {
    const report = await validator.validateFile(file);
    for (const r of report.results)
      for (const m of r.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  expect(errors).toEqual([]);
});

test('open data: CSV with BOM for Excel, one row per case and per figure; JSON alike', () => {
  const json = JSON.parse(readFileSync(`${dist}/data/cases.json`, 'utf8'));
  expect(json.cases).toHaveLength(cases.length);
  for (const c of cases) {
    const row = json.cases.find((x: { id: string }) => x.id === c.slug);
    expect(row, c.slug).toMatchObject({ regionCode: c.data.region, body: c.data.body, date: c.data.date });
    expect(row.measures.map((m: { id: string }) => m.id).sort()).toEqual([...c.data.measures].sort());
  }

  const csv = readFileSync(`${dist}/data/cases.csv`);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').trimEnd().split('\r\n');
  expect(lines[0]!.slice(1)).toMatch(/^案例编号,标题,摘要,行政区划代码/);
  expect(lines).toHaveLength(cases.length + 1);

  const figuresCsv = readFileSync(`${dist}/data/figures.csv`, 'utf8');
  const figures = cases.flatMap((c) => c.data.figures ?? []);
  expect(figures.length).toBeGreaterThan(0);
  expect(figuresCsv.trimEnd().split('\r\n')).toHaveLength(figures.length + 1);
  // Each figure's row carries its quote and, where the text says 多/余, the number as stated.
  for (const f of figures) {
    const row = figuresCsv.split('\r\n').find((l) => l.includes(csvField(f.quote)));
    expect(row, f.quote).toBeDefined();
    if (f.display) expect(row).toContain(csvField(f.display));
  }
});

// Feeds, the sitemap and canonical links need SITE_URL: tests/build/site-and-citations.test.ts builds
// both ways. This dist is the default build, which must name no made-up host.
test('pages carry Open Graph metadata from the case', () => {
  for (const c of cases) {
    const html = readFileSync(`${dist}/cases/${c.slug}/index.html`, 'utf8');
    expect(html).toContain('<meta property="og:type" content="article">');
    expect(html).toContain(`<meta property="og:title" content="${escapeAttribute(c.data.title)}`);
    expect(html).not.toContain('example.org');
  }
});
