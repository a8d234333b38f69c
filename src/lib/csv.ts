/**
 * CSV for spreadsheets (RFC 4180 quoting, CRLF rows). The UTF-8 byte-order mark makes
 * Excel open Chinese text correctly instead of guessing a legacy code page.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab/CR first — OWASP's
 * CSV-injection list) gets a leading `'`, which Excel, WPS and LibreOffice show as text.
 * Numbers are written as numbers (a negative value stays −5, not '-5).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvCell(value: unknown): string {
  const text =
    value === undefined || value === null
      ? ''
      : typeof value === 'number' && Number.isFinite(value)
        ? String(value)
        : neutraliseFormula(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return UTF8_BOM + [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
