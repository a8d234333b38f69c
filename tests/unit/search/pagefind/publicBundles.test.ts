/**
 * The index step with another Pagefind than the one whose private format the merge knows
 * (pagefind/version.ts): the parts stay as Pagefind wrote them, the browser merges them with
 * Pagefind's public `mergeIndex`, and the search finds what it finds over the merged index —
 * both built here from the same small site, searched with Pagefind's own code and WebAssembly.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { indexSite, type IndexSummary } from '../../../../src/lib/search/index/siteIndex.ts';
import { createSearchEngine } from '../../../../src/lib/search/engine/engine.ts';
import {
  decodePageFacets,
  PAGE_FACETS_FILE,
  type PageFacetsFile,
} from '../../../../src/lib/search/index/pageFacets.ts';
import { isCaseId } from '../../../../src/lib/search/index/schema.ts';
import { ANSWERS_DIR } from '../../../../src/lib/search/index/answers.ts';
import { openSiteBundle, withSiteFetch } from '../../../../src/lib/search/pagefind/siteBundle.ts';
import {
  PUBLIC_IDS_FILE,
  publicIds,
  publicIndex,
  type PublicIdsFile,
} from '../../../../src/lib/search/pagefind/publicIndex.ts';
import { FORMAT_VERSION } from '../../../../src/lib/search/pagefind/version.ts';
import type { PagefindLike } from '../../../../src/lib/search/engine/types.ts';
import type { SearchTerms } from '../../../../src/lib/search/query/terms.ts';
import { escapeHtml } from '../../../../src/lib/text/highlight.ts';
import { corpus, dictionary, terms } from '../fixtures.ts';

const pages = corpus();
const work = mkdtempSync(join(tmpdir(), 'pagefind-public-'));
const merged = join(work, 'merged');
const unmerged = join(work, 'unmerged');
const PART_PAGES = Math.ceil(pages.length / 3);
let summary: IndexSummary;

/** A built site of the fixture pages, as the site marks them up for the index (pageRecord.ts). */
function writeSite(dist: string): void {
  for (const page of pages) {
    const dir = join(dist, page.url);
    mkdirSync(dir, { recursive: true });
    const attrs = [
      ...Object.entries(page.filters).flatMap(([k, values]) =>
        (values ?? []).map((v) => `<span hidden data-pagefind-filter="${k}:${escapeHtml(v)}"></span>`),
      ),
      ...Object.entries(page.meta)
        .filter(([k, v]) => k !== 'title' && v)
        .map(([k, v]) => `<span hidden data-pagefind-meta="${k}:${escapeHtml(v!)}"></span>`),
      page.meta['datekey'] ? `<span hidden data-pagefind-sort="date:${page.meta['datekey']}"></span>` : '',
    ];
    writeFileSync(
      join(dir, 'index.html'),
      `<!doctype html><html lang="zh-CN"><body><article data-pagefind-body><h1>${escapeHtml(page.meta['title'] ?? '')}</h1>` +
        `${attrs.join('')}<p>${escapeHtml(page.content)}</p></article></body></html>`,
    );
  }
  writeFileSync(join(dist, 'search-terms.json'), JSON.stringify(terms()));
}

/** The engine over a built site's index, as the browser would run it (runtime.ts). */
async function searchSite<T>(dist: string, task: (engine: ReturnType<typeof createSearchEngine>) => Promise<T>) {
  const built = JSON.parse(readFileSync(join(dist, 'search-terms.json'), 'utf8')) as SearchTerms;
  const facets = decodePageFacets(JSON.parse(readFileSync(join(dist, PAGE_FACETS_FILE), 'utf8')) as PageFacetsFile);
  return withSiteFetch(dist, async () => {
    const pagefind = await openSiteBundle(dist);
    let index: PagefindLike = pagefind;
    if (built.index?.public) {
      for (const bundle of built.index.public.bundles) await pagefind.mergeIndex(`/${bundle}`);
      const file = JSON.parse(readFileSync(join(dist, PUBLIC_IDS_FILE), 'utf8')) as PublicIdsFile;
      const ids = publicIds(file, built.index.tag);
      index = publicIndex(
        (term) => pagefind.search(term),
        async () => ids,
      );
    }
    try {
      return await task(createSearchEngine(index, dictionary(), { pageFacets: async () => facets }));
    } finally {
      await pagefind.destroy();
    }
  });
}

beforeAll(async () => {
  writeSite(merged);
  writeSite(unmerged);
  await indexSite(merged, { partPages: PART_PAGES });
  summary = await indexSite(unmerged, { partPages: PART_PAGES, pagefindVersion: '1.7.0' });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('an index of another Pagefind, merged by Pagefind in the browser', () => {
  test('says why, and leaves each part as Pagefind wrote it, without answers', () => {
    expect(summary.unmerged).toContain('Pagefind 1.7.0');
    expect(summary.unmerged).toContain(FORMAT_VERSION);
    expect(summary).toMatchObject({ parts: 3, answers: 0, pages: pages.length });
    const bundles = readdirSync(unmerged).filter((d) => d.startsWith('pagefind'));
    expect(bundles.sort()).toEqual(['pagefind', 'pagefind-1', 'pagefind-2']);
    const built = JSON.parse(readFileSync(join(unmerged, 'search-terms.json'), 'utf8')) as SearchTerms;
    expect(built.index?.public?.bundles).toEqual(['pagefind-1/', 'pagefind-2/']);
    expect(readdirSync(merged).filter((d) => d.startsWith('pagefind'))).toEqual(['pagefind']);
    expect(readdirSync(merged)).not.toContain(PUBLIC_IDS_FILE);
    expect(readdirSync(merged)).toContain(ANSWERS_DIR);
    expect(readdirSync(unmerged)).not.toContain(ANSWERS_DIR);
  });

  test('maps every page Pagefind holds to the site’s result id, once', () => {
    const file = JSON.parse(readFileSync(join(unmerged, PUBLIC_IDS_FILE), 'utf8')) as PublicIdsFile;
    expect(file.pages).toHaveLength(pages.length);
    expect(new Set(file.pages.map(([, id]) => id)).size).toBe(pages.length);
    expect(file.pages.filter(([, id]) => isCaseId(id))).toHaveLength(
      pages.filter((p) => p.filters.type?.includes('case')).length,
    );
  });

  test('finds what the merged index finds: the same pages, counts, excerpts and filter counts', async () => {
    const queries = ['县管校聘', '课后服务', '教师', '集团化办学 郑州'];
    const run = (dist: string) =>
      searchSite(dist, async (engine) =>
        Promise.all(
          queries.map(async (q) => {
            const o = await engine.query(q);
            const hits = [...o.results, ...o.related].map((h) => [h.url, h.kind, h.excerptHtml, h.meta['title']]);
            return { q, total: o.total, caseTotal: o.caseTotal, counts: o.counts, hits };
          }),
        ),
      );
    // One after the other: each serves its site through the global fetch.
    const fromMerged = await run(merged);
    const fromParts = await run(unmerged);
    expect(fromMerged.some((r) => r.total > 0)).toBe(true);
    expect(fromParts).toEqual(fromMerged);
  });
});
