import { describe, expect, it } from 'vitest';
import {
  formatCopy,
  formatOriginal,
  responsible,
  typeCode,
  type OriginalWork,
} from '../../../src/lib/export/citation.ts';
import { noBreakPieces } from '../../../src/lib/text/noBreak.ts';
import { absoluteOrPath, siteAddress } from '../../../src/lib/site/siteAddress.ts';
import { buildDate } from '../../../src/lib/site/buildDate.ts';
import { cslDate, cslItem } from '../../../src/lib/export/csl.ts';

const bulletin: OriginalWork = {
  authors: ['郑州市上街区教育局'],
  title: '从“有学上”到“上好学” 区教育局扎实推进教育优质均衡发展',
  kind: '简报',
  publication: '上街信息',
  issue: '第49期',
  publisher: '中共上街区委办公室',
  date: '2025-10-11',
};

describe('GB/T 7714 citation of the original', () => {
  it('cites a bulletin of a named internal serial as [Z] with the issue as printed', () => {
    expect(formatOriginal(bulletin)).toBe(
      '郑州市上街区教育局. 从“有学上”到“上好学” 区教育局扎实推进教育优质均衡发展[Z]. 上街信息, 第49期, 2025-10-11.',
    );
  });
  it('cites a bulletin issued on its own as a report [R] under its issuing body', () => {
    expect(formatOriginal({ ...bulletin, publication: undefined, issue: undefined })).toBe(
      '郑州市上街区教育局. 从“有学上”到“上好学” 区教育局扎实推进教育优质均衡发展[R]. 中共上街区委办公室, 2025-10-11.',
    );
  });
  it('cites a newspaper as [N] with the paper only when stated, and keeps a year-only date a year', () => {
    const paper: OriginalWork = { authors: ['苏立萌'], title: '守正拓新', kind: '报纸', date: '2022' };
    expect(formatOriginal(paper)).toBe('苏立萌. 守正拓新[N]. 2022.');
    expect(formatOriginal({ ...paper, publication: '郑州日报', date: '2022-09-30' })).toBe(
      '苏立萌. 守正拓新[N]. 郑州日报, 2022-09-30.',
    );
  });
  it('marks an item read online /OL and adds the URL, with the access date only when recorded', () => {
    const online = { ...bulletin, url: 'https://www.shangjie.gov.cn/a/49.html' };
    expect(formatOriginal(online)).toBe(
      '郑州市上街区教育局. 从“有学上”到“上好学” 区教育局扎实推进教育优质均衡发展[Z/OL]. 上街信息, 第49期, 2025-10-11. https://www.shangjie.gov.cn/a/49.html.',
    );
    expect(formatOriginal({ ...online, accessed: '2025-11-02' })).toContain('2025-10-11[2025-11-02]. https://');
  });
  it('cites a web page as [EB/OL] with its date in parentheses, and a report inside it with //', () => {
    const page: OriginalWork = {
      authors: ['郑州市教育局'],
      title: '郑州市高位推进“五大工程”',
      kind: '网页',
      host: { title: '义务教育学校标准化怎么建？今天看郑州、开封、洛阳！', by: '河南省教育厅新媒体平台' },
      publication: '学信·招生考试平台',
      date: '2024-01-13',
      url: 'https://example.gov.cn/p/1',
      accessed: '2024-02-01',
    };
    expect(formatOriginal(page)).toBe(
      '郑州市教育局. 郑州市高位推进“五大工程”[EB/OL]//河南省教育厅新媒体平台. 义务教育学校标准化怎么建？今天看郑州、开封、洛阳！ 学信·招生考试平台, (2024-01-13)[2024-02-01]. https://example.gov.cn/p/1.',
    );
    expect(typeCode({ kind: '网页' })).toBe('EB/OL');
  });
  it('names at most three responsible parties, then 等', () => {
    expect(responsible(['甲', '乙'])).toBe('甲, 乙');
    expect(responsible(['甲', '乙', '丙', '丁'])).toBe('甲, 乙, 丙, 等');
  });
});

