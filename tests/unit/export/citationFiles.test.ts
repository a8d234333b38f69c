import { Cite } from '@citation-js/core';
import { describe, expect, it } from 'vitest';
import { toBibtex, toRis } from '../../../src/lib/export/citationFiles.ts';
import { cslItem } from '../../../src/lib/export/csl.ts';

// Hostile but real: LaTeX specials in titles (覆盖率100%), long texts with numbers, year-only dates.
const items = [
  cslItem({
    id: 'a-2025',
    title: '覆盖率达100% & 新增学位1980个：{试点} #1 ~ ^ \\ _',
    authors: ['郑州市上街区教育局'],
    date: '2025-10-11',
    accessed: '2026-12-02',
    url: 'https://edu.gov.cn/casebook/cases/a_2025/',
    siteName: '基础教育改革案例库',
    summary: `${'新增优质学位1980个，'.repeat(12)}公办园在园幼儿占比60.36%。`,
    keywords: ['集团化办学', '学位扩容'],
    original: '原始文献：郑州市上街区教育局. 题名[Z]. 上街信息, 第49期, 2025-10-11.',
  }),
  cslItem({
    id: 'b-2022',
    title: '二七区',
    authors: ['苏立萌'],
    date: '2022',
    accessed: '2026-12-02',
    url: '/cases/b-2022/',
    siteName: 'S',
    summary: 's',
    keywords: [],
    original: 'o',
  }),
];

type Parsed = {
  id: string;
  title: string;
  author: { family?: string; literal?: string }[];
  issued: unknown;
  accessed: unknown;
  URL: string;
  abstract?: string;
  note?: string;
};

for (const [format, write] of [
  ['RIS', toRis],
  ['BibTeX', toBibtex],
] as const) {
  describe(`${format} export`, () => {
    it('reads back with the same title, author, date precision and URL', async () => {
      const back = (await Cite.async(write(items))).data as unknown as Parsed[];
      expect(back).toHaveLength(items.length);
      items.forEach((item, i) => {
        const b = back[i]!;
        expect(b.title).toBe(item.title);
        expect(b.author.map((a) => a.literal ?? a.family)).toEqual(item.author.map((a) => a.literal));
        expect(b.issued).toEqual(item.issued);
        expect(b.URL).toBe(item.URL);
      });
    });
  });
}

describe('RIS lines', () => {
  it('are one value per line with CRLF, so long texts keep their numbers whole', async () => {
    const ris = toRis(items);
    expect(ris.split('\r\n').every((line) => line === '' || /^[A-Z][A-Z0-9] {2}- /.test(line))).toBe(true);
    const back = (await Cite.async(ris)).data as unknown as Parsed[];
    expect(back[0]!.abstract).toBe(items[0]!.abstract);
  });
});

describe('BibTeX entries', () => {
  it('are biblatex @online entries keyed by case id, with exact date and access date', () => {
    const bib = toBibtex(items);
    expect(bib).toContain('@online{a-2025,');
    expect(bib).toContain('date = {2025-10-11}');
    expect(bib).toContain('date = {2022}');
    expect(bib).toContain('urldate = {2026-12-02}');
    expect(bib).toContain('100\\% \\& ');
    expect(bib).toContain('url = {https://edu.gov.cn/casebook/cases/a_2025/}');
  });
});
