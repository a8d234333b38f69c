/**
 * The file side of ingest (the only module here that touches the disk): reading inputs,
 * finding who owns an existing draft name, and writing atomically (temporary file in the
 * same directory, then rename) without ever overwriting unless asked.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/** `source:` of each case file in `<out>/cases`, by slug. */
export function caseOwners(outDir: string): Map<string, string> {
  const dir = join(outDir, 'cases');
  const owners = new Map<string, string>();
  if (!existsSync(dir)) return owners;
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.mdx')) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    const source = /^source:\s*["']?([^"'\s#]+)/m.exec(text)?.[1] ?? '';
    owners.set(name.slice(0, -4), source);
  }
  return owners;
}

/** `file:` of each source record in `<out>/sources`, by key. */
export function sourceOwners(outDir: string): Map<string, string> {
  const dir = join(outDir, 'sources');
  const owners = new Map<string, string>();
  if (!existsSync(dir)) return owners;
  for (const name of readdirSync(dir)) {
    const m = /^(.*)\.ya?ml$/.exec(name);
    if (!m) continue;
    const text = readFileSync(join(dir, name), 'utf8');
    owners.set(m[1]!, /^file:\s*["']?([^"'\s#]+)/m.exec(text)?.[1] ?? '');
  }
  return owners;
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

export type WriteState = 'new' | 'same' | 'differs';

/** Whether writing `content` to `path` would create, leave unchanged, or overwrite a file. */
export function writeState(path: string, content: string | Uint8Array): WriteState {
  if (!existsSync(path)) return 'new';
  const old = readFileSync(path);
  const next = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  return old.equals(next) ? 'same' : 'differs';
}

/** Writes through a temporary file in the same directory and a rename, so a file is never half-written. */
export function writeAtomic(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  try {
    writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}
