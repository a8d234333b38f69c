// Hostile and careless content must fail the real build with `file:line: message` lines and no
// stack trace (hostile case files are in content-checks.test.ts, built with the other broken cases). Every fixture is derived from whatever case and source come first in content/, so
// the tests do not depend on today's casebook.
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, makeTempSite, projectRoot, removeTempSite } from '../helpers/tempSite.ts';
import casePages from '../../src/integrations/casePages.ts';

const CASES = 'content/cases';
const SOURCES = 'content/sources';
const caseFiles = readdirSync(join(projectRoot, CASES))
  .filter((f) => f.endsWith('.mdx'))
  .sort();
const sourceFiles = readdirSync(join(projectRoot, SOURCES))
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const templateCase = readFileSync(join(projectRoot, CASES, caseFiles[0]!), 'utf8');
const templateSource = readFileSync(join(projectRoot, SOURCES, sourceFiles[0]!), 'utf8');

const dirs: string[] = [];
afterAll(() => dirs.forEach(removeTempSite));
function site(): string {
  const dir = makeTempSite('casebook-hostile-');
  dirs.push(dir);
  return dir;
}

/** 1-based line of the first line of `text` matching `pattern`. */
const lineOf = (text: string, pattern: RegExp) => text.split('\n').findIndex((l) => pattern.test(l)) + 1;

function expectCleanFailure(build: { status: number | null; output: string }) {
  expect(build.status, build.output).not.toBe(0);
  expect(build.output).not.toMatch(/Stack trace|^\s+at .*\.(ts|js|mjs):\d+/m);
}

describe('hostile content fails the build, naming file and line', () => {
  it('fixtures derive from content that has the fields they edit', () => {
    expect(caseFiles.length).toBeGreaterThan(0);
    expect(templateCase).toMatch(/^date: .+$/m);
    expect(templateCase).toMatch(/^ {4}value: .+$/m);
    expect(templateSource).toMatch(/^file: .+$/m);
  });

  it('source records and seeds: escaping paths, symlinks, FIFOs, unsafe URLs, dates, controls', async () => {
    const dir = site();
    const expected: string[] = [];
    const variant = (name: string, text: string, pattern: RegExp, message: string) => {
      writeFileSync(join(dir, SOURCES, `${name}.yaml`), text);
      expected.push(`${SOURCES}/${name}.yaml:${lineOf(text, pattern)}: ${message}`);
    };
    const file = (value: string) => templateSource.replace(/^file: .*$/m, `file: ${value}`);
    symlinkSync('/etc/passwd', join(dir, 'seeds/leak.txt'));
    expected.push('seeds/leak.txt:1: is a symbolic link');
    const fifo = spawnSync('mkfifo', [join(dir, 'seeds/pipe.txt')]).status === 0;
    if (fifo) expected.push('seeds/pipe.txt:1: is not a regular file (a device, FIFO or socket)');
    mkdirSync(join(dir, 'seeds/sub'));
    expected.push('seeds/sub:1: is not a regular file (a folder)');

    variant('hostile-dotdot', file('seeds/..'), /^file:/, 'file: “seeds/..” does not name a file');
    variant(
      'hostile-up',
      file('seeds/../package.json'),
      /^file:/,
      'file: “seeds/../package.json” is not directly inside seeds/',
    );
    variant('hostile-absolute', file('/etc/passwd'), /^file:/, 'file: “/etc/passwd” is an absolute path');
    variant(
      'hostile-backslash',
      file('seeds\\..\\package.json'),
      /^file:/,
      'file: “seeds\\..\\package.json” contains a backslash',
    );
    variant('hostile-link', file('seeds/leak.txt'), /^file:/, 'file: raw file seeds/leak.txt is a symbolic link');
    if (fifo)
      variant('hostile-fifo', file('seeds/pipe.txt'), /^file:/, 'file: raw file seeds/pipe.txt is not a regular file');
    variant(
      'hostile-url',
      `url: javascript:alert(1)\n${templateSource}`,
      /^url:/,
      'url: “javascript:alert(1)” cannot be used: the scheme “javascript:” is not allowed',
    );
    variant(
      'hostile-entity-url',
      `url: "jav&#x61;script:alert(1)"\n${templateSource}`,
      /^url:/,
      'url: “jav&#x61;script:alert(1)” cannot be used: it contains an HTML character reference',
    );
    variant(
      'hostile-quote-url',
      `url: 'https://example.org/?a=1&b="><script>alert(1)</script>'\n${templateSource}`,
      /^url:/,
      'url: “https://example.org/?a=1&b="><script>alert(1)</script>” cannot be used: it contains a quote, < > or `',
    );
    variant(
      'hostile-relative-url',
      `url: /cases/\n${templateSource}`,
      /^url:/,
      'url: “/cases/” cannot be used: it must be an http:// or https:// address',
    );
    variant(
      'hostile-date',
      templateSource.replace(/^date: .*$/m, 'date: 2025-02-30'),
      /^date:/,
      'date: “2025-02-30” has no day 30',
    );
    variant(
      'hostile-key',
      `flie: seeds/x.txt\n${templateSource}`,
      /^flie:/,
      'flie: unknown key “flie”; did you mean `file`?',
    );
    variant(
      'hostile-title',
      templateSource.replace(/^title: (.*)$/m, 'title: $1\u0007'),
      /^title:/,
      'invisible or control character U+0007 BEL (bell)',
    );
    variant(
      'hostile-escape',
      templateSource.replace(/^summary: .*$/m, 'summary: "摘要\\e[2J\\u200B"'),
      /^summary:/,
      'summary: the value contains U+001B ESC (terminal escape) (and 1 more), written as an escape',
    );

    const build = await buildSite(dir);
    expectCleanFailure(build);
    for (const line of expected) expect(build.output).toContain(line);
  });

  it('an empty casebook does not build', async () => {
    const dir = site();
    for (const f of caseFiles) rmSync(join(dir, CASES, f));
    const build = await buildSite(dir);
    expectCleanFailure(build);
    expect(build.output).toContain(`${CASES}:1: no case files`);
  });

  it('a build that writes fewer case pages than case files fails', () => {
    // The check is the casePages integration's last step of every build (its log line of a build
    // that passed is asserted in new-content.test.ts); here it is handed a dist/ missing one page.
    const dir = site();
    const dist = join(dir, 'dist');
    const ids = caseFiles.map((f) => f.replace(/\.mdx$/, ''));
    for (const id of ids.slice(1)) {
      mkdirSync(join(dist, 'cases', id), { recursive: true });
      writeFileSync(join(dist, 'cases', id, 'index.html'), '<!doctype html>');
    }
    const { hooks } = casePages({ dir: CASES });
    const warnings: string[] = [];
    const logger = { info: () => {}, warn: (m: string) => warnings.push(m) };
    hooks['astro:config:done']!({ config: { root: pathToFileURL(`${dir}/`) } } as never);
    const done = () => hooks['astro:build:done']!({ dir: pathToFileURL(`${dist}/`), logger } as never);
    expect(done).toThrow(`1 of ${caseFiles.length} case pages were not built: cases/${ids[0]}/`);
    let error: Error | undefined;
    try {
      done();
    } catch (e) {
      error = e as Error;
    }
    // Printed without a stack trace, like the content errors.
    expect(error?.stack).toBe('');
    // With every page written, the same check passes.
    mkdirSync(join(dist, 'cases', ids[0]!), { recursive: true });
    writeFileSync(join(dist, 'cases', ids[0]!, 'index.html'), '<!doctype html>');
    expect(done).not.toThrow();
  });
});
