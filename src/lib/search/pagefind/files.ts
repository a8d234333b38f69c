/**
 * Pagefind's bundle files (version pinned in package.json), read and written as its indexer
 * writes them, so that its browser code reads what mergeIndex.ts writes. Every file is gzip of
 * the signature `pagefind_dcd` and then CBOR (`pf_meta`, index chunks, filters) or JSON
 * (fragments). The CBOR layouts are Pagefind's (`pagefind/src/index/*.rs`, decoded by
 * `pagefind_web/src/{metadata,index,filter_index}.rs`); tests/unit/search/pagefind/mergeIndex.test.ts
 * checks that re-encoding files Pagefind wrote gives the same bytes.
 */
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { decode, encode } from 'cborg';

const SIGNATURE = Buffer.from('pagefind_dcd');

/** A page of `pf_meta`: its id (the fragment's name, Pagefind's result id), its word count, and a field Pagefind 1.6 writes empty. */
export type MetaPage = [id: string, wordCount: number, ...rest: unknown[]];
/** An index chunk of `pf_meta`: the words from … to (shortened to what tells chunks apart) and the chunk's name. */
export type MetaChunk = [from: string, to: string, id: string];
/** A filter of `pf_meta` and the name of its file. */
export type MetaFilter = [filter: string, id: string];
/** A sort of `pf_meta`: page numbers in ascending order of the sort key. */
export type MetaSort = [sort: string, pages: number[]];
export type MetaIndex = [
  version: string,
  pages: MetaPage[],
  chunks: MetaChunk[],
  filters: MetaFilter[],
  sorts: MetaSort[],
  metaFields: string[],
];

/**
 * A word's occurrences on one page: the page number as the difference from the word's previous
 * page; positions, each the difference from the one before, where a negative number −(w+1) sets
 * the weight w of the positions after it (25 without one) and restarts from 0; positions in the
 * page's meta fields (optional).
 */
export type PackedPage = [pageDelta: number, locs: number[], metaLocs?: number[]];
export type PackedVariant = [form: string, pages: PackedPage[]];
/** A word of an index chunk: the word, its pages, and its diacritic variants (optional). */
export type PackedWord = [word: string, pages: PackedPage[], variants?: PackedVariant[]];
/** A filter file: the filter and, per value, its page numbers (absolute, ascending). */
export type FilterIndex = [filter: string, values: Array<[value: string, pages: number[]]>];

/** `pagefind-entry.json`. */
export interface PagefindEntry {
  version: string;
  languages: Record<string, { hash: string; wasm: string | null; page_count: number }>;
  [key: string]: unknown;
}

/** A fragment (`result.data()` before Pagefind adds its excerpt): one page. */
export interface FragmentJson {
  url: string;
  content: string;
  word_count?: number;
  filters?: Record<string, string[]>;
  meta?: Record<string, string>;
  [key: string]: unknown;
}

function unwrap(file: Uint8Array, what: string): Buffer {
  const raw = gunzipSync(file);
  if (!raw.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new Error(`${what} is not a Pagefind file`);
  return raw.subarray(SIGNATURE.length);
}

/** gzip of the signature and `body`: `level` 9 by default; 6 is four times faster and 1–2 % larger on index chunks. */
function wrap(body: Uint8Array, level: number = constants.Z_BEST_COMPRESSION): Buffer {
  return gzipSync(Buffer.concat([SIGNATURE, body]), { level });
}

/** The CBOR value of a Pagefind file (`pf_meta`, chunk or filter). */
export function readCbor(file: Uint8Array, what = 'file'): unknown {
  return decode(unwrap(file, what), { useMaps: false });
}

/** The CBOR body of a Pagefind file, encoded as Pagefind's minicbor does (definite lengths, shortest integers). */
export function cborBody(value: unknown): Uint8Array {
  return encode(value);
}

/** A Pagefind file of a CBOR body, as written to disk (`level`: gzip's). */
export function writeCbor(body: Uint8Array, level?: number): Buffer {
  return wrap(body, level);
}

export function readFragment(file: Uint8Array, what = 'fragment'): FragmentJson {
  return JSON.parse(unwrap(file, what).toString('utf8')) as FragmentJson;
}

export function writeFragment(json: string): Buffer {
  return wrap(Buffer.from(json, 'utf8'));
}

/** CBOR header of an array of `n` items (major type 4), for chunks assembled from encoded words. */
export function cborArrayHeader(n: number): Uint8Array {
  if (n < 24) return Uint8Array.of(0x80 + n);
  if (n < 0x100) return Uint8Array.of(0x98, n);
  if (n < 0x10000) return Uint8Array.of(0x99, n >> 8, n & 0xff);
  return Uint8Array.of(0x9a, (n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);
}

/** Orders strings as Rust does (UTF-8 bytes, i.e. code points), the order of Pagefind's chunks. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!;
    const y = b.codePointAt(i)!;
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/**
 * The files of a bundle that Pagefind's browser code fetches before its first search, named as
 * it names them (relative to the bundle): the entry, with `?ts=` and the `metaCacheTag` option
 * the browser passes (else Pagefind adds the time, and no preload can match), the language's
 * `pf_meta` and its WebAssembly.
 */
export function bundleStartFiles(entry: PagefindEntry, metaCacheTag: string): string[] {
  const languages = Object.values(entry.languages);
  if (languages.length !== 1) throw new Error(`expected an index of one language, found ${languages.length}`);
  const { hash, wasm } = languages[0]!;
  return [`pagefind-entry.json?ts=${metaCacheTag}`, `pagefind.${hash}.pf_meta`, `wasm.${wasm ?? 'unknown'}.pagefind`];
}
