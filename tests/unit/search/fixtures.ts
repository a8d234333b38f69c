/**
 * Test fixtures: the real cases and taxonomy read from content/, as Pagefind would index
 * them (title + summary + body text), and a fake Pagefind that proposes candidates the way
 * Pagefind 1.6 over-matches Chinese: every page containing each query character.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readMeasures } from '../../../src/lib/content/contentFiles.ts';
import { readFrontMatter } from '../../../src/lib/content/frontMatter.ts';
import { loadRegions } from '../../../src/lib/content/loadRegions.ts';
import { placeNames } from '../../../src/lib/model/regions.ts';
import { paragraphs } from '../../../src/lib/text/bodyText.ts';
import { buildDictionary, type Dictionary, type SearchTerms } from '../../../src/lib/search/query/terms.ts';
import type { FragmentData, PagefindLike, PagefindResult } from '../../../src/lib/search/engine/types.ts';
import { idLetter, pageId, type PageFilters, type PageMeta } from '../../../src/lib/search/index/schema.ts';
import { fromIndexText, indexContent, isUnit } from '../../../src/lib/search/index/indexText.ts';
import { recordIndex, recordTerms } from '../../../src/lib/search/index/mentions.ts';
import { decodePageFacets, encodePageFacets, type PageFacets } from '../../../src/lib/search/index/pageFacets.ts';

const root = join(import.meta.dirname, '../../..');

export interface FixturePage extends FragmentData {
  id: string;
  /** The case body only (for substring tests). */
  body: string;
}

export const measures = readMeasures(root);
export const regions = loadRegions(root);

export function caseSlugs(): string[] {
  return readdirSync(join(root, 'content/cases'))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.replace(/\.mdx$/, ''))
    .sort();
}

/**
 * The cases as pages, plus one page per measure (name, aliases, definition), like the site:
 * the text is title, summary and body (header metadata, figure cards and measure chips are
 * not indexed); filters and meta as the index schema (schema.ts) defines them.
 */
export function corpus(): FixturePage[] {
  const pages: FixturePage[] = caseSlugs().map((slug) => {
    const text = readFileSync(join(root, 'content/cases', `${slug}.mdx`), 'utf8');
    const { data, body: mdx } = readFrontMatter<{
      title: string;
      summary: string;
      body: string;
      date: string;
      measures: string[];
      region: string;
    }>(text);
    const body = paragraphs(mdx).join('');
    const themeIds = [...new Set(data.measures.map((id) => measures.find((m) => m.id === id)!.theme))];
    const region = regions.find((r) => r.id === data.region)!;
    const meta: PageMeta = {
      title: data.title,
      region: region.path.slice(1).join('') || region.name,
      summary: data.summary,
      body: data.body,
      date: String(data.date),
      datekey: String(data.date),
    };
    const filters: PageFilters = {
      type: ['case'],
      measure: data.measures,
      theme: themeIds,
      city: [region.city ?? region.id],
      year: [String(data.date).slice(0, 4)],
    };
    return {
      id: '',
      url: `/cases/${slug}/`,
      content: `${data.title}. 摘要. ${data.summary} ${body}`,
      body,
      meta,
      filters,
    };
  });
  for (const m of measures) {
    pages.push({
      id: '',
      url: `/measures/${m.id}/`,
      content: `${m.name}. ${m.definition} ${m.aliases.join('、')}`,
      body: '',
      meta: { title: m.name, summary: m.definition },
      filters: { type: ['measure'], theme: [m.theme] },
    });
  }
  // Numbered as the index numbers them (siteIndex.ts: newest first, pages without a date last), ids as it names them.
  const dated = pages
    .filter((p) => p.meta['datekey'])
    .sort((a, b) => b.meta['datekey']!.localeCompare(a.meta['datekey']!));
  return [...dated, ...pages.filter((p) => !p.meta['datekey'])].map((p, n) => ({
    ...p,
    id: pageId(idLetter(p.filters.type?.[0]), FIXTURE_TAG, n),
  }));
}

