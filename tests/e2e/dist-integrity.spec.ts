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
  expect(lines[0]!.slice(1)).toMatch(/^案例编号,标题,摘要,行政区划代码/);
  expect(lines).toHaveLength(11);

  const figures = readFileSync(`${dist}/data/figures.csv`, 'utf8').trimEnd().split('\r\n');
  const total = json.cases.reduce((n: number, c: { figures: unknown[] }) => n + c.figures.length, 0);
  expect(figures).toHaveLength(total + 1);
  expect(figures.some((l) => l.includes('6万余名') && l.includes('6万余名教师实现竞聘上岗'))).toBe(true);
});

test('feeds, sitemap and robots.txt list the cases at their canonical URLs', () => {
  const rss = readFileSync(`${dist}/rss.xml`, 'utf8');
  expect(rss.match(/<item>/g)).toHaveLength(10);
  expect(rss).toContain('<link>https://example.org/cases/luoyang-2022-biaozhunhua/</link>');
  // Year-only cases get no invented publication day.
  const erqi = rss.slice(rss.indexOf('zhengzhou-erqi-2022'));
  expect(erqi.slice(0, erqi.indexOf('</item>'))).not.toContain('<pubDate>');
  const measureFeed = readFileSync(`${dist}/measures/county-managed-teachers/rss.xml`, 'utf8');
  expect(measureFeed.match(/<item>/g)).toHaveLength(5);
  const sitemap = readFileSync(`${dist}/sitemap-0.xml`, 'utf8');
  expect(sitemap).toContain('https://example.org/cases/zhengzhou-shangjie-2025/');
  expect(readFileSync(`${dist}/robots.txt`, 'utf8')).toContain('Sitemap: https://example.org/sitemap-index.xml');
});

test('pages carry Open Graph metadata from the case', () => {
  const html = readFileSync(`${dist}/cases/zhengzhou-shangjie-2025/index.html`, 'utf8');
  expect(html).toContain('<meta property="og:type" content="article">');
  expect(html).toMatch(/<meta property="og:title" content="从“有学上”到“上好学”/);
  expect(html).toContain('<link rel="canonical" href="https://example.org/cases/zhengzhou-shangjie-2025/">');
});
