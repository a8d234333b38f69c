/**
 * Writes the answers of a built site (answers.ts): for every word the index holds whole (known
 * terms and frequent phrases, phrases.ts), the site's own search — Pagefind's browser code and
 * WebAssembly from `dist/pagefind/`, run in Node, under this engine and its forgiving layer — is
 * asked what the search page would ask, and
 * its first page is written to `search-answers/<key>.json`. The files are read as the browser
 * reads them (a `fetch` that reads the built site), so an answer is what the browser would find.
 * Run by the index step (siteIndex.ts) once the index is written.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { ANSWER_RESULTS, ANSWERS_DIR, answerKey, toAnswer } from './answers.ts';
import { createSearchEngine } from '../engine/engine.ts';
import { openSiteBundle, withSiteFetch } from '../pagefind/siteBundle.ts';
import { forgivingSearch } from '../query/forgive.ts';
import { decodePageFacets, PAGE_FACETS_FILE, type PageFacetsFile } from './pageFacets.ts';
import { chineseSegmenter } from '../query/question.ts';
import { buildDictionary, type SearchTerms } from '../query/terms.ts';

/** Answers computed by one engine before a fresh one (the engine keeps every page it read). */
const TERMS_PER_ENGINE = 100;

/** The index the answers are of: its tag, its number of pages, its phrases indexed whole (phrases.ts). */
export interface AnsweredIndex {
  tag: string;
  pages: number;
  phrases: string[];
}

/** Answers of `slice` (some of the known terms) written into `dist`; returns how many were written. */
export async function answerTerms(
  dist: string,
  terms: SearchTerms,
  index: AnsweredIndex,
  slice: string[],
): Promise<number> {
  const { tag } = index;
  const phrases = new Set(index.phrases);
  const out = join(dist, ANSWERS_DIR);
  const dict = buildDictionary(terms);
  const facets = decodePageFacets(JSON.parse(await readFile(join(dist, PAGE_FACETS_FILE), 'utf8')) as PageFacetsFile);
  const segment = chineseSegmenter();
  return withSiteFetch(dist, async () => {
    const pagefind = await openSiteBundle(dist);
    let written = 0;
    const options = { pageFacets: async () => facets, phrases: async () => phrases };
    let engine = createSearchEngine(pagefind, dict, options);
    for (const [i, term] of slice.entries()) {
      if (i % TERMS_PER_ENGINE === 0) engine = createSearchEngine(pagefind, dict, options);
      const { outcome, understood } = await forgivingSearch(engine, term, {
        need: ANSWER_RESULTS,
        segment,
        vocabulary: async () => undefined,
      });
      // Only what the browser asks an answer for: the term itself, found whole.
      const [word, ...more] = outcome.query.words;
      if (understood.query !== term || word?.text !== term || more.length || outcome.fallback || !outcome.total)
        continue;
      await writeFile(join(out, `${answerKey(term)}.json`), JSON.stringify(toAnswer(term, tag, outcome)));
      written++;
    }
    await pagefind.destroy();
    return written;
  });
}

/**
 * Threads the answers of a large index are computed on (each runs its own Pagefind and engine):
 * both cores of a small machine. A thread takes seconds to start (it loads the TypeScript anew),
 * more than a small site's answers take in the step's own thread.
 */
const THREADS = Math.min(2, availableParallelism());
const THREADED_FROM_PAGES = 1500;

/** Writes an answer for each known term and phrase of `index`; returns how many were written. */
export async function writeAnswers(dist: string, terms: SearchTerms, index: AnsweredIndex): Promise<number> {
  await rm(join(dist, ANSWERS_DIR), { recursive: true, force: true });
  await mkdir(join(dist, ANSWERS_DIR), { recursive: true });
  const list = [...new Set([...buildDictionary(terms).indexedTerms, ...index.phrases])].sort();
  if (index.pages < THREADED_FROM_PAGES || THREADS < 2) return answerTerms(dist, terms, index, list);
  const slices = Array.from({ length: THREADS }, (_, i) => list.filter((_, j) => j % THREADS === i));
  const counts = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<number>((resolve, reject) => {
          const worker = new Worker(new URL('./answersWorker.mjs', import.meta.url), {
            workerData: { dist, terms, index, slice },
          });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`answers thread exited with ${code}`)));
        }),
    ),
  );
  return counts.reduce((a, b) => a + b, 0);
}
