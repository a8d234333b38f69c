import { describe, expect, test } from 'vitest';
import { decodePageFacets, encodePageFacets } from '../../../src/lib/search/pageFacets.ts';
import type { PageFilters } from '../../../src/lib/search/schema.ts';
import { corpus } from './fixtures.ts';

describe('page facets file', () => {
  test('round trip: every page gets back the facet values it was given, in order', () => {
    const pages = corpus().map((p) => ({ id: p.id, filters: p.filters }));
    const decoded = decodePageFacets(JSON.parse(JSON.stringify(encodePageFacets(pages))));
    expect(decoded.size).toBe(pages.length);
    for (const p of pages) expect(decoded.get(p.id), p.id).toEqual(p.filters);
  });

  test('keeps only the facets of the index schema, and pages without any', () => {
    const filters = { type: ['case'], part: ['1'], 'match-x': ['yes'] } as PageFilters;
    const decoded = decodePageFacets(
      encodePageFacets([
        { id: 'a', filters },
        { id: 'b', filters: {} },
      ]),
    );
    expect(decoded.get('a')).toEqual({ type: ['case'] });
    expect(decoded.get('b')).toEqual({});
  });

  test('a number outside the value lists is ignored, not a crash', () => {
    const decoded = decodePageFacets({ version: 1, values: { type: ['case'] }, pages: { a: [0, 7] } });
    expect(decoded.get('a')).toEqual({ type: ['case'] });
  });
});
