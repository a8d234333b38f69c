// The text a table becomes when it leaves the page: CSV (download), TSV and HTML (复制表格).
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { readCsv, toCsv, toHtmlTable, toTsv } from '../../../src/lib/export/csv.ts';

const header = ['地区', '数值', '原文'];
const rows = [
  ['郑州市', 27.6, '新增学位27.6万个'],
  ['洛阳市', -5, '=HYPERLINK("x")'],
  ['上街区', null, '第一行\t第二列\n第二行 "引号"'],
];

describe('tables for spreadsheets', () => {
  it('CSV starts with the byte-order mark and neutralises formulas, numbers stay numbers', () => {
    const csv = toCsv(header, rows);
    expect(csv.startsWith('\uFEFF地区,数值,原文\r\n郑州市,27.6,新增学位27.6万个\r\n')).toBe(true);
    expect(csv).toContain(`洛阳市,-5,"'=HYPERLINK(""x"")"`);
  });
  it('TSV keeps one row per line, quoting only cells with tabs, newlines or quotes', () => {
    const lines = toTsv(header, rows).split('\r\n');
    expect(lines[0]).toBe('地区\t数值\t原文');
    expect(lines[1]).toBe('郑州市\t27.6\t新增学位27.6万个');
    expect(lines[2]).toBe(`洛阳市\t-5\t"'=HYPERLINK(""x"")"`);
    expect(toTsv(header, rows)).toContain('上街区\t\t"第一行\t第二列\n第二行 ""引号"""');
  });
  it('HTML holds the same cells, escaped, text marked as text and numbers as numbers', () => {
    const html = toHtmlTable(header, [...rows, ['<script>', 1, '2022-10']]);
    const { document } = parseHTML(`<html><body>${html}</body></html>`);
    const cells = [...document.querySelectorAll('tr')].map((tr) => [...tr.children].map((c) => c.textContent));
    expect(cells[0]).toEqual(header);
    expect(cells[1]).toEqual(['郑州市', '27.6', '新增学位27.6万个']);
    expect(cells[4]).toEqual(['<script>', '1', '2022-10']);
    expect(document.querySelectorAll('script')).toHaveLength(0);
    const last = document.querySelectorAll('tr')[4]!.children;
    expect(last[1]!.getAttribute('style')).toBeNull();
    expect(last[2]!.getAttribute('style')).toContain('mso-number-format');
  });
  it('a CSV reads back as the table it was written from (what 复制表格 copies)', () => {
    const back = readCsv(toCsv(header, rows));
    expect(back.header).toEqual(header);
    expect(back.rows).toEqual([
      ['郑州市', 27.6, '新增学位27.6万个'],
      ['洛阳市', -5, `'=HYPERLINK("x")`],
      ['上街区', '', '第一行\t第二列\n第二行 "引号"'],
    ]);
    expect(readCsv(toCsv(['代码'], [['410100'], [1e21]])).rows).toEqual([[410100], [1e21]]);
  });
});