describe('citation of the casebook copy', () => {
  it('is an [EB/OL] item of the casebook with the build date as access date', () => {
    expect(
      formatCopy({
        authors: ['王新胜'],
        title: '商丘市推进扩优提质',
        siteName: '基础教育改革案例库',
        accessed: '2026-12-02',
        url: 'https://edu.gov.cn/cases/a/',
      }),
    ).toBe('王新胜. 商丘市推进扩优提质[EB/OL]. 基础教育改革案例库[2026-12-02]. https://edu.gov.cn/cases/a/.');
  });
});

describe('no-break pieces', () => {
  const text =
    '甲. 乙[EB/OL]. 基础教育改革案例库[2026-12-02]. https://edu.gov.cn/casebook/cases/a-2025/. 第49期, 60.36';
  const pieces = noBreakPieces(text);
  const kept = pieces.flatMap((p) => ('text' in p && p.keep ? [p.text] : []));
  it('gives back the text unchanged', () => {
    expect(pieces.map((p) => ('text' in p ? p.text : '')).join('')).toBe(text);
  });
  it('keeps dates, numbers and URL parts whole, with breaks only after URL separators', () => {
    expect(kept).toEqual(
      expect.arrayContaining(['[2026-12-02]', '49', '60.36', 'https://edu.gov.cn/', 'casebook/', 'a-2025/']),
    );
    expect(noBreakPieces('见 /cases/a/').flatMap((p) => ('text' in p && p.keep ? [p.text] : []))).toEqual([
      '/cases/',
      'a/',
    ]);
    expect(kept).not.toContain('EB/OL');
  });
});

describe('site address', () => {
  it('is undefined without SITE_URL, never a placeholder', () => {
    expect(siteAddress({}).site).toBeUndefined();
    expect(siteAddress({ SITE_URL: '  ' }).site).toBeUndefined();
    expect(absoluteOrPath('/cases/a/', undefined)).toBe('/cases/a/');
  });
  it('accepts an absolute http(s) URL and rejects anything else with a clear message', () => {
    expect(siteAddress({ SITE_URL: 'https://edu.gov.cn' }).site).toBe('https://edu.gov.cn/');
    expect(absoluteOrPath('/casebook/cases/a/', 'https://edu.gov.cn/')).toBe('https://edu.gov.cn/casebook/cases/a/');
    expect(() => siteAddress({ SITE_URL: 'edu.gov.cn' })).toThrow(/SITE_URL “edu.gov.cn” is not an absolute URL/);
    expect(() => siteAddress({ SITE_URL: 'ftp://edu.gov.cn' })).toThrow(/https:\/\//);
  });
});

describe('build date', () => {
  it('is the day in China Standard Time, pinned by SOURCE_DATE_EPOCH', () => {
    expect(buildDate({}, new Date('2026-12-01T22:30:00Z'))).toBe('2026-12-02');
    expect(buildDate({ SOURCE_DATE_EPOCH: '1700000000' })).toBe('2023-11-15');
  });
});

describe('CSL-JSON', () => {
  it('keeps dates as precise as given', () => {
    expect(cslDate('2022')).toEqual({ 'date-parts': [[2022]] });
    expect(cslDate('2024-01')).toEqual({ 'date-parts': [[2024, 1]] });
    expect(cslDate('2025-10-11')).toEqual({ 'date-parts': [[2025, 10, 11]] });
  });
  it('gives Chinese names whole and keywords without commas inside', () => {
    const item = cslItem({
      id: 'a',
      title: 'T',
      authors: ['欧阳修'],
      date: '2022',
      accessed: '2026-12-02',
      url: '/a/',
      siteName: 'S',
      summary: 's',
      keywords: ['甲,乙', '丙'],
      original: 'o',
    });
    expect(item.author).toEqual([{ literal: '欧阳修' }]);
    expect(item.keyword).toBe('甲，乙,丙');
  });
});
