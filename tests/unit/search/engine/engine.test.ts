import { describe, expect, test } from 'vitest';
import { HAN } from '../../../../src/lib/text/han.ts';
import { createSearchEngine } from '../../../../src/lib/search/engine/engine.ts';
import { random } from '../../../helpers/random.ts';
import { corpus, dictionary, fakePagefind, pageFacetsOf } from '../fixtures.ts';
import { normalize } from '../../../../src/lib/search/query/normalize.ts';
import { matchedMeasures } from '../../../../src/lib/search/index/mentions.ts';
import { isCaseId } from '../../../../src/lib/search/index/schema.ts';
import { indexQuery, namedWord, termWord } from '../../../../src/lib/search/index/indexText.ts';

const pages = corpus();
const slug = (url: string) => url.split('?')[0]!.replace(/^\/(cases|measures)\/|\/$/g, '');
/** Slugs of the case pages whose text contains `text` (the expectation, from the content). */
const casesWith = (text: string) =>
  pages.filter((p) => isCaseId(p.id) && p.content.includes(text)).map((p) => slug(p.url));

function engine() {
  const pf = fakePagefind(pages);
  return { pf, engine: createSearchEngine(pf, dictionary(), { pageFacets: pageFacetsOf(pages) }) };
}

describe('query strategy (real cases, a bigram index as Pagefind searches it)', () => {
  test('减负: only pages containing 减负 or another name of 双减, literal ones first', async () => {
    const { engine: e } = engine();
    const o = await e.query('减负');
    const ids = o.results.map((h) => slug(h.url));
    const literal = casesWith('减负');
    expect(literal.length).toBeGreaterThan(0);
    expect(ids.slice(0, literal.length).sort()).toEqual(literal.sort());
    expect(o.results.slice(0, literal.length).every((h) => h.kind === 'literal')).toBe(true);
    const alias = o.results.filter((x) => x.kind === 'alias');
    expect(alias.length).toBeGreaterThan(0);
    for (const h of alias) expect(h.reason).toContain('双减');
    expect(o.hints.map((m) => m.id)).toEqual(['double-reduction']);
  });

  test('"团化": a fragment starting mid-word finds every case with 集团化', async () => {
    const o = await engine().engine.query('"团化"');
    const withIt = pages.filter((p) => isCaseId(p.id) && p.content.includes('团化')).map((p) => slug(p.url));
    expect(
      o.results
        .filter((h) => h.type === 'case')
        .map((h) => slug(h.url))
        .sort(),
    ).toEqual(withIt.sort());
  });

  test('a longer phrase not in any text falls back to its longest pieces', async () => {
    const o = await engine().engine.query('县管校聘制度');
    expect(o.fallback).toBe(true);
    expect(o.results).toEqual([]);
    expect(o.pieces).toContain('县管校聘');
    const withPiece = casesWith('县管校聘');
    expect(withPiece.length).toBeGreaterThan(0);
    expect(o.related.map((h) => slug(h.url))).toEqual(expect.arrayContaining(withPiece));
  });

  test('without related results (the dialog), pieces are looked up only when nothing matches whole', async () => {
    const few = casesWith('钱学森');
    expect(few.length).toBeGreaterThan(0);
    const { pf, engine: e } = engine();
    const o = await e.query('钱学森', {}, 'relevance', 0, { related: false });
    expect(o.related).toEqual([]);
    expect(o.results.map((h) => slug(h.url))).toEqual(expect.arrayContaining(few));
    expect(pf.asked.filter((q) => q.includes('钱学') && q !== '"钱学 学森"' && q !== '钱学 学森')).toEqual([]);
    const none = await e.query('县管校聘制度', {}, 'relevance', 0, { related: false });
    expect(none.fallback).toBe(true);
    expect(none.related.length).toBeGreaterThan(0);
    // With related results (the search page), the same query looks its pieces up.
    const page = engine();
    await page.engine.query('钱学森');
    expect(page.pf.asked).toContain('"钱学"');
  });

  test('1980个学位 and 1980 个学位 find the case with 新增优质学位1980个', async () => {
    const withNumber = casesWith('学位1980个');
    expect(withNumber.length).toBeGreaterThan(0);
    for (const q of ['1980个学位', '1980 个学位', '１９８０个学位']) {
      const o = await engine().engine.query(q);
      expect(withNumber).toContain(o.related[0] && slug(o.related[0].url));
    }
  });

  test('traditional characters: 雙減 finds 双减', async () => {
    const o = await engine().engine.query('雙減');
    expect(o.query.converted).toBe(true);
    expect(o.results.filter((h) => h.kind === 'literal').length).toBeGreaterThan(3);
  });

  test('nothing for words in no text, and no page read to say so', async () => {
    const { pf, engine: e } = engine();
    const o = await e.query('量子计算');
    expect(o.results).toEqual([]);
    expect(o.related).toEqual([]);
    expect(o.total).toBe(0);
    expect(pf.loaded.size).toBe(0);
  });

  test('the count is exact (every page containing the word) though only the results shown are read', async () => {
    for (const q of ['教育', '课后服务', '集团化', '郑州']) {
      const pf = fakePagefind(pages);
      const e = createSearchEngine(pf, dictionary(), { pageSize: 3, pageFacets: pageFacetsOf(pages) });
      const o = await e.query(q, {}, 'relevance', 0, { counts: false });
      // Pages containing the word, and cases naming its measure by another name or tagged with it.
      const named = o.query.words[0]!.measures;
      const dict = dictionary();
      const containing = pages.filter(
        (p) =>
          normalize(p.content, { compact: true }).includes(q) ||
          (isCaseId(p.id) &&
            matchedMeasures(normalize(p.content, { t2s: dict.t2s, compact: true }), p.filters.measure ?? [], dict).some(
              (id) => named.includes(id),
            )),
      );
      expect(containing.length, q).toBeGreaterThan(3);
      expect(o.total, q).toBe(containing.length);
      expect(o.caseTotal, q).toBe(containing.filter((p) => isCaseId(p.id)).length);
      expect(o.results.length, q).toBe(3);
      expect(o.truncated, q).toBe(true);
      expect(pf.loaded.size, q).toBe(3);
    }
  });

  test('filter counts are exact over all results, not only those read', async () => {
    const e = createSearchEngine(fakePagefind(pages), dictionary(), { pageSize: 2, pageFacets: pageFacetsOf(pages) });
    const o = await e.query('教育');
    const containing = pages.filter((p) => normalize(p.content, { compact: true }).includes('教育'));
    const years = new Set(containing.flatMap((p) => p.filters['year'] ?? []));
    expect(years.size).toBeGreaterThan(1);
    for (const y of years)
      expect(o.counts.year?.[y], y).toBe(containing.filter((p) => p.filters['year']?.includes(y)).length);
    expect(o.counts.type?.['case']).toBe(o.caseTotal);
  });

  test('a known term is one whole word of the index, with the cases naming or tagged with its measure; another word is the phrase of its bigrams', async () => {
    const { pf, engine: e } = engine();
    await e.query('官方带娃');
    expect(pf.asked.slice(0, 3)).toEqual(expect.arrayContaining([termWord('官方带娃'), namedWord('官方带娃')]));
    expect(pf.asked).not.toContain('"官方 方带 带娃"');
    const other = engine();
    await other.engine.query('带娃模式');
    expect(other.pf.asked).toContain('"带娃 娃模 模式"');
    expect(other.pf.asked.some((q) => q.includes('\u16a0'))).toBe(false);
  });

  test('a known term finds exactly the pages whose text contains it, from its whole word', async () => {
    const dict = dictionary();
    const texts = pages.map((p) => ({ id: p.id, norm: normalize(p.content, { t2s: dict.t2s, compact: true }) }));
    const terms = [...dict.indexedTerms].filter((t) => texts.some((p) => p.norm.includes(t)));
    expect(terms.length).toBeGreaterThan(3);
    const { pf, engine: e } = engine();
    for (const term of terms) {
      const expected = texts.filter((p) => p.norm.includes(term)).map((p) => p.id);
      const o = await e.query(`"${term}"`); // quoted: the term alone, no other names of its measure
      expect(o.total, term).toBe(expected.length);
      expect(expected, term).toEqual(expect.arrayContaining(o.results.map((h) => h.id)));
      const phrase = indexQuery(term);
      expect(phrase.kind).toBe('phrase');
      if (phrase.kind === 'phrase') expect(pf.asked, term).not.toContain(phrase.term);
    }
  });

  test('filters apply to the results; counts are per facet', async () => {
    const e = engine().engine;
    const all = await e.query('课后服务');
    const y2022 = await e.query('课后服务', { year: ['2022'] });
    expect(y2022.results.every((h) => h.filters['year']?.includes('2022'))).toBe(true);
    expect(y2022.results.length).toBeLessThan(all.results.length);
    expect(y2022.counts.year?.['2024']).toBe(all.counts.year?.['2024']);
  });

  test('sort by date', async () => {
    const o = await engine().engine.query('集团化', {}, 'date');
    const dates = o.results.map((h) => h.meta['datekey'] ?? '');
    expect(dates.length).toBeGreaterThan(3);
    expect(dates).toEqual([...dates].sort().reverse());
    // …and that is the sort's doing: by relevance the order is a different one.
    const byRelevance = (await engine().engine.query('集团化')).results.map((h) => h.meta['datekey'] ?? '');
    expect(byRelevance).not.toEqual(dates);
  });

  test('result links carry the terms to highlight', async () => {
    const o = await engine().engine.query('官方带娃');
    const alias = o.results.find((h) => h.kind === 'alias')!;
    expect(decodeURIComponent(alias.url)).toMatch(/\?hl=.*课后服务/);
    expect(alias.excerptHtml).toMatch(/<mark>[^<]+<\/mark>/);
  });

  test('browse: empty query lists the cases newest first, counts from Pagefind', async () => {
    const o = await engine().engine.browse({ year: ['2022'] }, 3);
    expect(o.browse).toBe(true);
    expect(o.total).toBe(
      pages.filter((p) => p.filters['type']![0] === 'case' && p.filters['year']![0] === '2022').length,
    );
    expect(o.results).toHaveLength(3);
    expect(o.counts.year?.['2024']).toBeGreaterThan(0);
  });
});

test('any 2–8-character Chinese string of a case body finds the case on the first page', async () => {
  const rnd = random(20251011);
  const e = engine().engine;
  const failures: string[] = [];
  for (const p of pages.filter((x) => x.body)) {
    const runs = p.body.match(new RegExp(`${HAN}{2,}`, 'gu'))!;
    for (let i = 0; i < 15; i++) {
      const run = [...runs[Math.floor(rnd() * runs.length)]!];
      const len = Math.min(run.length, 2 + Math.floor(rnd() * 7));
      const at = Math.floor(rnd() * (run.length - len + 1));
      const q = run.slice(at, at + len).join('');
      const o = await e.query(q);
      if (!o.results.slice(0, 20).some((h) => h.url.startsWith(p.url))) failures.push(`${q} → ${p.id}`);
    }
  }
  expect(failures).toEqual([]);
});
