import { describe, expect, test } from 'vitest';
import { decodePageFacets, encodePageFacets } from '../../../../src/lib/search/index/pageFacets.ts';
import { pageId, type PageFilters } from '../../../../src/lib/search/index/schema.ts';
import { corpus, FIXTURE_TAG } from '../fixtures.ts';

const roundTrip = (tag: string, pages: Parameters<typeof encodePageFacets>[1]) =>
  decodePageFacets(JSON.parse(JSON.stringify(encodePageFacets(tag, pages))));

describe('page facets file', () => {
  test('round trip: every page, by its result id, gets back its facet values', () => {
    const pages = corpus();
    const decoded = roundTrip(
      FIXTURE_TAG,
      pages.map((p) => ({ filters: p.filters, date: p.meta['datekey'] })),
    );
    expect(decoded.filters.size).toBe(pages.length);
    // The values of a facet as a set (the order on a page is the fragment's, for its chips).
    const sorted = (f: PageFilters | undefined) =>
      Object.fromEntries(Object.entries(f ?? {}).map(([k, v]) => [k, [...(v ?? [])].sort()]));
    for (const p of pages) expect(sorted(decoded.filters.get(p.id)), p.url).toEqual(sorted(p.filters));
  });

  test('the date order: the pages with a date, by number (newest first); ids say case or not', () => {
    const decoded = roundTrip('abc123', [
      { filters: { type: ['case'] }, date: '2024-05-01' },
      { filters: { type: ['source'] }, date: '2024-05' },
      { filters: { type: ['case'] }, date: '2023' },
      { filters: { type: ['measure'] } },
    ]);
    expect(decoded.byDate).toEqual([pageId('c', 'abc123', 0), pageId('p', 'abc123', 1), pageId('c', 'abc123', 2)]);
    expect(decoded.filters.get(pageId('p', 'abc123', 3))).toEqual({ type: ['measure'] });
  });

  test('pages out of date order are refused (the index numbers them newest first)', () => {
    expect(() =>
      encodePageFacets('abc123', [
        { filters: {}, date: '2023' },
        { filters: {}, date: '2024' },
      ]),
    ).toThrow(/out of date order/);
    expect(() => encodePageFacets('abc123', [{ filters: {} }, { filters: {}, date: '2024' }])).toThrow(
      /out of date order/,
    );
  });

  test('keeps only the facets of the index schema, and pages without any', () => {
    const filters = { type: ['case'], part: ['1'], 'match-x': ['yes'] } as PageFilters;
    const decoded = roundTrip('abc123', [{ filters }, { filters: {} }]);
    expect(decoded.filters.get(pageId('c', 'abc123', 0))).toEqual({ type: ['case'] });
    expect(decoded.filters.get(pageId('p', 'abc123', 1))).toEqual({});
  });

  test('bitmaps hold hundreds of pages: every page keeps its own values', () => {
    const pages = Array.from({ length: 1000 }, (_, n) => ({
      filters: { type: ['case'], year: [String(2000 + (n % 7))], measure: n % 3 ? ['a'] : ['a', 'b'] },
    }));
    const decoded = roundTrip('abc123', pages);
    pages.forEach((p, n) => expect(decoded.filters.get(pageId('c', 'abc123', n))).toEqual(p.filters));
  });
});
