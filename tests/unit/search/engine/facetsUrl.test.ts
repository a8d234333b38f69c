import { describe, expect, test } from 'vitest';
import {
  facetCounts,
  isEmptySelection,
  matchesSelection,
  toPagefindFilters,
} from '../../../../src/lib/search/engine/facets.ts';
import { highlightTerms, parseState, stateToSearch, withHighlight } from '../../../../src/lib/search/query/url.ts';

const items: Array<{ filters: Record<string, string[]> }> = [
  { filters: { type: ['case'], measure: ['双减', '课后服务'], year: ['2022'], city: ['郑州市'] } },
  { filters: { type: ['case'], measure: ['县管校聘'], year: ['2022'], city: ['洛阳市'] } },
  { filters: { type: ['case'], measure: ['课后服务'], year: ['2024'], city: ['郑州市'] } },
  { filters: { type: ['measure'], theme: ['减负提质'] } },
];

describe('facets', () => {
  test('OR inside a facet, AND across facets', () => {
    const sel = { measure: ['双减', '县管校聘'], year: ['2022'] };
    expect(items.filter((i) => matchesSelection(i.filters, sel)).length).toBe(2);
    expect(items.filter((i) => matchesSelection(i.filters, { ...sel, city: ['洛阳市'] })).length).toBe(1);
    expect(matchesSelection(items[3]!.filters, { year: ['2022'] })).toBe(false);
  });

  test('a facet is counted under the other facets only', () => {
    const counts = facetCounts(items, { measure: ['课后服务'], year: ['2022'] });
    expect(counts.measure).toEqual({ 双减: 1, 课后服务: 1, 县管校聘: 1 });
    expect(counts.year).toEqual({ 2022: 1, 2024: 1 });
    expect(counts.city).toEqual({ 郑州市: 1 });
  });

  test('Pagefind filters: any-of per facet, one facet left out, fixed filters', () => {
    expect(toPagefindFilters({ measure: ['双减', '县管校聘'], year: ['2022'] }, 'year', { type: 'case' })).toEqual({
      type: 'case',
      measure: { any: ['双减', '县管校聘'] },
    });
  });

  test('isEmptySelection', () => {
    expect(isEmptySelection({})).toBe(true);
    expect(isEmptySelection({ year: [] })).toBe(true);
    expect(isEmptySelection({ year: ['2022'] })).toBe(false);
  });
});

describe('url state', () => {
  test('round trip, repeated keys, unknown keys ignored', () => {
    const state = parseState(
      '?q=%E5%8E%BF%E7%AE%A1%E6%A0%A1%E8%81%98&measure=%E5%8F%8C%E5%87%8F&measure=%E8%AF%BE%E5%90%8E%E6%9C%8D%E5%8A%A1&year=2022&sort=date&foo=1',
    );
    expect(state).toEqual({
      q: '县管校聘',
      selection: { measure: ['双减', '课后服务'], year: ['2022'] },
      sort: 'date',
    });
    expect(parseState(stateToSearch(state))).toEqual(state);
  });

  test('empty state is an empty query string; relevance is the default sort', () => {
    expect(stateToSearch({ q: ' ', selection: {}, sort: 'relevance' })).toBe('');
    expect(parseState('').sort).toBe('relevance');
  });

  test('highlight terms on result links', () => {
    expect(withHighlight('/casebook/cases/a/', ['县管校聘', '改革'])).toBe(
      '/casebook/cases/a/?hl=%E5%8E%BF%E7%AE%A1%E6%A0%A1%E8%81%98&hl=%E6%94%B9%E9%9D%A9',
    );
    expect(withHighlight('/a/?x=1#p-3', ['5+2'])).toBe('/a/?x=1&hl=5%2B2#p-3');
    expect(withHighlight('/a/', [])).toBe('/a/');
    expect(highlightTerms('?hl=5%2B2&hl=%E5%8F%8C%E5%87%8F&hl=')).toEqual(['5+2', '双减']);
  });
});
