// Hostile and careless content must fail the real build with `file:line: message` lines and no
// stack trace. Every fixture is derived from whatever case and source come first in content/, so
// the tests do not depend on today's casebook.
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSite, makeTempSite, projectRoot, removeTempSite } from '../helpers/tempSite.ts';

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
/** Inserts `line` after the front matter's first line (`---`). */
const withField = (text: string, line: string) => text.replace(/^---\n/, `---\n${line}\n`);

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

  it('case files: unsafe links, controls, dates, unknown keys, numbers, ids, unexpected files', async () => {
    const dir = site();
    const expected: string[] = [];
    const write = (name: string, text: string) => writeFileSync(join(dir, CASES, name), text);
    const at = (name: string, text: string, pattern: RegExp, message: string) =>
      expected.push(`${CASES}/${name}:${lineOf(text, pattern)}: ${message}`);

    const links = [
      '[点[击]这里](javascript:alert(1))',
      '\\\\[x](javascript:alert(2))',
      '[r]: javascript:alert(3)',
      '[分行\n链接](vbscript:msgbox)',
      '<javascript:alert(4)>',
      '[x](jav&#x61;script:alert(5))',
      '![图](data:image/png;base64,iVBORw0KGgo=)',
      '<a href="java&#x09;script:alert(6)">x</a>',
    ];
    const linkCase = `${templateCase.trimEnd()}\n\n${links.join('\n\n')}\n`;
    write('hostile-links.mdx', linkCase);
    at(
      'hostile-links.mdx',
      linkCase,
      /alert\(1\)/,
      'unsafe link target “javascript:alert(1)”: the scheme “javascript:”',
    );
    at('hostile-links.mdx', linkCase, /alert\(2\)/, 'unsafe link target “javascript:alert(2)”');
    at('hostile-links.mdx', linkCase, /alert\(3\)/, 'unsafe reference definition target “javascript:alert(3)”');
    at('hostile-links.mdx', linkCase, /^\[分行$/, 'unsafe link target “vbscript:msgbox”');
    at('hostile-links.mdx', linkCase, /alert\(4\)/, 'unsafe link target “javascript:alert(4)”');
    at('hostile-links.mdx', linkCase, /alert\(5\)/, 'unsafe link target “javascript:alert(5)”');
    at('hostile-links.mdx', linkCase, /data:image/, 'unsafe image target “data:image/png;base64,iVBORw0KGgo=”');
    at('hostile-links.mdx', linkCase, /alert\(6\)/, 'raw HTML is not allowed in content');

    const controls =
      templateCase.replace(/^title: (.*)$/m, 'title: $1\u001b[2J').trimEnd() + '\n\n金额\u202e0051\u202c元。\n';
    write('hostile-controls.mdx', controls);
    at('hostile-controls.mdx', controls, /^title:/, 'invisible or control character U+001B ESC');
    at(
      'hostile-controls.mdx',
      controls,
      /^金额/,
      'invisible or control character U+202E RIGHT-TO-LEFT OVERRIDE (bidi) at column 3',
    );

    // Issue 27: escapes decoded by YAML, a title of 20,000 characters, off-site images and hidden
    // link targets in other Markdown shapes, characters from references, a paragraph that would
    // stall the parser, nesting that would overflow it.
    const escaped = templateCase.replace(/^title: .*$/m, 'title: "标题\\u202E反转"');
    write('hostile-escape.mdx', escaped);
    at('hostile-escape.mdx', escaped, /^title:/, 'title: the value contains U+202E RIGHT-TO-LEFT OVERRIDE (bidi)');
    const longTitle = templateCase.replace(/^title: .*$/m, `title: ${'长'.repeat(20_000)}`);
    write('hostile-long-title.mdx', longTitle);
    at('hostile-long-title.mdx', longTitle, /^title:/, 'title: 20000 characters, more than the 120 allowed');
    const offSite = `${templateCase.trimEnd()}\n\n图：![x][p]\n\n[p]: https://other.example/pixel.png\n\n见[通知][n]。\n\n[n]: //other.example/x\n\n见[通\n知](https://other.example/x)\n\n金额&#x202E;0051元。\n`;
    write('hostile-offsite.mdx', offSite);
    at('hostile-offsite.mdx', offSite, /^图：/, 'an image from another address (“https://other.example/pixel.png”)');
    at(
      'hostile-offsite.mdx',
      offSite,
      /^\[n\]:/,
      'unsafe reference definition target “//other.example/x”: it is protocol-relative',
    );
    at('hostile-offsite.mdx', offSite, /^见\[通$/, 'a link whose text is not its address');
    at(
      'hostile-offsite.mdx',
      offSite,
      /^金额/,
      'invisible or control character U+202E RIGHT-TO-LEFT OVERRIDE (bidi) decoded from a character reference',
    );
    const stall = `${templateCase.trimEnd()}\n\n${'*a_'.repeat(10_000)}\n\n${'>'.repeat(100_000)} 引文\n`;
    write('hostile-stall.mdx', stall);
    at('hostile-stall.mdx', stall, /^\*a_/, 'a paragraph of more than 4000 characters');
    at('hostile-stall.mdx', stall, /^>>>/, 'more than 8 nested quote or list markers');

    const rollover = templateCase.replace(/^date: .*$/m, 'date: 2025-02-30');
    write('hostile-date.mdx', rollover);
    at('hostile-date.mdx', rollover, /^date:/, 'date: “2025-02-30” has no day 30 (month 2 has 28 days)');

    const zoned = templateCase.replace(/^date: .*$/m, 'date: 2025-03-01T00:30:00+08:00');
    write('hostile-zone.mdx', zoned);
    at('hostile-zone.mdx', zoned, /^date:/, 'date: “2025-03-01T00:30:00+08:00” is not a date');

    const typo = withField(templateCase, 'figuers: []');
    write('hostile-typo.mdx', typo);
    at('hostile-typo.mdx', typo, /^figuers:/, 'figuers: unknown key “figuers”; did you mean `figures`?');

    const huge = templateCase.replace(/^ {4}value: .*$/m, '    value: 12345678901234567890');
    write('hostile-number.mdx', huge);
    at('hostile-number.mdx', huge, /12345678901234567890/, 'figures.0.value: 12345678901234567000 is out of range');

    const templateId = caseFiles[0]!.replace(/\.mdx$/, '');
    const dup = withField(templateCase, `slug: ${templateId}`);
    write('hostile-dup.mdx', dup);
    const slugLine = lineOf(dup, /^slug:/);
    // Whichever file is read first keeps the id; the message names both, with lines.
    const collision = [`${CASES}/hostile-dup.mdx:${slugLine}`, `${CASES}/${caseFiles[0]}:1`];
    write('Hostile-Dup-Two.mdx', templateCase);
    write('hostile-dup-two.mdx', templateCase);
    expected.push(`${CASES}/Hostile-Dup-Two.mdx:1: the id “Hostile-Dup-Two” (file name) must be lowercase`);
    expected.push(
      `${CASES}/hostile-dup-two.mdx:1: id “hostile-dup-two” collides with an id that differs only in letter case (“Hostile-Dup-Two”) of ${CASES}/Hostile-Dup-Two.mdx:1`,
    );

    write('hostile-upper.MDX', templateCase);
    expected.push(`${CASES}/hostile-upper.MDX:1: the extension “.MDX” must be written “.mdx” (lowercase)`);
    write('notes.txt', 'x');
    expected.push(`${CASES}/notes.txt:1: unexpected file: ${CASES}/ holds only .mdx files`);
    mkdirSync(join(dir, CASES, 'nested'));
    write('nested/x.mdx', templateCase);
    expected.push(`${CASES}/nested:1: a folder: files sit directly in ${CASES}/ (no subfolders)`);
    write('no-front-matter.mdx', '正文\n');
    expected.push(`${CASES}/no-front-matter.mdx:1: no front matter`);

    const build = await buildSite(dir);
    expectCleanFailure(build);
    for (const line of expected) expect(build.output).toContain(line);
    const [a, b] = collision;
    expect(
      build.output
        .split('\n')
        .some(
          (l) =>
            (l.startsWith(`${a}: `) && l.includes(`same id of ${b}`)) ||
            (l.startsWith(`${b}: `) && l.includes(`same id of ${a}`)),
        ),
    ).toBe(true);
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

  it('a build that writes fewer case pages than case files fails', async () => {
    const dir = site();
    const route = join(dir, 'src/pages/cases/[slug].astro');
    const original = readFileSync(route, 'utf8');
    const broken = original.replace('casebook.cases.map(', 'casebook.cases.slice(1).map(');
    expect(broken).not.toBe(original);
    writeFileSync(route, broken);
    const build = await buildSite(dir);
    expectCleanFailure(build);
    expect(build.output).toContain(`1 of ${caseFiles.length} case pages were not built`);
  });
});
