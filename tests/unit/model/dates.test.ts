import { describe, expect, it } from 'vitest';
import { dateSortKey, formatDateZh, parsePartialDate } from '../../../src/lib/model/dates.ts';

describe('partial dates', () => {
  it('keeps exactly the precision the source gives', () => {
    expect(parsePartialDate('2022')).toEqual({ year: 2022 });
    expect(parsePartialDate('2024-01')).toEqual({ year: 2024, month: 1 });
    expect(parsePartialDate('2025-10-11')).toEqual({ year: 2025, month: 10, day: 11 });
  });
  it('rejects impossible and malformed dates with a reason', () => {
    expect(parsePartialDate('2022-13')).toEqual({ error: '“2022-13” has no month 13' });
    expect(parsePartialDate('2023-02-29')).toMatchObject({ error: expect.stringContaining('has no day 29') });
    expect(parsePartialDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parsePartialDate('2025/10/11')).toMatchObject({
      error: expect.stringContaining('YYYY, YYYY-MM or YYYY-MM-DD'),
    });
    expect(parsePartialDate('22')).toHaveProperty('error');
  });
  it('formats for people and machines without inventing parts', () => {
    expect(formatDateZh({ year: 2022 })).toBe('2022年');
    expect(formatDateZh({ year: 2025, month: 10, day: 11 })).toBe('2025年10月11日');
  });
  it('sorts a year before the days of that year', () => {
    expect(dateSortKey({ year: 2024 })).toBeLessThan(dateSortKey({ year: 2024, month: 1, day: 13 }));
    expect(dateSortKey({ year: 2025, month: 10, day: 11 })).toBeGreaterThan(dateSortKey({ year: 2024, month: 12 }));
  });
});
