import { describe, expect, test } from 'vitest';
import {
  canonicalSelection,
  DATED_TYPES,
  FILTER_KEYS,
  filterLabel,
  indexAttributes,
  PAGE_TYPES,
  typeRank,
} from '../../../../src/lib/search/index/schema.ts';
import { highlightHtml, markRanges } from '../../../../src/lib/text/highlight.ts';
import { FACETS } from '../../../../src/lib/search/engine/facets.ts';

describe('index schema', () => {
  test('a record becomes Pagefind filter, meta and sort attributes', () => {
    const a = indexAttributes({
      type: 'case',
      filters: { measure: ['county-managed-teachers', 'county-managed-teachers'], city: ['410300'] },
      meta: { body: '洛阳市教育局', author: undefined },
      date: '2022-05',
    });
    expect(a.filters).toEqual(['type:case', 'measure:county-managed-teachers', 'city:410300']);
    expect(a.meta).toEqual(['body:洛阳市教育局', 'datekey:2022-05']);
    expect(a.sort).toEqual(['date:2022-05']);
    expect(indexAttributes({ type: 'theme' })).toEqual({ filters: ['type:theme'], meta: [], sort: [] });
  });

  test('facets are the filter keys; cases rank first; dated types are page types', () => {
    expect(FACETS).toBe(FILTER_KEYS);
    expect(typeRank('case')).toBe(0);
    expect(typeRank('unknown')).toBe(PAGE_TYPES.length);
    for (const t of DATED_TYPES) expect(PAGE_TYPES).toContain(t);
  });

  test('old URLs with display names resolve to keys; a renamed label keeps the key', () => {
    const labels = {
      measure: { 'county-managed-teachers': '县管校聘', 'group-schooling': '集团化办学' },
      city: { '410300': '洛阳市' },
    };
    expect(
      canonicalSelection({ measure: ['县管校聘', 'group-schooling'], city: ['洛阳市'], year: ['2022'] }, labels),
    ).toEqual({
      measure: ['county-managed-teachers', 'group-schooling'],
      city: ['410300'],
      year: ['2022'],
    });
    const renamed = { measure: { 'county-managed-teachers': '县管校聘改革' } };
    expect(canonicalSelection({ measure: ['county-managed-teachers'] }, renamed)).toEqual({
      measure: ['county-managed-teachers'],
    });
    expect(filterLabel(renamed, 'measure', 'county-managed-teachers')).toBe('县管校聘改革');
    expect(filterLabel(renamed, 'measure', 'gone')).toBe('gone');
  });
});

describe('the one highlighter', () => {
  test('marks ranges, overlaps once, escaping everything', () => {
    expect(markRanges('a<b>c', [[1, 4]])).toBe('a<mark>&lt;b&gt;</mark>c');
    expect(
      markRanges('abcdef', [
        [2, 5],
        [0, 3],
      ]),
    ).toBe('<mark>abc</mark><mark>de</mark>f');
    expect(
      markRanges('abcdef', [
        [0, 4],
        [1, 3],
      ]),
    ).toBe('<mark>abcd</mark>ef');
    expect(highlightHtml('县管校聘与县管', ['县管', '县管校聘'])).toBe('<mark>县管校聘</mark>与<mark>县管</mark>');
  });
});
