/**
 * The reading side of ingest: an input file read safely (stat first, regular files only,
 * bounded), and the casebook already on disk (cases, source records, seeds) read into an
 * index so that the pure stages can name drafts and the write plan can see what it would
 * replace. Writing is ./writePlan.ts.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  type Stats,
} from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';
import { frontMatterRecord, yamlRecord } from '../../content/yamlSource.ts';
import { isDraft } from '../../model/drafts.ts';
import { sameText } from '../draft/fingerprint.ts';

/** Largest input file read at all (originals such as PDFs are larger than their text). @default 32 MiB */
export const MAX_FILE_BYTES = 32 * 1024 * 1024;

export type InputRead = { ok: true; bytes: Uint8Array } | { ok: false; reason: string };

function kindOf(s: Stats): string {
  if (s.isDirectory()) return 'a directory';
  if (s.isSymbolicLink()) return 'a symbolic link (give the path of the file it points to)';
  if (s.isFIFO()) return 'a named pipe (FIFO)';
  if (s.isSocket()) return 'a socket';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

const errorText = (error: unknown) => {
  const e = error as NodeJS.ErrnoException;
  return e.code ? `${e.code}${e.syscall ? ` (${e.syscall})` : ''}` : String((error as Error).message ?? error);
};

/**
 * Reads an input file: refused before any byte is read unless it is a regular file (not a
 * symlink, FIFO, device or directory) of at most `maxBytes`; the read itself never takes
 * more than `maxBytes + 1` bytes, so a file that grows meanwhile cannot make it unbounded.
 */
export function readInput(path: string, maxBytes = MAX_FILE_BYTES): InputRead {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (error) {
    return { ok: false, reason: `cannot read ${path}: ${errorText(error)}` };
  }
  if (!st.isFile()) return { ok: false, reason: `not read: ${path} is ${kindOf(st)}; expected a regular file` };
  if (st.size > maxBytes)
    return { ok: false, reason: `file too large (${st.size} bytes; the limit is ${maxBytes} bytes)` };
  let fd: number;
  try {
    // O_NOFOLLOW and O_NONBLOCK: a path swapped for a symlink or a FIFO after the stat neither follows nor hangs.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { ok: false, reason: `cannot read ${path}: ${errorText(error)}` };
  }
  try {
    const now = fstatSync(fd);
    if (!now.isFile()) return { ok: false, reason: `not read: ${path} is ${kindOf(now)}; expected a regular file` };
    const buffer = Buffer.alloc(Math.min(maxBytes, now.size) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return { ok: false, reason: `file too large (more than ${maxBytes} bytes)` };
    return { ok: true, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
  } catch (error) {
    return { ok: false, reason: `cannot read ${path}: ${errorText(error)}` };
  } finally {
    closeSync(fd);
  }
}

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** An existing case file, as far as naming and ownership need it. */
export interface CaseEntry {
  slug: string;
  /** `source:` key. */
  source: string;
  /** `body:` (reporting body). */
  body: string;
  /** Still a draft (`draft: true`, ../../model/drafts.ts); a case without the flag has been curated. */
  draft: boolean;
}

export interface CasebookIndex {
  cases: Map<string, CaseEntry>;
  /** `file:` of each source record, by key. */
  sources: Map<string, string>;
  /** Key of the source record whose raw file has exactly these bytes (a re-ingest), if any. */
  sourceOfBytes(bytes: Uint8Array): { key: string; file: string } | undefined;
  /** `fingerprint:` of each source record that has one, by key. */
  fingerprints: Map<string, string>;
  /** The bytes of a seed (`seeds/<name>`) as a source record names it, if it can be read. */
  seedBytes(file: string): Uint8Array | undefined;
  /** Paths of the files in cases/, sources/ and the seeds folders when the index was read. */
  existing: ReadonlySet<string>;
}

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Case and source files larger than this are not read (the build refuses them too). */
const MAX_RECORD_BYTES = 10 * 1024 * 1024;

/**
 * The names in a casebook folder, after checking that each is a regular file (a directory is
 * skipped): a FIFO, socket, device or symbolic link named like a case would hang the read or leak
 * another file, so the whole casebook is refused, naming it — nothing in it is opened.
 */
function casebookNames(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir);
  for (const name of names) {
    const st = lstatSync(join(dir, name));
    if (!st.isFile() && !st.isDirectory())
      throw new Error(`${join(dir, name)} is ${kindOf(st)}: a casebook holds only regular files — remove it`);
  }
  return names;
}

/** The text of a case or source file, read like an input (regular file, bounded, never blocking). */
function recordText(path: string): string {
  const read = readInput(path, MAX_RECORD_BYTES);
  if (!read.ok) throw new Error(read.reason);
  return new TextDecoder().decode(read.bytes);
}

/**
 * Cases in `<out>/cases`, source records in `<out>/sources` and the seeds they point at
 * (under `projectRoot`, or `<out>` for `seeds/` written there). Parsed as YAML, never by line
 * patterns, so a U+2028 or a quoted value cannot hide a `source:` or `file:`.
 */
export function readCasebook(outDir: string, seedRoots: readonly string[]): CasebookIndex {
  const cases = new Map<string, CaseEntry>();
  const casesDir = join(outDir, 'cases');
  const seedDirs = seedRoots.map((r) => join(r, 'seeds'));
  for (const dir of seedDirs) casebookNames(dir);
  for (const name of casebookNames(casesDir)) {
    if (name.toLowerCase().endsWith('.mdx') && !name.startsWith('.')) {
      const text = recordText(join(casesDir, name));
      const fm = frontMatterRecord(text);
      const slug = name.slice(0, -4);
      cases.set(slug, { slug, source: str(fm.source), body: str(fm.body), draft: isDraft(fm) });
    }
  }
  const sources = new Map<string, string>();
  const fingerprints = new Map<string, string>();
  const sourcesDir = join(outDir, 'sources');
  for (const name of casebookNames(sourcesDir)) {
    const m = /^([^.].*)\.ya?ml$/.exec(name);
    if (!m) continue;
    const record = yamlRecord(recordText(join(sourcesDir, name)));
    sources.set(m[1]!, str(record.file));
    if (str(record.fingerprint)) fingerprints.set(m[1]!, str(record.fingerprint));
  }
  const seedBytes = (file: string) => {
    for (const dir of seedRoots) {
      const read = file.startsWith('seeds/') ? readInput(join(dir, file)) : undefined;
      if (read?.ok) return read.bytes;
    }
    return undefined;
  };
  const existing = new Set<string>();
  for (const dir of [casesDir, sourcesDir, ...seedDirs]) {
    if (existsSync(dir)) for (const name of readdirSync(dir)) existing.add(join(dir, name));
  }
  let hashes: Map<string, { key: string; file: string }> | undefined;
  const sourceOfBytes = (bytes: Uint8Array) => {
    if (!hashes) {
      hashes = new Map();
      for (const [key, file] of [...sources].sort(([a], [b]) => a.localeCompare(b))) {
        const bytes = seedBytes(file);
        const h = bytes && sha256(bytes);
        if (h && !hashes.has(h)) hashes.set(h, { key, file });
      }
    }
    return hashes.get(sha256(bytes));
  };
  return { cases, sources, sourceOfBytes, fingerprints, seedBytes, existing };
}

/**
 * The source record whose text is the same as a document's (fingerprints at most SAME_TEXT_BITS
 * apart), whatever format either is in. A record without a `fingerprint:` (written by hand, or by
 * an older ingest) gets one from its seed through `fingerprintOf` (the budgeted reader).
 */
export async function sourceOfText(
  index: CasebookIndex,
  fingerprint: string,
  fingerprintOf: (bytes: Uint8Array, file: string) => Promise<string | undefined>,
): Promise<{ key: string; file: string } | undefined> {
  for (const [key, file] of [...index.sources].sort(([a], [b]) => a.localeCompare(b))) {
    let known = index.fingerprints.get(key);
    if (!known) {
      const bytes = index.seedBytes(file);
      known = bytes && (await fingerprintOf(bytes, file));
      if (known) index.fingerprints.set(key, known);
    }
    if (known && sameText(known, fingerprint)) return { key, file };
  }
  return undefined;
}

/** Where the raw file is recorded (`seeds/<name>`) and whether it must be copied there. */
export function seedPlan(input: string, projectRoot: string, seedsDir: string): { seedFile: string; copyTo?: string } {
  const abs = resolve(input);
  const projectSeeds = join(resolve(projectRoot), 'seeds');
  const rel = relative(projectSeeds, abs);
  if (!rel.startsWith('..') && !rel.includes(sep) && rel !== '') return { seedFile: `seeds/${rel}` };
  const name = basename(abs);
  return { seedFile: `seeds/${name}`, copyTo: join(seedsDir, name) };
}
