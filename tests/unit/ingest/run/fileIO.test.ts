// Reading inputs safely (stat first, regular files only, bounded) and the casebook index.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCasebook, readInput } from '../../../../src/lib/ingest/run/fileIO.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'file-io-'));
  dirs.push(d);
  return d;
};

describe('readInput', () => {
  it('reads a regular file', () => {
    const f = join(tmp(), 'a.txt');
    writeFileSync(f, '教育');
    expect(readInput(f)).toEqual({ ok: true, bytes: new Uint8Array(Buffer.from('教育')) });
  });

  it('refuses a FIFO, a device, a directory and a symlink before reading a byte (no hang)', () => {
    const d = tmp();
    const fifo = join(d, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const link = join(d, 'link.txt');
    writeFileSync(join(d, 'target.txt'), '教育');
    symlinkSync(join(d, 'target.txt'), link);
    expect(readInput(fifo)).toEqual({
      ok: false,
      reason: `not read: ${fifo} is a named pipe (FIFO); expected a regular file`,
    });
    expect(readInput('/dev/zero')).toEqual({
      ok: false,
      reason: 'not read: /dev/zero is a device; expected a regular file',
    });
    expect(readInput(d)).toMatchObject({ ok: false, reason: expect.stringContaining('is a directory') });
    expect(readInput(link)).toMatchObject({ ok: false, reason: expect.stringContaining('is a symbolic link') });
  });

  it('checks the size before reading', () => {
    const f = join(tmp(), 'huge.txt');
    writeFileSync(f, '');
    truncateSync(f, 64 * 1024 * 1024); // sparse: a read would take 64 MiB of memory
    expect(readInput(f)).toEqual({
      ok: false,
      reason: `file too large (${64 * 1024 * 1024} bytes; the limit is ${32 * 1024 * 1024} bytes)`,
    });
    expect(readInput(f, 10)).toMatchObject({ ok: false });
  });

  it('names a missing file with the OS error', () => {
    expect(readInput('/nonexistent/x.txt')).toEqual({
      ok: false,
      reason: 'cannot read /nonexistent/x.txt: ENOENT (lstat)',
    });
  });
});

describe('readCasebook', () => {
  it('parses front matter and records as YAML: a U+2028 in a value hides no key', () => {
    const out = tmp();
    mkdirSync(join(out, 'cases'));
    mkdirSync(join(out, 'sources'));
    mkdirSync(join(out, 'seeds'));
    // A line separator inside a quoted title, then a decoy `source:` after it on the same YAML line.
    writeFileSync(
      join(out, 'cases/a.mdx'),
      '---\ntitle: "一\u2028source: decoy"\nbody: 某区教育局\nsource: real\n---\n\n正文。\n',
    );
    writeFileSync(join(out, 'sources/real.yaml'), 'title: "来源\u2028file: seeds/decoy.txt"\nfile: seeds/a.txt\n');
    writeFileSync(join(out, 'seeds/a.txt'), '原文\u2028第二行');
    const index = readCasebook(out, [out]);
    expect(index.cases.get('a')).toEqual({ slug: 'a', source: 'real', body: '某区教育局', draft: false });
    expect(index.sources.get('real')).toBe('seeds/a.txt');
    // The same bytes under any name are the same seed.
    expect(index.sourceOfBytes(new Uint8Array(Buffer.from('原文\u2028第二行')))).toEqual({
      key: 'real',
      file: 'seeds/a.txt',
    });
    expect(index.sourceOfBytes(new Uint8Array(Buffer.from('原文\n第二行')))).toBeUndefined();
  });
});
