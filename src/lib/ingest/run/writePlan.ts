/**
 * The write plan of one input: every file it would write (cases, the source record, the copy
 * of the raw file), checked against what is on disk and then applied as a unit — all of them
 * or none. Nothing is overwritten without --force; nothing a curated case owns is replaced
 * without --force-replace-curated; a file that appears between the check and the write (a
 * second ingest running at the same time) is never clobbered, because new files are created
 * exclusively (temporary file, then link(2), which fails if the name exists). Any failure
 * rolls back what this plan already wrote, so the casebook is never left half-written and a
 * source record never points at a seed that was not written.
 *
 * The file system is a parameter so that tests can inject the failures of a full disk.
 */
import * as nodeFs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { CasebookIndex } from './fileIO.ts';

/** The few file operations the plan needs (node:fs by default). */
export interface PlanFs {
  lstatSync(path: string): nodeFs.Stats;
  readFileSync(path: string): Buffer;
  mkdirSync(path: string): void;
  writeFileSync(path: string, data: string | Uint8Array, options: { flag: 'wx' }): void;
  linkSync(existing: string, path: string): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  rmdirSync(path: string): void;
}

const defaultFs: PlanFs = {
  lstatSync: (p) => nodeFs.lstatSync(p),
  readFileSync: (p) => nodeFs.readFileSync(p),
  mkdirSync: (p) => nodeFs.mkdirSync(p),
  writeFileSync: (p, d, o) => nodeFs.writeFileSync(p, d, o),
  linkSync: (a, b) => nodeFs.linkSync(a, b),
  renameSync: (a, b) => nodeFs.renameSync(a, b),
  unlinkSync: (p) => nodeFs.unlinkSync(p),
  rmdirSync: (p) => nodeFs.rmdirSync(p),
};

export type FileRole = 'seed' | 'source' | 'case';

export interface WriteRequest {
  path: string;
  content: string | Uint8Array;
  role: FileRole;
}

/** `new`: no file there; `same`: identical bytes; `differs`: a different file would be replaced. */
export type WriteState = 'new' | 'same' | 'differs';

export interface PlannedFile extends WriteRequest {
  state: WriteState;
  /** Why replacing it would touch a curated case (set only for `differs`). */
  curated?: string;
}

export interface PlanOptions {
  /** Replace differing files that are drafts of this input. */
  force?: boolean;
  /** Also replace files that curated cases own (implies force). */
  forceCurated?: boolean;
}

export interface WritePlan {
  files: PlannedFile[];
  /** Why nothing of this input may be written; undefined when the plan can be applied. */
  refused?: string;
  /** The refusal is an OS error on a path (not a file in the way). */
  ioError?: boolean;
  /** Warnings to show even when the plan is applied (e.g. a curated case replaced on request). */
  notes: string[];
}

export type FileAction = 'written' | 'replaced' | 'unchanged' | 'would write' | 'would replace';

export type ApplyResult =
  | { ok: true; files: { path: string; role: FileRole; action: FileAction }[] }
  | { ok: false; path: string; error: string; conflict: boolean };

/** Seed first, then the source record that points at it, then the cases that point at that. */
const ORDER: Record<FileRole, number> = { seed: 0, source: 1, case: 2 };

const sameBytes = (a: Buffer, b: string | Uint8Array) =>
  a.equals(typeof b === 'string' ? Buffer.from(b, 'utf8') : Buffer.from(b.buffer, b.byteOffset, b.byteLength));

function stateOf(fs: PlanFs, path: string, content: string | Uint8Array): WriteState | { error: string } {
  let st: nodeFs.Stats;
  try {
    st = fs.lstatSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'new';
    return { error: errnoText(error) };
  }
  if (!st.isFile())
    return {
      error: `exists and is not a regular file (${st.isDirectory() ? 'a directory' : st.isSymbolicLink() ? 'a symbolic link' : 'a special file'})`,
    };
  return sameBytes(fs.readFileSync(path), content) ? 'same' : 'differs';
}

