import { describe, expect, it } from 'vitest';
import {
  bodyBlocks,
  cutPoint,
  excerptAround,
  paragraphs,
  unescapedMarkup,
  unescapeMdx,
} from '../../../src/lib/text/bodyText.ts';

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
  it('cuts an excerpt after a sentence end or clause mark near the wanted length', () => {
    const text = `${'前文'.repeat(20)}。深化县管校聘改革，统筹教师编制，${'后文'.repeat(2)}。${'再后'.repeat(20)}`;
    const ex = excerptAround(text, ['县管校聘'], 12)!;
    expect(ex.startsWith('…深化县管校聘')).toBe(true);
    expect(ex.endsWith('。…')).toBe(true);
  });
  it('never cuts inside a number, whatever the radius', () => {
    const texts = [
      '此外我们建立五级培训机制累计培训教师31000人次这些培训还注重师德师风和创新精神此后推进县管校聘改革选拔一批校长',
      '全区教育质量显著提升共有35名学生被名校录取200余人升入第一批次高中依托通航产业优势深化县管校聘改革创新办学模式新增学位3.5万个投入38.48%',
    ];
    const numbers = /\d[\d.]*[余多万%]?/g;
    for (const text of texts) {
      const whole = new Set(text.match(numbers));
      for (let radius = 3; radius <= 60; radius++) {
        const ex = excerptAround(text, ['县管校聘'], radius)!;
        for (const n of ex.replace(/…/g, ' ').match(numbers) ?? []) expect(whole, `${radius}: ${ex}`).toContain(n);
      }
    }
  });
  it('cuts at the wanted place when the cut falls between a number and a word', () => {
    expect(cutPoint('共有200余人升学', 6, 0, 6, 'start')).toBe(6);
    expect(cutPoint('共有200余人升学', 4, 0, 4, 'start')).toBe(2);
    expect(cutPoint('共有200余人升学', 4, 4, 4, 'end')).toBe(6);
    expect(cutPoint('千方百计万众一心', 2, 0, 2, 'start')).toBe(2);
  });
});
