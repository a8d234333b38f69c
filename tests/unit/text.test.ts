import { describe, expect, it } from 'vitest';
import { bodyBlocks, excerptAround, paragraphs, unescapedMarkup, unescapeMdx } from '../../src/lib/text.ts';

const body = `
## 一、以“综合改革”提升教育教学质量

一是聚焦全市教育大局，新增优质学位1980个。

### （一）标题

二是完善体系\\{不是代码\\}，
换行续写。
`;

describe('reading a case body', () => {
  it('numbers paragraphs only, in order, and keeps headings apart', () => {
    expect(bodyBlocks(body)).toEqual([
      { kind: 'heading', depth: 2, text: '一、以“综合改革”提升教育教学质量' },
      { kind: 'paragraph', index: 0, text: '一是聚焦全市教育大局，新增优质学位1980个。' },
      { kind: 'heading', depth: 3, text: '（一）标题' },
      { kind: 'paragraph', index: 1, text: '二是完善体系{不是代码}，换行续写。' },
    ]);
    expect(paragraphs(body)).toHaveLength(2);
  });
  it('removes MDX escapes', () => {
    expect(unescapeMdx('\\<script\\> \\{x\\}')).toBe('<script> {x}');
  });
  it('finds lines with unescaped markup, not escaped ones', () => {
    expect(unescapedMarkup('甲\\<乙\\>\n丙<script>\n丁\\{x\\}\n戊}')).toEqual(['丙<script>', '戊}']);
    expect(unescapedMarkup('见[通知](javascript:alert(1))\n![图](x.png)\n引\\[1\\](注)')).toEqual([
      '见[通知](javascript:alert(1))',
      '![图](x.png)',
    ]);
  });
  it('excerpts around the first term found', () => {
    const text = '甲'.repeat(100) + '县管校聘' + '乙'.repeat(100);
    const ex = excerptAround(text, ['县管校聘'], 10)!;
    expect(ex).toBe(`…${'甲'.repeat(10)}县管校聘${'乙'.repeat(10)}…`);
    expect(excerptAround(text, ['双减'])).toBeUndefined();
  });
});
