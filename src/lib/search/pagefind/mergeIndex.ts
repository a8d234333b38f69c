/**
 * One search index out of several that Pagefind wrote. Pagefind's indexer holds every record
 * in memory until it writes (about 1.4 MB a page here), so siteIndex.ts indexes a large site in
 * parts of bounded size; this merges the parts into one bundle, as if Pagefind had indexed
 * every page at once. The browser then loads one `pf_meta` and one chunk per word, where
 * merging in the browser (Pagefind's `mergeIndex`) costs a `pf_meta` and a chunk per word for
 * every part. Words are merged part by part in Pagefind's order (code points), one chunk of
 * each part in memory at a time, so memory does not grow with the site.
 *
 * On the way, what the site's search never reads is left out, and what it reads is kept
 * smaller (docs/search.md, "Index"):
 * - matches in a page's metadata: the search counts a word only in the text (engine.ts);
 * - the weight marker in front of every page's positions (the records have no headings, so
 *   every word has Pagefind's default weight for content; without the marker the default is
 *   one step higher, for every word alike, so no order changes);
 * - the third, empty array of every page's positions (optional for Pagefind's reader);
 * - page word counts, which only normalise relevance by page length, are rounded to steps of
 *   10 % (an error of at most 5 %), so that they compress;
 * - sorts: the order by date is in search-facets.json (siteIndex.ts).
 * Chunks are cut by their encoded size, a word with many pages in a chunk of its own.
 *
 * Files are named in sequence after a tag of the whole index's content (Pagefind names each
 * file by its own hash): a page's id costs `pf_meta` half as much, and a file of one build is
 * never taken for another's by a cache. A page's id starts with the letter `pageKind` gives it
 * and ends with its number in the index (schema.ts `pageId`).
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { copyFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pageId } from '../index/schema.ts';
import {
  cborArrayHeader,
  cborBody,
  compareCodePoints,
  readCbor,
  readFragment,
  writeCbor,
  writeFragment,
  type FilterIndex,
  type FragmentJson,
  type MetaChunk,
  type MetaIndex,
  type MetaPage,
  type PackedPage,
  type PackedVariant,
  type PackedWord,
  type PagefindEntry,
} from './files.ts';
import { formatMismatch, PagefindFormatError } from './version.ts';

export interface MergeOptions {
  /**
   * Bytes of encoded words per chunk (before compression), for the chunk a word starts or
   * joins: a query fetches the chunk of each of its words, and `pf_meta` lists every chunk
   * (docs/performance.md measures the trade).
   * @default 48_000
   */
  chunkBytes?: number | ((word: string) => number);
  /** Whether two neighbouring words must share a chunk (looked up together, one request). */
  together?: (a: string, b: string) => boolean;
  /** Rewrites a page's fragment (what `result.data()` returns) before it is written. */
  fragment?: (page: FragmentJson) => FragmentJson;
  /** The first letter of a page's id (a–z), telling kinds of page apart by id alone. @default 'p' */
  pageKind?: (page: FragmentJson) => string;
}

/** A page of the merged index: its result id and URL. */
export interface MergedPage {
  id: string;
  url: string;
}

/** The merged index's pages, in order, and the tag in their ids. */
export interface MergedIndex {
  /**
   * The tag of this index's content in every file name: a page's id is `pageKind`'s letter, the
   * tag, and the page's number in the index in base 36 (schema.ts `pageId`).
   */
  tag: string;
  pages: MergedPage[];
}

/** Letters of the tag in the merged index's file names. */
const TAG_LENGTH = 6;

const ENTRY = 'pagefind-entry.json';
const DEFAULT_WEIGHT_MARKER = -25;
const LENGTH_STEP = Math.log(1.1);
/** gzip level of index chunks, most of the index: 6 writes them four times faster than 9, 1–2 % larger. */
const CHUNK_GZIP = 6;

/** A page length rounded to the nearest power of 1.1 (lengths up to 20 stay as they are). */
export function roundedLength(words: number): number {
  return words <= 20 ? words : Math.round(Math.exp(Math.round(Math.log(words) / LENGTH_STEP) * LENGTH_STEP));
}

interface Part {
  dir: string;
  language: string;
  entry: PagefindEntry;
  meta: MetaIndex;
  /** Number of the part's first page in the merged index. */
  offset: number;
}

