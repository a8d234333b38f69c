import { describe, expect, test } from 'vitest';
import { decodePageFacets, encodePageFacets } from '../../../src/lib/search/pageFacets.ts';
import type { PageFilters } from '../../../src/lib/search/schema.ts';
import { corpus } from './fixtures.ts';

describe('page facets file', () => {
  test('round trip: every page gets back the facet values it was given', () => {
    const pages = corpus().map((p) => ({ id: p.id, filters: p.filters, date: p.meta['datekey'] }));
    const decoded = decodePageFacets(JSON.parse(JSON.stringify(encodePageFacets(pages))));
    expect(decoded.filters.size).toBe(pages.length);
    for (const p of pages) expect(decoded.filters.get(p.id), p.id).toEqual(p.filters);
  });

  test('the date order: pages with a date, newest first (ties as given); pages without one left out', () => {
    const pages = [
      { id: 'und_a', filters: {}, date: '2023' },
      { id: 'und_b', filters: {} },
      { id: 'und_c', filters: {}, date: '2024-05-01' },
      { id: 'und_d', filters: {}, date: '2023' },
      { id: 'und_e', filters: {}, date: '2024-05' },
    ];
    const decoded = decodePageFacets(JSON.parse(JSON.stringify(encodePageFacets(pages))));
    expect(decoded.byDate).toEqual(['und_c', 'und_e', 'und_a', 'und_d']);
    expect([...decoded.filters.keys()].sort()).toEqual(pages.map((p) => p.id));
  });

  test('keeps only the facets of the index schema, and pages without any', () => {
    const filters = { type: ['case'], part: ['1'], 'match-x': ['yes'] } as PageFilters;
    const decoded = decodePageFacets(
      encodePageFacets([
        { id: 'a', filters },
        { id: 'b', filters: {} },
      ]),
    );
    expect(decoded.filters.get('a')).toEqual({ type: ['case'] });
    expect(decoded.filters.get('b')).toEqual({});
  });

  test('a number outside the value lists is ignored, not a crash', () => {
    const decoded = decodePageFacets({ version: 2, values: { type: ['case'] }, pages: { a: [0, 7] }, dated: 0 });
    expect(decoded.filters.get('a')).toEqual({ type: ['case'] });
  });
});
