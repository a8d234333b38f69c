/**
 * What a content folder may hold: regular files with the collection's extension, directly in the
 * folder. Anything else — a `.MDX`, a `.md`, a subfolder, a symbolic link, a FIFO — is an error,
 * not a silently skipped case. Dotfiles (editor swap files, .DS_Store) and a README.md are ignored.
 */
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './problems.ts';

/** A case or source file larger than this is not one (and is not read into memory). */
const MAX_CONTENT_FILE_BYTES = 10 * 1024 * 1024;

export interface FolderListing {
  /** Repository-relative paths of the files to load, sorted. */
  files: string[];
  problems: Problem[];
  /** Names skipped on purpose (dotfiles), for a warning. */
  ignored: string[];
}

export function listContentFolder(root: string, dir: string, extensions: readonly string[]): FolderListing {
  const listing: FolderListing = { files: [], problems: [], ignored: [] };
  const expected = extensions.join(' or ');
  let names: string[];
  try {
    names = readdirSync(join(root, dir)).sort();
  } catch {
    listing.problems.push({ file: dir, line: 1, message: `the folder ${dir}/ is missing or cannot be read` });
    return listing;
  }
  for (const name of names) {
    const file = `${dir}/${name}`;
    if (name.startsWith('.')) {
      listing.ignored.push(file);
      continue;
    }
    if (name === 'README.md') continue;
    const stats = lstatSync(join(root, file));
    const problem = (message: string) => listing.problems.push({ file, line: 1, message });
    if (stats.isSymbolicLink()) problem(`a symbolic link: ${dir}/ holds only regular ${expected} files`);
    else if (stats.isDirectory()) problem(`a folder: files sit directly in ${dir}/ (no subfolders); move its ${expected} files up`);
    else if (!stats.isFile()) problem('not a regular file (a device, FIFO or socket)');
    else if (!extensions.some((ext) => name.endsWith(ext))) {
      const ext = /\.[^.]*$/.exec(name)?.[0] ?? '';
      const near = extensions.find((e) => e.toLowerCase() === ext.toLowerCase());
      problem(near ? `the extension “${ext}” must be written “${near}” (lowercase)` : `unexpected file: ${dir}/ holds only ${expected} files`);
    } else if (stats.size > MAX_CONTENT_FILE_BYTES) problem(`larger than ${MAX_CONTENT_FILE_BYTES / 1024 / 1024} MB`);
    else listing.files.push(file);
  }
  return listing;
}