async function readPart(dir: string): Promise<Omit<Part, 'offset'>> {
  const entry = JSON.parse(await readFile(join(dir, ENTRY), 'utf8')) as PagefindEntry;
  // Nothing else of a part is read unless Pagefind wrote it in the format this code knows.
  const mismatch = formatMismatch(entry.version, `${join(dir, ENTRY)}`);
  if (mismatch) throw new PagefindFormatError(mismatch);
  const languages = Object.entries(entry.languages);
  if (languages.length !== 1) throw new Error(`${dir}: expected one language in ${ENTRY}, found ${languages.length}`);
  const [language, { hash }] = languages[0]!;
  const file = join(dir, `pagefind.${hash}.pf_meta`);
  const meta = readCbor(await readFile(file), file) as MetaIndex;
  return { dir, language, entry, meta };
}

/** The words of one part, in order, read one chunk at a time. */
class WordCursor {
  private chunk = 0;
  private words: PackedWord[] = [];
  private at = 0;
  constructor(readonly part: Part) {}

  /** The next word without taking it, or undefined at the end. */
  peek(): PackedWord | undefined {
    while (this.at >= this.words.length) {
      const next = this.part.meta[2][this.chunk++];
      if (!next) return undefined;
      const file = join(this.part.dir, 'index', `${next[2]}.pf_index`);
      this.words = (readCbor(readFileSync(file), file) as [PackedWord[]])[0];
      this.at = 0;
    }
    return this.words[this.at];
  }

  take(): void {
    this.at++;
  }
}

/** Positions without the default-weight marker in front (see the module comment). */
function positions(locs: number[]): number[] {
  return locs[0] === DEFAULT_WEIGHT_MARKER ? locs.slice(1) : locs;
}

/** Appends a part's pages of a word to `out`, renumbered from `offset`; pages where the word is only in the metadata are left out. */
function appendPages(out: PackedPage[], pages: PackedPage[], offset: number, last: { page: number }): void {
  let page = 0;
  for (const [delta, locs] of pages) {
    page += delta;
    if (!locs.length) continue;
    const number = page + offset;
    out.push([number - last.page, positions(locs)]);
    last.page = number;
  }
}

/** A word's entries from every part that has it (in part order), merged. */
function mergeWord(word: string, found: Array<{ part: Part; entry: PackedWord }>): PackedWord | undefined {
  const pages: PackedPage[] = [];
  const last = { page: 0 };
  const variants = new Map<string, { pages: PackedPage[]; last: { page: number } }>();
  for (const { part, entry } of found) {
    appendPages(pages, entry[1], part.offset, last);
    for (const [form, formPages] of entry[2] ?? []) {
      const v = variants.get(form) ?? { pages: [], last: { page: 0 } };
      appendPages(v.pages, formPages, part.offset, v.last);
      variants.set(form, v);
    }
  }
  const kept: PackedVariant[] = [...variants].filter(([, v]) => v.pages.length).map(([form, v]) => [form, v.pages]);
  if (!pages.length && !kept.length) return undefined;
  return kept.length ? [word, pages, kept] : [word, pages];
}

/** Pagefind's shortening of neighbouring chunk bounds to what tells them apart (`chunk_meta`). */
function shortenBounds(chunks: MetaChunk[]): void {
  for (let i = 0; i + 1 < chunks.length; i++) {
    const a = [...chunks[i]![1]];
    const b = [...chunks[i + 1]![0]];
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    const to = a.slice(0, common + 1).join('');
    if (compareCodePoints(to, chunks[i]![0]) >= 0) chunks[i]![1] = to;
    chunks[i + 1]![0] = b.slice(0, common + 1).join('');
  }
}

/**
 * Files written under a provisional name, named for good once the content of all of them is
 * known: `<prefix><tag><number>`, the tag (TAG_LENGTH letters and digits) of the content of
 * every file, the number counting the files of a directory in base 36 from 0.
 */
class Naming {
  private readonly hash = createHash('sha256');
  private readonly files: Array<{ dir: string; ext: string; prefix: string; n: number }> = [];
  private readonly counts = new Map<string, number>();
  tag: string | undefined;

  /** Writes `bytes` (`prefix`: a–z); returns a handle for `finalName`. */
  write(dir: string, ext: string, bytes: Uint8Array, prefix = ''): number {
    const n = this.counts.get(dir) ?? 0;
    this.counts.set(dir, n + 1);
    this.hash.update(bytes);
    writeFileSync(join(dir, `${prefix}${n.toString(36)}.${ext}`), bytes);
    return this.files.push({ dir, ext, prefix, n }) - 1;
  }

