// Bounds (bounds.ts): what the search accepts and shows is cut, whatever a page or a query holds.
import { describe, expect, test } from 'vitest';
import {
  boundQuery,
  MAX_META_CHARS,
  MAX_QUERY_CHARS,
  MAX_TITLE_CHARS,
  truncateText,
} from '../../../../src/lib/search/query/bounds.ts';
import { createSearchEngine } from '../../../../src/lib/search/engine/engine.ts';
import { buildExcerpt } from '../../../../src/lib/search/engine/excerpt.ts';
import { analyse, prepareDoc } from '../../../../src/lib/search/engine/match.ts';
import { parseQuery } from '../../../../src/lib/search/query/query.ts';
import { corpus, dictionary, fakePagefind, pageFacetsOf } from '../fixtures.ts';

const textOf = (html: string) => html.replace(/<[^>]*>/g, '');

describe('truncateText and boundQuery', () => {
  test('short text is kept; long text is cut with …, never inside a surrogate pair', () => {
    expect(truncateText('县管校聘', 4)).toBe('县管校聘');
    expect(truncateText('县管校聘改革', 4)).toBe('县管校…');
    const astral = '𠀀'.repeat(10);
    expect(Array.from(truncateText(astral, 5))).toHaveLength(5);
    expect(truncateText(astral, 5)).toBe(`${'𠀀'.repeat(4)}…`);
    expect(truncateText(astral, 10)).toBe(astral);
  });

  test('a 100,000-character query is cut to the maximum, and says so', () => {
    const huge = '县管校聘'.repeat(25_000);
    const { query, cut } = boundQuery(huge);
    expect(cut).toBe(true);
    expect(Array.from(query)).toHaveLength(MAX_QUERY_CHARS);
    expect(boundQuery('县管校聘')).toEqual({ query: '县管校聘', cut: false });
  });
});

describe('what a result shows is bounded', () => {
  const pages = corpus();
  const hostile = '教育优质均衡发展综合改革'.repeat(2000);
  const first = pages[0]!;
  pages[0] = {
    ...first,
    meta: { ...first.meta, title: hostile, region: hostile, body: hostile },
    content: `${hostile}. 摘要. ${first.content}`,
  };

  test('a 20,000-character title, region and reporting body: the result shows a bounded title and line', async () => {
    const engine = createSearchEngine(fakePagefind(pages), dictionary(), { pageFacets: pageFacetsOf(pages) });
    for (const q of ['教育优质均衡', '综合改革']) {
      const hit = (await engine.query(q)).results.find((h) => h.id === pages[0]!.id);
      expect(hit, q).toBeDefined();
      expect(Array.from(hit!.title).length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
      expect(Array.from(textOf(hit!.titleHtml)).length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
      for (const key of ['region', 'body'] as const)
        expect(Array.from(hit!.meta[key]!).length).toBeLessThanOrEqual(MAX_META_CHARS);
      expect(textOf(hit!.excerptHtml).length).toBeLessThan(200);
    }
  });

  test('an excerpt of a page repeating the word 10,000 times is one window', () => {
    const content = '县管校聘'.repeat(10_000);
    const doc = prepareDoc({ id: 'c', url: '/c/', content, meta: {}, filters: { type: ['case'] }, score: 0 });
    const analysis = analyse(doc, parseQuery('县管校聘', dictionary()));
    expect(analysis.occurrences.length).toBeGreaterThan(0);
    const excerpt = buildExcerpt(doc.content, doc.norm, analysis.occurrences);
    expect(excerpt.text.length).toBeLessThanOrEqual(92);
  });
});
