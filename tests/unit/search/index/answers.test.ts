// Answers (answers.ts): a known term's or frequent phrase's first page, computed by the engine itself, stands in for
// the index exactly when the query is that one term, unfiltered, in the order of relevance.
import { describe, expect, test } from 'vitest';
import {
  ANSWER_RESULTS,
  answerKey,
  answerPath,
  answerUnderBase,
  isAnswerFor,
  toAnswer,
  type AnswerFile,
} from '../../../../src/lib/search/index/answers.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerHintPath } from '../../../../src/lib/search/index/answerHint.ts';
import { createSearchEngine } from '../../../../src/lib/search/engine/engine.ts';
import { normalize } from '../../../../src/lib/search/query/normalize.ts';
import { chineseSegmenter } from '../../../../src/lib/search/query/question.ts';
import { frequentPhrases } from '../../../../src/lib/search/index/phrases.ts';
import { corpus, dictionary, fakePagefind, FIXTURE_TAG, pageFacetsOf } from '../fixtures.ts';

const pages = corpus();
const dict = dictionary();

function engine(answers?: Map<string, AnswerFile>) {
  const pf = fakePagefind(pages);
  const asked: string[] = [];
  const e = createSearchEngine(pf, dict, {
    pageFacets: pageFacetsOf(pages),
    ...(answers && {
      answer: async (term: string) => {
        asked.push(term);
        return answers.get(term);
      },
    }),
  });
  return { pf, e, asked };
}

/** The answers the build would write for `terms`: the engine's own first page of each. */
async function answersFor(terms: string[]): Promise<Map<string, AnswerFile>> {
  const { e } = engine();
  const out = new Map<string, AnswerFile>();
  for (const term of terms)
    out.set(term, toAnswer(term, FIXTURE_TAG, await e.query(term, {}, 'relevance', ANSWER_RESULTS)));
  return out;
}

describe('answer files', () => {
  test('a key is the term’s UTF-8 in hex: ASCII, one per term', () => {
    expect(answerKey('县管校聘')).toBe('e58ebfe7aea1e6a0a1e88198');
    expect(answerKey('abc')).toBe('616263');
    expect(answerPath('双减')).toBe('search-answers/e58f8ce5878f.json');
    expect(new Set(['郑州', '郑州市', '州郑'].map(answerKey)).size).toBe(3);
  });

  test('only an answer of this index for this term is taken; links move under the base', async () => {
    const answer = (await answersFor(['县管校聘'])).get('县管校聘')!;
    expect(isAnswerFor(answer, '县管校聘', FIXTURE_TAG)).toBe(true);
    expect(isAnswerFor(answer, '双减', FIXTURE_TAG)).toBe(false);
    expect(isAnswerFor(answer, '县管校聘', 'other1')).toBe(false);
    expect(isAnswerFor(JSON.parse('null'), '县管校聘', FIXTURE_TAG)).toBe(false);
    const based = answerUnderBase(answer, '/casebook/');
    expect(based.results.every((h, i) => h.url === `/casebook${answer.results[i]!.url}`)).toBe(true);
    expect(answerUnderBase(answer, '/')).toBe(answer);
  });
});

