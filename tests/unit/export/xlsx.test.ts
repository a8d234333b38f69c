import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { displayWidth, workbook } from '../../../src/lib/export/xlsx.ts';

describe('xlsx workbook', () => {
  it('writes one sheet per table with typed numbers, a frozen bold header and widths from the content', async () => {
    const bytes = await workbook(
      [
        {
          name: '案例',
          header: ['id', '标题'],
          rows: [
            ['a', '从“有学上”到“上好学”'],
            ['b', null],
          ],
        },
        {
          name: '关键数字',
          header: ['数值', '单位'],
          rows: [
            [31.92, '万个'],
            [1980, '个'],
          ],
        },
      ],
      'test',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['案例', '关键数字']);
    const figures = book.getWorksheet('关键数字')!;
    expect(figures.getCell('A2').value).toBe(31.92);
    expect(figures.getCell('A2').type).toBe(ExcelJS.ValueType.Number);
    expect(figures.getCell('A1').font?.bold).toBe(true);
    expect(figures.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const cases = book.getWorksheet('案例')!;
    expect(cases.getColumn(2).width).toBe(displayWidth('从“有学上”到“上好学”') + 2);
    expect(cases.getCell('B3').value).toBeNull();
    expect(cases.getColumn(1).alignment?.wrapText).toBeFalsy();
  });
  it('caps wide columns and wraps their text', async () => {
    const long = '新增优质学位1980个，'.repeat(10);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await workbook([{ name: 's', header: ['摘要'], rows: [[long]] }], 't')) as unknown as ArrayBuffer,
    );
    const column = book.worksheets[0]!.getColumn(1);
    expect(column.width).toBe(60);
    expect(book.worksheets[0]!.getCell('A2').alignment?.wrapText).toBe(true);
  });
  it('counts CJK characters double for column widths', () => {
    expect(displayWidth('ab')).toBe(2);
    expect(displayWidth('学位')).toBe(4);
  });
});
