// Checks over the built dist/ that need no browser: links, HTML validity, feeds and data.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { HtmlValidate, FileSystemConfigLoader } from 'html-validate';
import { checkLinks, htmlFiles } from '../helpers/linkCheck.ts';

const dist = 'dist';

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
    for (const r of report.results) for (const m of r.messages) errors.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
  }
  expect(errors).toEqual([]);
});

test('open data: CSV with BOM for Excel, one row per case and per figure; JSON alike', () => {
  const json = JSON.parse(readFileSync(`${dist}/data/cases.json`, 'utf8'));
  expect(json.cases).toHaveLength(10);
  const luoyang = json.cases.find((c: { id: string }) => c.id === 'luoyang-2022-biaozhunhua');
  expect(luoyang).toMatchObject({ regionCode: '410300', body: '洛阳市教育局', date: '2022' });
  expect(luoyang.measures.map((m: { name: string }) => m.name)).toContain('县管校聘');

  const csv = readFileSync(`${dist}/data/cases.csv`);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = csv.toString('utf8').trimEnd().split('\r\n');
  expect(lines[0]).toContain('id,title,summary,region_code');
  expect(lines).toHaveLength(11);

  const figures = readFileSync(`${dist}/data/figures.csv`, 'utf8').trimEnd().split('\r\n');
  const total = json.cases.reduce((n: number, c: { figures: unknown[] }) => n + c.figures.length, 0);
  expect(figures).toHaveLength(total + 1);
  expect(figures.some((l) => l.includes('6万余名') && l.includes('6万余名教师实现竞聘上岗'))).toBe(true);
});

// Feeds, the sitemap and canonical links need SITE_URL: tests/build/site-and-citations.test.ts builds
// both ways. This dist is the default build, which must name no made-up host.
test('pages carry Open Graph metadata from the case', () => {
  const html = readFileSync(`${dist}/cases/zhengzhou-shangjie-2025/index.html`, 'utf8');
  expect(html).toContain('<meta property="og:type" content="article">');
  expect(html).toMatch(/<meta property="og:title" content="从“有学上”到“上好学”/);
  expect(html).not.toContain('example.org');
});