describe('the engine with answers', () => {
  test('a known term is answered without the index, with what the index gives', async () => {
    const terms = ['县管校聘', '课后服务', '郑州'];
    const answers = await answersFor(terms);
    for (const term of terms) {
      const plain = await engine().e.query(term);
      const { e, pf, asked } = engine(answers);
      const answered = await e.query(term);
      expect(asked).toEqual([term]);
      expect(pf.asked).toEqual([]);
      expect(answered.stats.stages).toEqual(['answer']);
      expect(answered.total).toBe(plain.total);
      expect(answered.caseTotal).toBe(plain.caseTotal);
      expect(answered.counts).toEqual(plain.counts);
      expect(answered.hints.map((m) => m.id)).toEqual(plain.hints.map((m) => m.id));
      expect(answered.results.map((h) => [h.url, h.titleHtml, h.excerptHtml, h.kind])).toEqual(
        plain.results.map((h) => [h.url, h.titleHtml, h.excerptHtml, h.kind]),
      );
    }
  });

  test('typed in another form (traditional, full-width, spaced) the term still takes its answer', async () => {
    const answers = await answersFor(['县管校聘']);
    const { e, pf } = engine(answers);
    const o = await e.query(' 縣管校聘 ');
    expect(o.stats.stages).toEqual(['answer']);
    expect(o.query.converted).toBe(true);
    expect(pf.asked).toEqual([]);
  });

  test('filters, the date order, more results, quotes, other words: the index is searched', async () => {
    const answers = await answersFor(['县管校聘']);
    const cases: Array<Parameters<ReturnType<typeof engine>['e']['query']>> = [
      ['县管校聘', { type: ['case'] }],
      ['县管校聘', {}, 'date'],
      ['县管校聘', {}, 'relevance', ANSWER_RESULTS + 20],
      ['"县管校聘"'],
      ['县管校聘 郑州'],
      ['管校'],
    ];
    for (const args of cases) {
      const { e, pf } = engine(answers);
      const o = await e.query(...args);
      expect(o.stats.stages, JSON.stringify(args)).not.toContain('answer');
      expect(pf.asked.length, JSON.stringify(args)).toBeGreaterThan(0);
    }
  });

  test('a frequent phrase the index holds whole is answered too; the same word without the phrase list is searched', async () => {
    const phrases = frequentPhrases(
      pages.map((p) => p.content),
      {
        normalize: (text) => normalize(text, { compact: true }),
        segment: chineseSegmenter(),
        known: dict.indexedTerms,
      },
    );
    const phrase = phrases[0]!;
    const withPhrases = (answers?: Map<string, AnswerFile>) => {
      const pf = fakePagefind(pages, phrases);
      const asked: string[] = [];
      const e = createSearchEngine(pf, dict, {
        pageFacets: pageFacetsOf(pages),
        phrases: async () => new Set(phrases),
        ...(answers && { answer: async (term: string) => (asked.push(term), answers.get(term)) }),
      });
      return { pf, e, asked };
    };
    const plain = await withPhrases().e.query(phrase, {}, 'relevance', ANSWER_RESULTS);
    expect(plain.total).toBeGreaterThan(0);
    const answers = new Map([[phrase, toAnswer(phrase, FIXTURE_TAG, plain)]]);
    const { e, pf, asked } = withPhrases(answers);
    const answered = await e.query(phrase);
    expect(asked).toEqual([phrase]);
    expect(pf.asked).toEqual([]);
    expect(answered.stats.stages).toEqual(['answer']);
    expect([answered.total, answered.counts]).toEqual([plain.total, plain.counts]);
    expect(answered.results.map((h) => [h.url, h.excerptHtml])).toEqual(
      plain.results.map((h) => [h.url, h.excerptHtml]),
    );
    // Not on the index's phrase list (an older list, or none loaded): no answer is asked for.
    const unlisted = engine(answers);
    expect((await unlisted.e.query(phrase)).stats.stages).not.toContain('answer');
    expect(unlisted.asked).toEqual([]);
  });

  test('no answer file (or a failed fetch): the index is searched', async () => {
    const { e, pf } = engine(new Map());
    expect((await e.query('县管校聘')).stats.stages).toContain('index');
    expect(pf.asked.length).toBeGreaterThan(0);
    const failing = createSearchEngine(fakePagefind(pages), dict, {
      pageFacets: pageFacetsOf(pages),
      answer: () => Promise.reject(new Error('offline')),
    });
    expect((await failing.query('县管校聘')).total).toBeGreaterThan(0);
  });
});

describe('answers fetched ahead, before the search code', () => {
  /** The search page's inline script (src/pages/search.astro), run on a URL: the answer it fetches ahead. */
  function searchPageHint(search: string): string | undefined {
    const astro = readFileSync(join(import.meta.dirname, '../../../../src/pages/search.astro'), 'utf8');
    const script = /<script is:inline define:vars=\{\{ answers \}\}>([\s\S]*?)<\/script>/.exec(astro)![1]!;
    let href: string | undefined;
    const document = { createElement: () => ({}), head: { append: (link: { href: string }) => (href = link.href) } };
    new Function('answers', 'location', 'document', script)('/search-answers/', { search }, document);
    return href;
  }

  test('a term typed plainly (or in ?q=) fetches its own answer; what cannot be one fetches nothing', () => {
    for (const typed of ['县管校聘', ' 县管校聘 ', '“县管校聘”', 'ＡＢＣ', 'Xgxp']) {
      const term = normalize(typed, { compact: true });
      expect(answerHintPath(typed), typed).toBe(answerPath(term));
      expect(searchPageHint(`?q=${encodeURIComponent(typed)}`), typed).toBe(`/${answerPath(term)}`);
    }
    for (const typed of ['', '郑州 二七', 'x'.repeat(65)]) {
      expect(answerHintPath(typed), typed).toBeUndefined();
      expect(searchPageHint(`?q=${encodeURIComponent(typed)}`), typed).toBeUndefined();
    }
    expect(searchPageHint('?q=县管校聘&year=2024')).toBeUndefined();
  });
});
