// What the site publishes from content: CSV cells, feeds and raw seeds.
import { lookup } from 'mrmime';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/lib/export/csv.ts';
import { caseFeed } from '../../../src/data/feeds.ts';
import { publishedSeed } from '../../../src/data/rawText.ts';
import type { CaseView, SourceEntry } from '../../../src/data/casebook.ts';

describe('CSV cells against formula injection', () => {
  it.each(['=HYPERLINK("http://x","y")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd'])('neutralises %j', (text) => {
    const cell = csvCell(text);
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
  });
  it('leaves ordinary text and numbers alone', () => {
    expect(csvCell('郑州市')).toBe('郑州市');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(31.92)).toBe('31.92');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(toCsv(['h'], [['=1']])).toBe("\uFEFFh\r\n'=1\r\n");
  });
});

describe('RSS stays XML whatever the content', () => {
  it('a feed of hostile texts parses with a strict XML parser', async () => {
    const hostile = 'a\u0000b\u0007c\u001b[2J\u000b\uFFFE\uD800 <script>&amp; ]]> "\'\u202e';
    const view = {
      id: 'x',
      data: { title: hostile, body: hostile, summary: hostile },
      region: { data: { name: hostile } },
      dateText: '2023年',
      date: { year: 2023, month: 1, day: 2 },
      measures: [{ data: { name: hostile } }],
    } as unknown as CaseView;
    const response = await caseFeed({ site: new URL('https://example.org/') } as never, { title: hostile, description: hostile, cases: [view] });
    const xml = await response.text();
    const errors: string[] = [];
    const texts: string[] = [];
    const parser = new SaxesParser();
    parser.on('error', (e) => errors.push(e.message));
    parser.on('text', (t) => texts.push(t));
    parser.write(xml).close();
    expect(errors).toEqual([]);
    expect(texts.join('')).toContain('<script>&amp; ]]>');
  });
});

describe('raw seeds are published under names a browser will not run', () => {
  const seed = (file: string) => publishedSeed({ id: 'src-1', data: { file } } as unknown as SourceEntry);
  it('text stays .txt (text/plain); everything else becomes .bin with its name kept for the download', () => {
    expect(seed('seeds/a.txt')).toEqual({ name: 'src-1.txt', downloadName: 'a.txt', format: '.txt' });
    expect(seed('seeds/A.TXT').name).toBe('src-1.txt');
    for (const file of ['seeds/p.html', 'seeds/p.htm', 'seeds/p.svg', 'seeds/p.xhtml', 'seeds/p.xml', 'seeds/p.md', 'seeds/p.docx', 'seeds/p.pdf', 'seeds/p.js', 'seeds/p.html.txt.svg']) {
      const { name, downloadName } = seed(file);
      expect(name).toBe('src-1.bin');
      expect(downloadName).toBe(file.slice('seeds/'.length));
    }
  });
  it('a standard MIME table (the one astro preview uses) serves them as inert types', () => {
    expect(lookup('src-1.txt')).toBe('text/plain');
    expect(lookup('src-1.bin')).toBe('application/octet-stream');
  });
});