  /** Renames every file to its final name. */
  settle(): void {
    this.tag = BigInt(`0x${this.hash.digest('hex').slice(0, 15)}`)
      .toString(36)
      .padStart(TAG_LENGTH, '0')
      .slice(0, TAG_LENGTH);
    for (const f of this.files)
      renameSync(join(f.dir, `${f.prefix}${f.n.toString(36)}.${f.ext}`), join(f.dir, `${this.name(f)}.${f.ext}`));
  }

  private name(f: { prefix: string; n: number }): string {
    return pageId(f.prefix, this.tag!, f.n);
  }

  finalName(handle: number): string {
    if (this.tag === undefined) throw new Error('Naming.settle() first');
    return this.name(this.files[handle]!);
  }
}

/** The parts' entries and `pf_meta`, numbered one after another; all of one language. */
async function readParts(parts: string[]): Promise<Part[]> {
  if (!parts.length) throw new Error('No index part to merge');
  const read: Part[] = [];
  let offset = 0;
  for (const dir of parts) {
    const part = { ...(await readPart(dir)), offset };
    if (part.language !== read[0]?.language && read.length)
      throw new Error(`Index parts in different languages: ${read[0]!.language}, ${part.language}`);
    read.push(part);
    offset += part.meta[1].length;
  }
  return read;
}

interface WrittenPage {
  handle: number;
  wordCount: number;
  rest: unknown[];
  url: string;
}

/** Pages: the fragments, possibly rewritten, under their kind's letter. */
function writePages(read: Part[], dir: string, naming: Naming, options: MergeOptions): WrittenPage[] {
  const { fragment, pageKind = () => 'p' } = options;
  const pages: WrittenPage[] = [];
  for (const part of read) {
    for (const [oldId, wordCount, ...rest] of part.meta[1]) {
      const file = join(part.dir, 'fragment', `${oldId}.pf_fragment`);
      const page = readFragment(readFileSync(file), file);
      const rewritten = fragment ? fragment(page) : page;
      const kind = pageKind(rewritten);
      if (!/^[a-z]$/.test(kind)) throw new Error(`pageKind must be one letter a–z, not ${JSON.stringify(kind)}`);
      const handle = naming.write(dir, 'pf_fragment', writeFragment(JSON.stringify(rewritten)), kind);
      pages.push({ handle, wordCount: roundedLength(wordCount), rest, url: page.url });
    }
  }
  return pages;
}

/** The next word of all the parts (in Pagefind's order) with each part's entry of it, or undefined at the end. */
function nextWord(
  read: Part[],
  cursors: WordCursor[],
): { word: string; found: Array<{ part: Part; entry: PackedWord }> } | undefined {
  const heads = cursors.map((c) => c.peek());
  let word: string | undefined;
  for (const h of heads) if (h && (word === undefined || compareCodePoints(h[0], word) < 0)) word = h[0];
  if (word === undefined) return undefined;
  const found: Array<{ part: Part; entry: PackedWord }> = [];
  heads.forEach((h, i) => {
    if (h?.[0] !== word) return;
    found.push({ part: read[i]!, entry: h });
    cursors[i]!.take();
  });
  return { word, found };
}

interface WrittenChunk {
  bounds: [string, string];
  handle: number;
}

