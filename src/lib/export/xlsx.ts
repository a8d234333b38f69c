/**
 * Spreadsheets for Excel and WPS (exceljs): one sheet per table, a bold frozen header row with a
 * filter, column widths from the content, and numbers as number cells (not text), so that sums
 * and sorting work without conversion.
 */
import ExcelJS from 'exceljs';

export type Cell = string | number | null | undefined;

export interface Sheet {
  name: string;
  header: string[];
  rows: Cell[][];
}

/** Characters a spreadsheet shows two columns wide (CJK, full-width forms, Hangul). */
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/gu;

/** Display width in Excel's character units: a CJK character takes two. */
export function displayWidth(text: string): number {
  let chars = 0;
  for (const _ of text) chars++;
  return chars + (text.match(WIDE)?.length ?? 0);
}

const MIN_WIDTH = 6;
const MAX_WIDTH = 60;

/** The workbook's bytes; runs at build time and, loaded on demand, in the browser (/compare/). */
export async function workbook(sheets: Sheet[], creator: string): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook();
  book.creator = creator;
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(sheet.header).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map((c) => (c === undefined ? null : c)));
    sheet.header.forEach((h, i) => {
      // Measured until one cell is wider than a column may be (a table of 50,000 rows need not be read to the end).
      let widest = displayWidth(h);
      for (const r of sheet.rows) {
        if (widest + 2 > MAX_WIDTH) break;
        widest = Math.max(widest, displayWidth(String(r[i] ?? '')));
      }
      const column = ws.getColumn(i + 1);
      column.width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, widest + 2));
      // Long texts (summaries, quotes) wrap inside their column instead of running over the next ones.
      if (widest + 2 > MAX_WIDTH) column.alignment = { wrapText: true, vertical: 'top' };
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.header.length } };
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
