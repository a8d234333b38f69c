/**
 * Partial dates: a source may give a day, a month or only a year. We keep exactly that
 * precision (never invent a day) and format it for people and for sorting.
 */
export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; returns an error message for anything else. */
export function parsePartialDate(input: string): PartialDate | { error: string } {
  const m = PATTERN.exec(input.trim());
  if (!m) return { error: `“${input}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (only as precise as the source)` };
  const year = Number(m[1]);
  const month = m[2] === undefined ? undefined : Number(m[2]);
  const day = m[3] === undefined ? undefined : Number(m[3]);
  if (month !== undefined && (month < 1 || month > 12)) return { error: `“${input}” has no month ${month}` };
  if (day !== undefined) {
    const last = new Date(Date.UTC(year, month!, 0)).getUTCDate();
    if (day < 1 || day > last) return { error: `“${input}” has no day ${day} (month ${month} has ${last} days)` };
  }
  return { year, ...(month !== undefined && { month }), ...(day !== undefined && { day }) };
}

export function isPartialDate(value: PartialDate | { error: string }): value is PartialDate {
  return !('error' in value);
}

/** 2025年10月11日 / 2023年 — as precise as known. */
export function formatDateZh(d: PartialDate): string {
  return `${d.year}年` + (d.month ? `${d.month}月` : '') + (d.day ? `${d.day}日` : '');
}

/** A sortable number: unknown parts sort as the start of the period. */
export function dateSortKey(d: PartialDate): number {
  return d.year * 10000 + (d.month ?? 0) * 100 + (d.day ?? 0);
}
