/**
 * The index merge (mergeIndex.ts) on indexes Pagefind itself writes: the same pages indexed in
 * one run and in three, each merged, must say the same — every word on the same pages at the
 * same positions, every filter value on the same pages — and the files must be what Pagefind's
 * reader expects (pagefindFiles.ts re-encodes Pagefind's own files byte for byte).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as pagefind from 'pagefind';
import { mergeIndexParts, roundedLength, type MergedPage } from '../../../../src/lib/search/pagefind/mergeIndex.ts';
import {
  cborBody,
  compareCodePoints,
  readCbor,
  readFragment,
  type FilterIndex,
  type MetaChunk,
  type MetaIndex,
  type PackedWord,
  type PagefindEntry,
} from '../../../../src/lib/search/pagefind/files.ts';
import { gunzipSync } from 'node:zlib';
import { INDEX_LANGUAGE, indexContent, isTermWord, sameTerm } from '../../../../src/lib/search/index/indexText.ts';
import { recordTerms } from '../../../../src/lib/search/index/mentions.ts';
import { pageId } from '../../../../src/lib/search/index/schema.ts';
import { corpus, dictionary } from '../fixtures.ts';

const pages = corpus();
const dict = dictionary();
let work: string;

/** Indexes the fixture pages with Pagefind's Node API into `parts` bundles; returns their directories. */
async function indexInParts(parts: number, name: string): Promise<string[]> {
  const size = Math.ceil(pages.length / parts);
  const dirs: string[] = [];
  for (let part = 0; part < parts; part++) {
    const { index } = await pagefind.createIndex({});
    for (const page of pages.slice(part * size, (part + 1) * size)) {
      const { errors } = await index!.addCustomRecord({
        url: page.url,
        content: indexContent(
          page.content,
          recordTerms(
            { isCase: page.filters['type']?.includes('case') ?? false, measures: page.filters['measure'] ?? [] },
            dict,
          ),
          dict.t2s,
        ),
        language: INDEX_LANGUAGE,
        meta: page.meta as Record<string, string>,
        filters: page.filters as Record<string, string[]>,
      });
      expect(errors).toEqual([]);
    }
    const dir = join(work, `${name}-${part}`);
    await index!.writeFiles({ outputPath: dir });
    await index!.deleteIndex();
    await pagefind.close();
    dirs.push(dir);
  }
  return dirs;
}

function metaOf(dir: string): MetaIndex {
  const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
  const { hash } = entry.languages[INDEX_LANGUAGE]!;
  return readCbor(readFileSync(join(dir, `pagefind.${hash}.pf_meta`))) as MetaIndex;
}

/** Every word of a bundle: URL → absolute positions (weight markers read as Pagefind reads them). */
function wordsOf(dir: string, urls: string[]): Map<string, Map<string, number[]>> {
  const out = new Map<string, Map<string, number[]>>();
  for (const [, , id] of metaOf(dir)[2]) {
    const [words] = readCbor(readFileSync(join(dir, 'index', `${id}.pf_index`))) as [PackedWord[]];
    for (const [word, list] of words) {
      const byUrl = new Map<string, number[]>();
      let page = 0;
      for (const [delta, locs] of list) {
        page += delta;
        let at = 0;
        const positions: number[] = [];
        for (const loc of locs) {
          if (loc < 0) at = 0;
          else positions.push((at += loc));
        }
        if (positions.length) byUrl.set(urls[page]!, positions);
      }
      if (byUrl.size) out.set(word, byUrl);
    }
  }
  return out;
}

/** The chunks Pagefind's reader loads for a word (pagefind_web `request_indexes`): those whose bounds hold it, else those its prefix falls between. */
function chunksFor(term: string, chunks: MetaChunk[]): string[] {
  const strict = chunks.filter(([from, to]) => compareCodePoints(term, from) >= 0 && compareCodePoints(term, to) <= 0);
  if (strict.length) return strict.map(([, , id]) => id);
  const head = (s: string, n: number) => [...s].slice(0, n).join('');
  return chunks
    .filter(([from, to]) => {
      const f = Math.min([...term].length, [...from].length);
      const t = Math.min([...term].length, [...to].length);
      return compareCodePoints(head(term, f), head(from, f)) >= 0 && compareCodePoints(head(term, t), head(to, t)) <= 0;
    })
    .map(([, , id]) => id);
}

function urlsOf(dir: string): string[] {
  return metaOf(dir)[1].map(([id]) => readFragment(readFileSync(join(dir, 'fragment', `${id}.pf_fragment`))).url);
}

function filtersOf(dir: string, urls: string[]): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const [name, id] of metaOf(dir)[3]) {
    const [, values] = readCbor(readFileSync(join(dir, 'filter', `${id}.pf_filter`))) as FilterIndex;
    out[name] = Object.fromEntries(values.map(([v, list]) => [v, list.map((p) => urls[p]!).sort()]));
  }
  return out;
}

