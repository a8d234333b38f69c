/**
 * CSV for spreadsheets (RFC 4180 quoting, CRLF rows). The UTF-8 byte-order mark makes
 * Excel open Chinese text correctly instead of guessing a legacy code page. Read back (复制表格
 * fetches a table's CSV) with d3-dsv.
 */
import { csvParseRows } from 'd3-dsv';
const UTF8_BOM = '\uFEFF';

/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab/CR first — OWASP's
 * CSV-injection list) gets a leading `'`, which Excel, WPS and LibreOffice show as text.
 * Numbers are written as numbers (a negative value stays −5, not '-5).
 */
function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A cell's text: numbers as written, nothing for null, text with formulas neutralised. */
function cellText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'number' && Number.isFinite(value) ? String(value) : neutraliseFormula(String(value));
}

/** Quoted (quotes doubled) when the text holds one of `special`. */
const quoteIf = (text: string, special: RegExp) => (special.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

export function csvCell(value: unknown): string {
  return quoteIf(cellText(value), /[",\r\n]/);
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return UTF8_BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** Tab-separated text, the plain-text flavour of 复制表格 (what Excel and WPS read from a paste). */
export function toTsv(header: string[], rows: unknown[][]): string {
  return (
    [header, ...rows].map((row) => row.map((v) => quoteIf(cellText(v), /[\t\r\n"]/)).join('\t')).join('\r\n') + '\r\n'
  );
}

/**
 * An HTML table, the rich flavour of 复制表格: numbers as numbers, text kept as text (Excel would
 * read 2022-10 as a date; `mso-number-format:\@` tells it not to).
 */
export function toHtmlTable(header: string[], rows: unknown[][]): string {
  // Escaped here, not with lib/highlight.ts: that one ships in the search's bundle, which a page
  // that only copies a table must not load.
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const cell = (tag: 'th' | 'td', value: unknown) => {
    const asText = tag === 'td' && !(typeof value === 'number' && Number.isFinite(value));
    return `<${tag}${asText ? ` style="mso-number-format:'\\@'"` : ''}>${escape(cellText(value))}</${tag}>`;
  };
  const head = `<tr>${header.map((h) => cell('th', h)).join('')}</tr>`;
  const body = rows.map((r) => `<tr>${r.map((v) => cell('td', v)).join('')}</tr>`).join('');
  return `<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** A number as toCsv writes one (String of a finite number): read back as a number, everything else as text. */
const NUMBER = /^-?\d+(?:\.\d+)?(?:e[-+]?\d+)?$/i;

/** A table read back from what toCsv wrote: header and rows, numbers as numbers. */
export function readCsv(text: string): { header: string[]; rows: unknown[][] } {
  const [header = [], ...rows] = csvParseRows(text.replace(/^\uFEFF/, ''));
  return { header, rows: rows.map((r) => r.map((cell) => (NUMBER.test(cell) ? Number(cell) : cell))) };
}
