import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listContentFolder } from '../../../src/lib/content/folders.ts';
import { seedsFolderProblems } from '../../../src/lib/content/seeds.ts';

describe('what a content folder may hold', () => {
  const root = mkdtempSync(join(tmpdir(), 'folders-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'cases/nested'), { recursive: true });
  for (const name of ['a.mdx', 'B.MDX', 'c.md', 'd.mdx.bak', 'README.md', '.DS_Store']) writeFileSync(join(root, 'cases', name), '');
  symlinkSync(join(root, 'cases/a.mdx'), join(root, 'cases/link.mdx'));

  it('lists only regular .mdx files and names every other entry', () => {
    const listing = listContentFolder(root, 'cases', ['.mdx']);
    expect(listing.files).toEqual(['cases/a.mdx']);
    expect(listing.ignored).toEqual(['cases/.DS_Store']);
    expect(listing.problems.map((p) => `${p.file}:${p.line}: ${p.message}`)).toEqual([
      'cases/B.MDX:1: the extension “.MDX” must be written “.mdx” (lowercase)',
      'cases/c.md:1: unexpected file: cases/ holds only .mdx files',
      'cases/d.mdx.bak:1: unexpected file: cases/ holds only .mdx files',
      'cases/link.mdx:1: a symbolic link: cases/ holds only regular .mdx files',
      'cases/nested:1: a folder: files sit directly in cases/ (no subfolders); move its .mdx files up',
    ]);
  });

  it('a missing folder is a problem, not a crash', () => {
    expect(listContentFolder(root, 'nope', ['.mdx']).problems[0]?.message).toMatch(/missing/);
  });

  it('seeds/ entries that are not regular files are named', () => {
    mkdirSync(join(root, 'seeds'));
    writeFileSync(join(root, 'seeds/ok.txt'), 'x');
    symlinkSync('/etc/hostname', join(root, 'seeds/leak.txt'));
    expect(seedsFolderProblems(root).map((p) => p.file + ': ' + p.message)).toEqual([
      'seeds/leak.txt: is a symbolic link (seeds/ holds only regular files: copy the file itself in)',
    ]);
  });
});