let whole: string[];
let split: string[];
let mergedWhole: MergedPage[];
let mergedSplit: MergedPage[];
let splitTag: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'casebook-merge-'));
  whole = await indexInParts(1, 'whole');
  split = await indexInParts(3, 'split');
  mergedWhole = (await mergeIndexParts(whole, join(work, 'merged-whole'))).pages;
  const merged = await mergeIndexParts(split, join(work, 'merged-split'), {
    chunkBytes: 2_000,
    together: sameTerm,
    pageKind: (p) => (p.filters?.['type']?.includes('case') ? 'c' : 'p'),
    fragment: (p) => ({ ...p, content: p.content.toUpperCase() }),
  });
  mergedSplit = merged.pages;
  splitTag = merged.tag;
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Pagefind files', () => {
  test('re-encoding what Pagefind wrote gives the same bytes (meta, every chunk and filter)', () => {
    const dir = whole[0]!;
    const files = [
      join(
        dir,
        readdirSync(dir).find((f) => f.endsWith('.pf_meta'))!,
      ),
      ...readdirSync(join(dir, 'index')).map((f) => join(dir, 'index', f)),
      ...readdirSync(join(dir, 'filter')).map((f) => join(dir, 'filter', f)),
    ];
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const raw = gunzipSync(readFileSync(file));
      expect(Buffer.from(cborBody(readCbor(readFileSync(file)))).equals(raw.subarray(12)), file).toBe(true);
    }
  });

  test('code point order is Rust’s: an astral character sorts after every BMP character', () => {
    const words = ['\u{20BB7}', '\uffee', '县', 'a', 'ᚠ县ᚠ'];
    expect([...words].sort(compareCodePoints)).toEqual(['a', 'ᚠ县ᚠ', '县', '\uffee', '\u{20BB7}']);
  });
});

describe('merging index parts', () => {
  test('every page is kept, in part order, each with its fragment', () => {
    expect(mergedSplit.map((p) => p.url)).toEqual(split.flatMap(urlsOf));
    expect(new Set(mergedSplit.map((p) => p.url))).toEqual(new Set(pages.map((p) => p.url)));
    expect(new Set(mergedSplit.map((p) => p.id)).size).toBe(pages.length);
    const dir = join(work, 'merged-split');
    for (const { id, url } of mergedSplit) {
      const fragment = readFragment(readFileSync(join(dir, 'fragment', `${id}.pf_fragment`)));
      expect(fragment.url).toBe(url);
      expect(fragment.content).toBe(fragment.content.toUpperCase()); // rewritten by the option
    }
  });

  test('one index in three parts, merged, holds what one run of Pagefind holds: words, positions, filters', () => {
    const a = join(work, 'merged-whole');
    const b = join(work, 'merged-split');
    const urlsA = mergedWhole.map((p) => p.url);
    const urlsB = mergedSplit.map((p) => p.url);
    const wordsA = wordsOf(a, urlsA);
    const wordsB = wordsOf(b, urlsB);
    expect(wordsA.size).toBeGreaterThan(1000);
    expect([...wordsB.keys()]).toEqual([...wordsA.keys()]);
    for (const [word, byUrl] of wordsA)
      expect(Object.fromEntries(wordsB.get(word)!), word).toEqual(Object.fromEntries(byUrl));
    expect(filtersOf(b, urlsB)).toEqual(filtersOf(a, urlsA));
    // And what Pagefind wrote: the merge of one part keeps every word of the text.
    const original = wordsOf(whole[0]!, urlsOf(whole[0]!));
    expect([...original.keys()].sort(compareCodePoints)).toEqual([...wordsA.keys()]);
    for (const [word, byUrl] of wordsA)
      expect(Object.fromEntries(byUrl), word).toEqual(Object.fromEntries(original.get(word)!));
  });

  test('words are in code point order, chunks cut by size, each word found in its chunk as Pagefind looks it up', () => {
    const dir = join(work, 'merged-split');
    const chunks = metaOf(dir)[2];
    expect(chunks.length).toBeGreaterThan(10);
    let last = '';
    for (const [, , id] of chunks) {
      const [words] = readCbor(readFileSync(join(dir, 'index', `${id}.pf_index`))) as [PackedWord[]];
      for (const [word] of words) {
        expect(compareCodePoints(word, last), word).toBeGreaterThan(0);
        last = word;
        expect(chunksFor(word, chunks), word).toContain(id);
      }
    }
  });

  test('a term’s whole word and named word share a chunk (looked up together)', () => {
    const dir = join(work, 'merged-split');
    const chunkOf = new Map<string, string>();
    for (const [, , id] of metaOf(dir)[2]) {
      const [words] = readCbor(readFileSync(join(dir, 'index', `${id}.pf_index`))) as [PackedWord[]];
      for (const [word] of words) chunkOf.set(word, id);
    }
    const pairs = [...chunkOf.keys()].filter(
      (w) => isTermWord(w) && chunkOf.has(w.slice(0, -1) + '\u16a1') && w.endsWith('\u16a0'),
    );
    expect(pairs.length).toBeGreaterThan(5);
    for (const w of pairs) expect(chunkOf.get(w.slice(0, -1) + '\u16a1'), w).toBe(chunkOf.get(w));
  });

  test('the entry names the meta; page ids start with their kind; no sort, rounded lengths', () => {
    const dir = join(work, 'merged-split');
    const entry = JSON.parse(readFileSync(join(dir, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
    expect(entry.languages[INDEX_LANGUAGE]!.page_count).toBe(pages.length);
    const meta = metaOf(dir);
    expect(meta[4]).toEqual([]);
    mergedSplit.forEach(({ id, url }, n) =>
      expect(id, url).toBe(pageId(url.startsWith('/cases/') ? 'c' : 'p', splitTag, n)),
    );
    for (const [, count] of meta[1]) expect(roundedLength(count)).toBe(count);
    expect(readdirSync(dir)).toEqual(expect.arrayContaining(['pagefind.js', 'pagefind-worker.js']));
  });

  test('page lengths are rounded to within 5 %', () => {
    for (const n of [1, 20, 21, 99, 1234, 56789]) expect(Math.abs(roundedLength(n) - n) / n).toBeLessThanOrEqual(0.05);
  });
});
