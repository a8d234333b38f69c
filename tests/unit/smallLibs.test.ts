import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../src/lib/citation.ts';
import { highlightHtml } from '../../src/lib/highlight.ts';
import { joinBase } from '../../src/lib/urls.ts';
import { paragraphId, rehypeParagraphIds } from '../../src/lib/rehypeParagraphIds.ts';

describe('citation', () => {
  it('follows GB/T 7714: body. title[type]. publication, issue, date. URL', () => {
    expect(
      formatCitation({
        body: '郑州市上街区教育局',
        title: '从“有学上”到“上好学” 区教育局扎实推进教育优质均衡发展',
        kind: '简报',
        publication: '上街信息',
        issue: '第49期',
        date: '2025-10-11',
        url: 'https://example.org/cases/zhengzhou-shangjie-2025/',
      }),
    ).toBe('郑州市上街区教育局. 从“有学上”到“上好学” 区教育局扎实推进教育优质均衡发展[Z]. 上街信息, 第49期, 2025-10-11. https://example.org/cases/zhengzhou-shangjie-2025/');
  });
  it('names a signed author instead of the body, and marks online items EB/OL', () => {
    expect(formatCitation({ author: '王新胜', body: '商丘市教育体育局', title: 'T', kind: '网页', date: '2024', url: 'u' })).toBe(
      '王新胜. T[EB/OL]. 2024. u',
    );
  });
});

describe('highlight', () => {
  it('escapes HTML and marks terms, longest first', () => {
    expect(highlightHtml('<b>县管校聘改革</b>与县管', ['县管', '县管校聘'])).toBe(
      '&lt;b&gt;<mark>县管校聘</mark>改革&lt;/b&gt;与<mark>县管</mark>',
    );
  });
});

describe('urls', () => {
  it('joins paths under the configured base', () => {
    expect(joinBase('/', 'cases/a/')).toBe('/cases/a/');
    expect(joinBase('/casebook', '/cases/a/')).toBe('/casebook/cases/a/');
    expect(joinBase('/casebook/', '')).toBe('/casebook/');
  });
});

describe('paragraph ids', () => {
  it('numbers top-level paragraphs only', () => {
    const tree = { type: 'root', children: [
      { type: 'element', tagName: 'h2', children: [] },
      { type: 'element', tagName: 'p', children: [] },
      { type: 'element', tagName: 'p', properties: { class: 'x' }, children: [] },
    ] };
    rehypeParagraphIds()(tree);
    expect(tree.children.map((c) => (c as { properties?: { id?: string } }).properties?.id)).toEqual([undefined, 'p-1', 'p-2']);
    expect(paragraphId(0)).toBe('p-1');
  });
});
