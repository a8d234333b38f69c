/**
 * The Pagefind format code is written for one Pagefind release (pagefind/version.ts): these
 * fail when package.json pins another, so that whoever upgrades re-checks the format first; and
 * a bundle another Pagefind wrote is refused before any of its private files is read.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import * as pagefind from 'pagefind';
import { mergeIndexParts } from '../../../../src/lib/search/pagefind/mergeIndex.ts';
import {
  FORMAT_VERSION,
  formatMismatch,
  installedPagefindVersion,
  PagefindFormatError,
} from '../../../../src/lib/search/pagefind/version.ts';

const RECHECK =
  'src/lib/search/pagefind/ reads and writes the private bundle format of one Pagefind release. Before changing ' +
  'Pagefind, re-check the format against its source (the round trip of tests/unit/search/pagefind/mergeIndex.test.ts ' +
  'must give Pagefind’s own bytes; docs/search.md, “Index”), then set FORMAT_VERSION in pagefind/version.ts.';

const work = mkdtempSync(join(tmpdir(), 'pagefind-version-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the Pagefind the format code was written for', () => {
  test('package.json pins exactly that Pagefind, and it is the one installed', () => {
    const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '../../../../package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies['pagefind'], RECHECK).toBe(FORMAT_VERSION);
    expect(installedPagefindVersion(), RECHECK).toBe(FORMAT_VERSION);
  });

  test('another version is named with where it was found and what the code knows', () => {
    expect(formatMismatch(FORMAT_VERSION, 'x')).toBeUndefined();
    const message = formatMismatch('1.7.0', 'The installed Pagefind');
    expect(message).toContain('The installed Pagefind is Pagefind 1.7.0');
    expect(message).toContain(FORMAT_VERSION);
    expect(formatMismatch(undefined, 'x')).toContain('unknown version');
  });

  test('the merge refuses a part that another Pagefind wrote, reading nothing but its entry', async () => {
    const { index } = await pagefind.createIndex({});
    await index!.addCustomRecord({ url: '/a/', content: '县管 管校 校聘', language: 'en' });
    const part = join(work, 'part');
    await index!.writeFiles({ outputPath: part });
    await pagefind.close();
    const other = join(work, 'other');
    cpSync(part, other, { recursive: true });
    const entryFile = join(other, 'pagefind-entry.json');
    writeFileSync(entryFile, JSON.stringify({ ...JSON.parse(readFileSync(entryFile, 'utf8')), version: '1.7.0' }));
    // Its private files are removed: a merge that read them would fail otherwise.
    for (const dir of ['index', 'fragment']) rmSync(join(other, dir), { recursive: true });
    const merged = mergeIndexParts([part, other], join(work, 'out'));
    await expect(merged).rejects.toBeInstanceOf(PagefindFormatError);
    await expect(merged).rejects.toThrow(`${entryFile} is Pagefind 1.7.0`);
  });
});
