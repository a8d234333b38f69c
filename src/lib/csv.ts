/**
 * CSV for spreadsheets (RFC 4180 quoting, CRLF rows). The UTF-8 byte-order mark makes
 * Excel open Chinese text correctly instead of guessing a legacy code page.
 */
export const UTF8_BOM = '\uFEFF';

export function csvCell(value: unknown): string {
  const text = value === undefined || value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return UTF8_BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