/** The tag in the fixture index's ids (mergeIndex.ts gives each index its own). */
export const FIXTURE_TAG = 'tst000';

export function terms(): SearchTerms {
  return {
    version: 1,
    measures: measures.map((m) => ({
      id: m.id,
      name: m.name,
      aliases: [...m.aliases],
      url: `/measures/${m.id}/`,
      cases: 0,
      definition: m.definition,
    })),
    places: placeNames(regions.map((r) => r.name)),
    t2s: { 雙: '双', 減: '减', 縣: '县', 聘: '聘', 學: '学', 課: '课', 後: '后', 務: '务', 鄭: '郑' },
  };
}

export function dictionary(): Dictionary {
  return buildDictionary(terms());
}

/** The engine's page-facets loader over the fixture pages, through the file's encoding (pageFacets.ts). */
export function pageFacetsOf(pages: FixturePage[]): () => Promise<PageFacets> {
  return async () =>
    decodePageFacets(
      JSON.parse(
        JSON.stringify(
          encodePageFacets(
            FIXTURE_TAG,
            pages.map((p) => ({ filters: p.filters, date: p.meta['datekey'] })),
          ),
        ),
      ),
    );
}

/**
 * A fake Pagefind over the site's index (src/lib/search/index/indexText.ts: bigrams and whole
 * terms), doing what Pagefind 1.6 does with it: a quoted phrase matches words at consecutive
 * positions, other terms match as word prefixes (all terms); no term lists every page. A fragment's content is the text rebuilt from the bigrams
 * (siteIndex.ts). Records the queries it was asked and the pages read.
 */
export function fakePagefind(
  pages: FixturePage[],
  /** Phrases the index holds whole (phrases.ts). */
  phrases: string[] = [],
): PagefindLike & { asked: string[]; loaded: Set<string> } {
  const asked: string[] = [];
  const loaded = new Set<string>();
  const dict = dictionary();
  const known = phrases.length ? recordIndex(dict, phrases) : undefined;
  const indexed = pages.map((page) => {
    // As the index step builds the record (src/lib/search/index/siteIndex.ts).
    const terms = recordTerms(
      { isCase: page.filters['type']?.includes('case') ?? false, measures: page.filters['measure'] ?? [] },
      dict,
      known,
    );
    const content = indexContent(page.content, terms, dict.t2s);
    const words = content.split(' ').map((w) => [...w.toLowerCase()].filter(isUnit).join(''));
    return { page, content, words };
  });
  const toResult = (x: (typeof indexed)[number], score: number): PagefindResult => ({
    id: x.page.id,
    score,
    data: async () => {
      loaded.add(x.page.id);
      return { url: x.page.url, content: fromIndexText(x.content), meta: x.page.meta, filters: x.page.filters };
    },
  });
  const phraseAt = (words: string[], tokens: string[]) =>
    words.some((_, at) => tokens.every((t, k) => words[at + k] === t));
  return {
    asked,
    loaded,
    async search(term) {
      asked.push(term ?? '<every page>');
      let list = indexed.map((x) => ({ x, score: 1 }));
      if (term !== null) {
        const exact = /^\s*".+"\s*$/.test(term);
        const tokens = term.replace(/"/g, '').toLowerCase().split(/\s+/).filter(Boolean);
        if (!tokens.length) return { results: [] };
        list = exact
          ? list.filter(({ x }) => phraseAt(x.words, tokens))
          : list
              .map(({ x }) => ({
                x,
                score: tokens.reduce((n, t) => n * x.words.filter((w) => w.startsWith(t)).length, 1),
              }))
              .filter((r) => r.score > 0)
              .sort((a, b) => b.score - a.score);
      }
      return { results: list.map(({ x, score }) => toResult(x, score)) };
    },
  };
}