/** Words: merged across the parts in order, cut into chunks by size. */
function writeChunks(read: Part[], dir: string, naming: Naming, options: MergeOptions): WrittenChunk[] {
  const { chunkBytes = 48_000, together = () => false } = options;
  const targetFor = typeof chunkBytes === 'number' ? () => chunkBytes : chunkBytes;
  const chunks: WrittenChunk[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let bounds: [string, string] = ['', ''];
  const flush = () => {
    if (!pending.length) return;
    const body = Buffer.concat([Uint8Array.of(0x81), cborArrayHeader(pending.length), ...pending]);
    chunks.push({ bounds, handle: naming.write(dir, 'pf_index', writeCbor(body, CHUNK_GZIP)) });
    pending = [];
    pendingBytes = 0;
  };
  const cursors = read.map((part) => new WordCursor(part));
  for (let next = nextWord(read, cursors); next; next = nextWord(read, cursors)) {
    const { word } = next;
    const packed = mergeWord(word, next.found);
    if (!packed) continue;
    const encoded = cborBody(packed);
    if (pending.length && pendingBytes + encoded.length > targetFor(word) && !together(bounds[1], word)) flush();
    if (!pending.length) bounds = [word, word];
    pending.push(encoded);
    pendingBytes += encoded.length;
    bounds[1] = word;
  }
  flush();
  return chunks;
}

/** Filters: each filter's values with the pages of every part. */
async function writeFilters(
  read: Part[],
  dir: string,
  naming: Naming,
): Promise<Array<{ name: string; handle: number }>> {
  const filters = new Map<string, Map<string, number[]>>();
  for (const part of read) {
    for (const [name, id] of part.meta[3]) {
      const file = join(part.dir, 'filter', `${id}.pf_filter`);
      const [, values] = readCbor(await readFile(file), file) as FilterIndex;
      const byValue = filters.get(name) ?? new Map<string, number[]>();
      for (const [value, list] of values) {
        const all = byValue.get(value) ?? [];
        for (const page of list) all.push(page + part.offset);
        byValue.set(value, all);
      }
      filters.set(name, byValue);
    }
  }
  const filterFiles: Array<{ name: string; handle: number }> = [];
  for (const name of [...filters.keys()].sort(compareCodePoints)) {
    const values = [...filters.get(name)!].sort(([a], [b]) => compareCodePoints(a, b));
    const body = cborBody([name, values] satisfies FilterIndex);
    filterFiles.push({ name, handle: naming.write(dir, 'pf_filter', writeCbor(body)) });
  }
  return filterFiles;
}

/** The merged `pf_meta` and the entry naming it, and Pagefind's own code and WebAssembly (and its unused default UI) from the first part. */
async function writeMetaAndEntry(
  read: Part[],
  out: string,
  written: { metaPages: MetaPage[]; metaChunks: MetaChunk[]; metaFilters: Array<[string, string]> },
): Promise<void> {
  const { language, entry } = read[0]!;
  const metaFields = [...new Set(read.flatMap((p) => p.meta[5]))].sort(compareCodePoints);
  const meta = cborBody([
    read[0]!.meta[0],
    written.metaPages,
    written.metaChunks,
    written.metaFilters,
    [],
    metaFields,
  ] satisfies MetaIndex);
  const metaId = `${language}_${createHash('sha256').update(meta).digest('hex').slice(0, 11)}`;
  await writeFile(join(out, `pagefind.${metaId}.pf_meta`), writeCbor(meta));
  const languageEntry = entry.languages[language]!;
  await writeFile(
    join(out, ENTRY),
    JSON.stringify({
      ...entry,
      languages: { [language]: { ...languageEntry, hash: metaId, page_count: written.metaPages.length } },
    } satisfies PagefindEntry),
  );
  for (const e of await readdir(read[0]!.dir, { withFileTypes: true }))
    if (e.isFile() && e.name !== ENTRY && !e.name.endsWith('.pf_meta'))
      await copyFile(join(read[0]!.dir, e.name), join(out, e.name));
}

/**
 * Merges the Pagefind bundles in `parts` (directories, in page order) into one bundle in `out`
 * (which must not hold another index). Returns the merged index's pages in order. Throws
 * PagefindFormatError, before reading anything but its entry, for a part that another Pagefind
 * than FORMAT_VERSION wrote (version.ts).
 */
export async function mergeIndexParts(parts: string[], out: string, options: MergeOptions = {}): Promise<MergedIndex> {
  const read = await readParts(parts);
  for (const sub of ['fragment', 'index', 'filter']) await mkdir(join(out, sub), { recursive: true });
  const naming = new Naming();
  const pages = writePages(read, join(out, 'fragment'), naming, options);
  const chunks = writeChunks(read, join(out, 'index'), naming, options);
  const filterFiles = await writeFilters(read, join(out, 'filter'), naming);
  naming.settle();
  const metaChunks: MetaChunk[] = chunks.map((c) => [c.bounds[0], c.bounds[1], naming.finalName(c.handle)]);
  shortenBounds(metaChunks);
  const metaPages: MetaPage[] = pages.map((p) => [naming.finalName(p.handle), p.wordCount, ...p.rest]);
  const metaFilters = filterFiles.map((f): [string, string] => [f.name, naming.finalName(f.handle)]);
  await writeMetaAndEntry(read, out, { metaPages, metaChunks, metaFilters });
  return { tag: naming.tag!, pages: pages.map((p, i) => ({ id: metaPages[i]![0], url: p.url })) };
}
