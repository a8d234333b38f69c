import { describe, expect, it } from 'vitest';
import { checkFigures } from '../../../src/lib/model/figures.ts';
import { extractFigures } from '../../../src/lib/ingest/draft/figures.ts';
import { figureFromSelection } from '../../../src/lib/studio/selection.ts';

const paragraph =
  '2024年，全区新增优质学位1980个，教育经费总投入较2023年增长12%，建成智慧教室36间，每所学校至少配备1名专职心理教师，共有学生3.2万余人。';
const ctx = { measures: [], headings: [], metrics: [] };
const select = (text: string, from = 0) => {
  const at = paragraph.indexOf(text, from);
  return figureFromSelection(paragraph, at, at + text.length, ctx);
};

describe('a figure from a number selected in the text', () => {
  it('is what ingest proposes for that number, whatever part of it is selected', () => {
    const proposed = extractFigures([paragraph], { ...ctx, max: 100 }).find((f) => f.quote.includes('1980'))!;
    const { paragraph: _p, score: _s, ...expected } = proposed;
    expect(select('1980')).toEqual(expected);
    expect(select('1980个')).toEqual(expected);
    expect(select('新增优质学位1980个')).toEqual(expected);
    expect(select('3.2')).toMatchObject({ value: 3.2, unit: '万人', display: '3.2万余人' });
  });

  it('is the number and the unit after it when ingest proposes nothing there', () => {
    expect(select('1名')).toMatchObject({ value: 1, unit: '名', quote: '每所学校至少配备1名', kind: 'result' });
  });

  it('always passes the build’s quote check', () => {
    for (const text of ['1980', '12%', '36', '1名', '3.2']) {
      const figure = select(text)!;
      expect(checkFigures([paragraph], [figure], []), text).toEqual([]);
    }
  });

  it('is nothing for a year, an ordinal or text without a number', () => {
    expect(select('2024')).toBeUndefined();
    expect(figureFromSelection('第3届运动会如期举行', 1, 2, ctx)).toBeUndefined();
    expect(select('全区新增优质学位')).toBeUndefined();
  });
});
