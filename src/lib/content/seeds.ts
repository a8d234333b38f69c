/**
 * seeds/ is a flat folder of regular files (the bulletins as received). A source record's
 * `file:` must name one of them: `seeds/<name>`, no other folder, no `..`, no absolute or
 * backslash path, no symbolic link (its target would be published) and nothing but a regular
 * file (a FIFO or device would hang or leak the build). Checked with lstat, never followed.
 */
import { lstatSync, readdirSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './problems.ts';
import { isCleanText } from '../text/unsafeChars.ts';

const SEEDS_DIR = 'seeds';
/** Larger originals are not bulletins; refusing them keeps the build from reading them whole. */
const MAX_SEED_BYTES = 50 * 1024 * 1024;

function lstat(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function kindProblem(stats: Stats): string | undefined {
  if (stats.isSymbolicLink()) return 'is a symbolic link (seeds/ holds only regular files: copy the file itself in)';
  if (!stats.isFile()) return `is not a regular file (a ${stats.isDirectory() ? 'folder' : 'device, FIFO or socket'})`;
  if (stats.size > MAX_SEED_BYTES) return `is larger than ${MAX_SEED_BYTES / 1024 / 1024} MB`;
  return undefined;
}

/** Why `file` (as written in a source record) is not a usable seed, or undefined. */
export function seedFileProblem(root: string, file: string): string | undefined {
  const shape = `write it as ${SEEDS_DIR}/<file name>`;
  if (!isCleanText(file) || /[\0-\x1F]/.test(file)) return `“${file}” contains a control or invisible character; ${shape}`;
  if (file.includes('\\')) return `“${file}” contains a backslash; ${shape} with forward slashes`;
  if (file.startsWith('/') || /^[A-Za-z]:/.test(file)) return `“${file}” is an absolute path; ${shape}`;
  const [dir, name, ...rest] = file.split('/');
  if (dir !== SEEDS_DIR || name === undefined || rest.length > 0) return `“${file}” is not directly inside ${SEEDS_DIR}/; ${shape}`;
  if (name === '' || name === '.' || name === '..' || name.startsWith('.')) return `“${file}” does not name a file; ${shape}`;
  const dirStats = lstat(join(root, SEEDS_DIR));
  if (!dirStats?.isDirectory()) return `${SEEDS_DIR}/ is not a folder of the repository (a missing folder or a symbolic link)`;
  const stats = lstat(join(root, SEEDS_DIR, name));
  if (!stats) return `raw file ${file} does not exist`;
  const problem = kindProblem(stats);
  return problem && `raw file ${file} ${problem}`;
}

/** Every entry of seeds/ that is not a regular file (or too large to be a bulletin). */
export function seedsFolderProblems(root: string): Problem[] {
  const dir = join(root, SEEDS_DIR);
  if (!lstat(dir)?.isDirectory()) return [];
  return readdirSync(dir).flatMap((name) => {
    const stats = lstat(join(dir, name));
    const problem = stats ? kindProblem(stats) : 'cannot be read';
    return problem ? [{ file: `${SEEDS_DIR}/${name}`, line: 1, message: problem }] : [];
  });
}