/** An OS error as one short phrase: `ENOSPC: no space left on device`. */
export function errnoText(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (!e || typeof e !== 'object') return String(error);
  const message = (e.message ?? '').replace(/^[A-Z]+:\s*/, '').replace(/,\s*\w+\s+'.*$/, '');
  return e.code ? `${e.code}: ${message || 'error'}` : message || String(error);
}

/**
 * Why replacing these files would touch a curated case: a case file without `draft: true`,
 * a source record that curated cases outside this plan point to, or a new case for a body
 * that a curated case of the same source already covers (a duplicate).
 */
export function curatedClaims(
  requests: readonly WriteRequest[],
  index: CasebookIndex,
  states: readonly WriteState[],
  sourceKey: string | undefined,
  bodies: ReadonlyMap<string, string>,
): Map<number, string> {
  const claims = new Map<number, string>();
  const planned = new Set(requests.filter((r) => r.role === 'case').map((r) => slugOf(r.path)));
  const curatedOfSource = [...index.cases.values()].filter(
    (c) => c.source === sourceKey && !c.draft && !planned.has(c.slug),
  );
  requests.forEach((r, i) => {
    if (r.role === 'case') {
      const slug = slugOf(r.path);
      const existing = index.cases.get(slug);
      if (states[i] === 'differs' && existing && !existing.draft)
        claims.set(i, `cases/${slug}.mdx is a curated case (no draft: true)`);
      const body = bodies.get(slug);
      const twin = curatedOfSource.find((c) => body && c.body === body);
      if (states[i] === 'new' && twin)
        claims.set(
          i,
          `a curated case for ${body} from this source already exists (cases/${twin.slug}.mdx): a second case would duplicate it`,
        );
    } else if (r.role === 'source' && states[i] === 'differs' && curatedOfSource.length) {
      claims.set(
        i,
        `the source record is cited by curated case(s) ${curatedOfSource.map((c) => `cases/${c.slug}.mdx`).join(', ')}`,
      );
    } else if (r.role === 'seed' && states[i] === 'differs') {
      const name = `seeds/${basename(r.path)}`;
      const owners = [...index.sources].filter(([key, file]) => file === name && key !== sourceKey).map(([key]) => key);
      if (owners.length) claims.set(i, `${name} is the raw file of source record(s) ${owners.join(', ')}`);
    }
  });
  return claims;
}

const slugOf = (path: string) => basename(path).replace(/\.mdx$/i, '');

export interface PlanContext {
  /** What is on disk, for curated-case checks. Without it, only the no-overwrite rule applies. */
  index?: CasebookIndex;
  /** The source key the drafts use. */
  sourceKey?: string;
  /** Reporting body of each planned case, by slug. */
  bodies?: ReadonlyMap<string, string>;
  /** How paths are shown in messages. @default the path itself */
  shown?: (path: string) => string;
}

/** Checks every file of an input against the disk. Reads only. */
export function planWrites(
  requests: readonly WriteRequest[],
  options: PlanOptions = {},
  context: PlanContext = {},
  fs: PlanFs = defaultFs,
): WritePlan {
  const shown = context.shown ?? ((p: string) => p);
  const sorted = [...requests].sort((a, b) => ORDER[a.role] - ORDER[b.role]);
  const states: WriteState[] = [];
  for (const r of sorted) {
    const s = stateOf(fs, r.path, r.content);
    if (typeof s === 'object')
      return { files: [], refused: `cannot write ${shown(r.path)}: ${s.error}`, ioError: true, notes: [] };
    states.push(s);
  }
  const claims = context.index
    ? curatedClaims(sorted, context.index, states, context.sourceKey, context.bodies ?? new Map())
    : new Map<number, string>();
  const files: PlannedFile[] = sorted.map((r, i) => ({
    ...r,
    state: states[i]!,
    ...(claims.has(i) && { curated: claims.get(i)! }),
  }));
  const force = options.force || options.forceCurated;
  const clashes = files.filter((f) => f.state === 'differs');
  const notes: string[] = [];
  const curated = files.filter((f) => f.curated);
  if (curated.length && !options.forceCurated) {
    const why = curated.map((f) => f.curated).join('; ');
    return {
      files,
      refused: `${why} — nothing written for this input (to replace it anyway, add --force-replace-curated; or write elsewhere with --out)`,
      notes,
    };
  }
  if (curated.length) notes.push(...curated.map((f) => `--force-replace-curated: ${f.curated}`));
  if (clashes.length && !force) {
    return {
      files,
      refused: `would overwrite existing file(s): ${clashes.map((c) => shown(c.path)).join(', ')} — nothing written for this input (use --force to overwrite, or --out to write elsewhere)`,
      notes,
    };
  }
  return { files, notes };
}

/** Directories to create for the plan, outermost first; the error when a parent is not a directory. */
function missingDirs(fs: PlanFs, paths: readonly string[]): string[] {
  const missing: string[] = [];
  for (const p of paths) {
    const chain: string[] = [];
    for (let d = dirname(p); ; d = dirname(d)) {
      let exists = false;
      try {
        fs.lstatSync(d);
        exists = true;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
      if (exists || dirname(d) === d) break;
      chain.unshift(d);
    }
    for (const d of chain) if (!missing.includes(d)) missing.push(d);
  }
  return missing;
}

let counter = 0;
/** `.name.<pid>.<time>.<n>.tmp` (a file being written) or `.bak` (the old file until the plan is done). */
const tempName = (path: string, kind: 'tmp' | 'bak' = 'tmp') =>
  join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.${counter++}.${kind}`);

const TEMP_NAME = /^\..+\.(\d+)\.\d+\.\d+\.(tmp|bak)$/;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Temporary files of an ingest that died (killed, power cut) in `dirs`: its `.tmp` files are
 * removed — a new file is linked to its name before its temporary file goes, so none holds the
 * only copy of anything. A `.bak` holds a file as it was before a replacement that may or may not
 * have completed: it is kept and named, for the editor to compare. Files of a run still alive are
 * left alone.
 */
export function cleanStaleTemps(dirs: readonly string[]): { removed: string[]; backups: string[] } {
  const removed: string[] = [];
  const backups: string[] = [];
  for (const dir of dirs) {
    let names: string[];
    try {
      names = nodeFs.readdirSync(dir);
    } catch {
      continue;
    }
    for (const name of names) {
      const m = TEMP_NAME.exec(name);
      if (!m || Number(m[1]) === process.pid || alive(Number(m[1]))) continue;
      const path = join(dir, name);
      if (m[2] === 'bak') backups.push(path);
      else
        attempt(() => {
          nodeFs.unlinkSync(path);
          removed.push(path);
        });
    }
  }
  return { removed, backups };
}

/**
 * Applies a plan that `planWrites` accepted: all files or none. New files are created
 * exclusively (a name taken meanwhile is a conflict, not an overwrite); replaced files keep a
 * backup until every file is written; on any failure, what was written is removed, replaced
 * files are restored, and created directories are removed again.
 */
export function applyPlan(plan: WritePlan, options: { dryRun?: boolean } = {}, fs: PlanFs = defaultFs): ApplyResult {
  if (plan.refused) throw new Error('applyPlan: the plan was refused');
  if (options.dryRun) return { ok: true, files: actions(plan, 'would write', 'would replace') };
  const pending = plan.files.filter((f) => f.state !== 'same');
  const journal = new WriteJournal(fs);
  try {
    journal.at = pending[0] ? dirname(pending[0].path) : '';
    createDirs(
      fs,
      pending.map((f) => f.path),
      journal,
    );
    for (const f of pending) writeOne(fs, f, journal);
  } catch (error) {
    journal.rollback();
    // EEXIST: a name taken since the check; ENOENT: a directory another ingest's rollback removed.
    const code = (error as NodeJS.ErrnoException).code;
    const conflict = code === 'EEXIST' || code === 'ENOENT';
    return {
      ok: false,
      path: journal.at,
      conflict,
      error: conflict
        ? `${code}: changed by another process since the check (another ingest running?)`
        : errnoText(error),
    };
  }
  journal.commit();
  return { ok: true, files: actions(plan, 'written', 'replaced') };
}

/** Each planned file with what happened to it (or would): unchanged, new or replaced. */
function actions(
  plan: WritePlan,
  asNew: FileAction,
  asReplaced: FileAction,
): Extract<ApplyResult, { ok: true }>['files'] {
  return plan.files.map((f) => ({
    path: f.path,
    role: f.role,
    action: f.state === 'same' ? 'unchanged' : f.state === 'new' ? asNew : asReplaced,
  }));
}

/** What a plan has done so far, to undo it all on a failure; `at` is the path being worked on. */
class WriteJournal {
  at = '';
  private createdDirs: string[] = [];
  private created: string[] = [];
  private backups: { path: string; backup: string }[] = [];
  readonly temps = new Set<string>();

  constructor(private fs: PlanFs) {}

  dirCreated(dir: string): void {
    this.createdDirs.push(dir);
  }

  fileCreated(path: string): void {
    this.created.push(path);
  }

  backedUp(path: string, backup: string): void {
    this.backups.push({ path, backup });
  }

  rollback(): void {
    const fs = this.fs;
    for (const t of this.temps) attempt(() => fs.unlinkSync(t));
    for (const p of this.created.reverse()) attempt(() => fs.unlinkSync(p));
    for (const b of this.backups.reverse()) attempt(() => fs.renameSync(b.backup, b.path));
    for (const d of this.createdDirs.reverse()) attempt(() => fs.rmdirSync(d));
  }

  /** Every file is written: the backups go. */
  commit(): void {
    for (const b of this.backups) attempt(() => this.fs.unlinkSync(b.backup));
  }
}

function createDirs(fs: PlanFs, paths: readonly string[], journal: WriteJournal): void {
  for (const d of missingDirs(fs, paths)) {
    journal.at = d;
    try {
      fs.mkdirSync(d);
      journal.dirCreated(d);
    } catch (error) {
      // Created meanwhile by another ingest: fine if it is a directory.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !fs.lstatSync(d).isDirectory()) throw error;
    }
  }
}

/** One file through a temporary file: linked to a new name, or renamed over an old one kept as a backup. */
function writeOne(fs: PlanFs, f: PlannedFile, journal: WriteJournal): void {
  journal.at = f.path;
  const tmp = tempName(f.path);
  fs.writeFileSync(tmp, f.content, { flag: 'wx' });
  journal.temps.add(tmp);
  if (f.state === 'new') {
    // link(2) fails with EEXIST if another process created the name since the plan was made.
    fs.linkSync(tmp, f.path);
    journal.fileCreated(f.path);
    fs.unlinkSync(tmp);
  } else {
    const backup = tempName(f.path, 'bak');
    fs.linkSync(f.path, backup);
    journal.backedUp(f.path, backup);
    fs.renameSync(tmp, f.path);
  }
  journal.temps.delete(tmp);
}

function attempt(f: () => void): void {
  try {
    f();
  } catch {
    // Best effort while rolling back: the first error is the one reported.
  }
}
