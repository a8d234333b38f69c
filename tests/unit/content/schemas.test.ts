import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { afterAll, describe, expect, it } from 'vitest';
import { parseYamlSource } from '../../../src/lib/content/yamlSource.ts';
import { closestMatch } from '../../../src/lib/content/didYouMean.ts';
import { swapDistance } from '../../../src/lib/text/editDistance.ts';
import { partialDate } from '../../../src/schemas/date.ts';
import { safeNumber } from '../../../src/schemas/number.ts';
import { seedFile } from '../../../src/schemas/seedFile.ts';
import { strictObject } from '../../../src/schemas/strict.ts';
import { webAddress } from '../../../src/schemas/url.ts';
import { caseSchema } from '../../../src/schemas/case.ts';
import { valueProblems } from '../../../src/lib/content/values.ts';

const messages = (schema: z.ZodTypeAny, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('strict objects', () => {
  const schema = strictObject({ title: z.string(), figures: z.array(z.number()).default([]) });
  it('refuses an unknown key and suggests the closest known one', () => {
    expect(messages(schema, { title: 'x', figuers: [1] })).toEqual(['figuers: unknown key “figuers”; did you mean `figures`?']);
    expect(messages(schema, { title: 'x', colour: 1 })).toEqual(['colour: unknown key “colour”; known keys: title, figures']);
  });
  it('reports the typo together with the error it causes', () => {
    expect(messages(schema, { tilte: 'x' })).toEqual(['tilte: unknown key “tilte”; did you mean `title`?', 'title: Required']);
  });
  it('edit distance counts a swap of neighbours as one edit', () => {
    expect(swapDistance('figuers', 'figures')).toBe(1);
    expect(closestMatch('mesures', ['measures', 'figures'])).toBe('measures');
    expect(closestMatch('zzz', ['measures'])).toBeUndefined();
  });
});

describe('dates are strings checked as calendar dates', () => {
  const dateOf = (yaml: string) => partialDate.safeParse((parseYamlSource(yaml).data as { date: unknown }).date);
  it('an unquoted impossible date fails instead of rolling over', () => {
    const r = dateOf('date: 2025-02-30');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/no day 30/);
  });
  it('an unquoted real date stays that day; a time zone is refused, not shifted', () => {
    expect(dateOf('date: 2025-02-28').data).toBe('2025-02-28');
    expect(dateOf('date: 2024-02-29').data).toBe('2024-02-29');
    expect(dateOf('date: 2025-03-01T00:30:00+08:00').success).toBe(false);
    expect(dateOf('date: 2023').data).toBe('2023');
    expect(dateOf('date: 2023.5').success).toBe(false);
    expect(dateOf('date: "2023-13"').error?.issues[0]?.message).toMatch(/no month 13/);
  });
});

describe('safe numbers', () => {
  it.each([0, -5, 31.92, 1e15, -1e15])('accepts %d', (n) => expect(safeNumber.safeParse(n).success).toBe(true));
  it('refuses what a page could not show exactly', () => {
    const big = (parseYamlSource('v: 12345678901234567890').data as { v: number }).v;
    expect(messages(safeNumber, big)[0]).toMatch(/out of range|more digits/);
    expect(messages(safeNumber, 2 ** 53 + 2)[0]).toMatch(/out of range|more digits/);
    expect(messages(safeNumber, Number.POSITIVE_INFINITY)[0]).toMatch(/not a finite number/);
    expect(messages(safeNumber, (parseYamlSource('v: .nan').data as { v: number }).v)[0]).toMatch(/must be a number/);
    expect(messages(safeNumber, 1e16)[0]).toMatch(/out of range/);
    expect(messages(safeNumber, '12')[0]).toMatch(/must be a number/);
  });
});

describe('source addresses', () => {
  it('are http(s) only', () => {
    expect(webAddress.safeParse('https://www.gov.cn/x?a=1&b=2').success).toBe(true);
    expect(messages(webAddress, 'javascript:alert(1)')[0]).toMatch(/scheme “javascript:”/);
    expect(messages(webAddress, 'jav&#x61;script:alert(1)')[0]).toMatch(/character reference/);
    expect(messages(webAddress, '/local/path')[0]).toMatch(/http:\/\/ or https:\/\//);
  });
});

describe('seed files', () => {
  const root = mkdtempSync(join(tmpdir(), 'seeds-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'seeds'));
  writeFileSync(join(root, 'seeds/ok.txt'), '正文');
  symlinkSync('/etc/passwd', join(root, 'seeds/link.txt'));
  mkdirSync(join(root, 'seeds/folder'));
  const fifo = spawnSync('mkfifo', [join(root, 'seeds/pipe.txt')]).status === 0;
  const problem = (file: string) => messages(seedFile(root), file)[0] ?? '';

  it('accepts a regular file directly in seeds/', () => expect(problem('seeds/ok.txt')).toBe(''));
  it.each([
    ['seeds/..', /does not name a file/],
    ['seeds/.', /does not name a file/],
    ['seeds/../content/x.yaml', /not directly inside seeds/],
    ['/etc/passwd', /absolute path/],
    ['C:/x.txt', /absolute path/],
    ['seeds\\ok.txt', /backslash/],
    ['seeds/sub/x.txt', /not directly inside seeds/],
    ['other/ok.txt', /not directly inside seeds/],
    ['seeds/missing.txt', /does not exist/],
    ['seeds/link.txt', /symbolic link/],
    ['seeds/folder', /not a regular file/],
    ['seeds/ok\u202e.txt', /control or invisible/],
  ])('refuses %j', (file, reason) => expect(problem(file)).toMatch(reason));
  it.runIf(fifo)('refuses a FIFO without reading it', () => expect(problem('seeds/pipe.txt')).toMatch(/not a regular file/));
});

describe('case front matter', () => {
  const figure = strictObject({ value: safeNumber });
  const schema = caseSchema({ regions: ['410100'], measures: ['group-schooling'] }, figure);
  const valid = { title: '一个案例标题', summary: '一句十个字以上的摘要文本。', region: '410100', body: '郑州市教育局', date: '2023', source: 's', measures: ['group-schooling'] };
  it('accepts a valid case and refuses unknown keys inside figures too', () => {
    expect(messages(schema, valid)).toEqual([]);
    expect(messages(schema, { ...valid, figures: [{ value: 1, valeu: 2 }] })).toEqual(['figures.0.valeu: unknown key “valeu”; did you mean `value`?']);
  });
  it('a slug is a lowercase id', () => {
    expect(messages(schema, { ...valid, slug: 'Luoyang' })[0]).toMatch(/^slug: a slug is lowercase/);
  });
  it('bounds every shown field, counting characters as a reader does (an astral character is one)', () => {
    expect(messages(schema, { ...valid, title: '标'.repeat(20_000) })).toEqual([
      expect.stringMatching(/^title: 20000 characters, more than the 120 allowed: shorten a title/),
    ]);
    expect(messages(schema, { ...valid, title: '𠀀'.repeat(120) })).toEqual([]);
    expect(messages(schema, { ...valid, body: '局'.repeat(61), author: '人'.repeat(61) }).map((m) => m.split(':')[0])).toEqual(['body', 'author']);
    expect(messages(schema, { ...valid, summary: '句'.repeat(301) })[0]).toMatch(/^summary: 301 characters/);
  });
});

describe('values decoded from YAML escapes', () => {
  const check = (yaml: string) => {
    const source = parseYamlSource(yaml, 2);
    return valueProblems('content/cases/x.mdx', source.data, source.lineOf).map((p) => `${p.line}: ${p.message}`);
  };
  it.each([
    ['\\u202E', 'U+202E RIGHT-TO-LEFT OVERRIDE (bidi)'],
    ['\\e', 'U+001B ESC (terminal escape)'],
    ['\\0', 'U+0000 NUL'],
    ['\\x85', 'U+0085 control character'],
    ['\\L', 'U+2028 LINE SEPARATOR'],
    ['\\uFEFF', 'U+FEFF BYTE ORDER MARK'],
    ['\\u200B', 'U+200B ZERO WIDTH SPACE'],
    ['\\uD800', 'U+D800 lone surrogate'],
    ['\\U000E0041', 'U+E0041 invisible formatting character'],
  ])('refuses "%s" in a double-quoted value, at its line, naming the field', (escape, what) => {
    expect(check(`date: 2023\ntitle: "标题${escape}"\nfigures:\n  - label: "a${escape}"`)).toEqual([
      expect.stringContaining(`3: title: the value contains ${what}`),
      expect.stringContaining(`5: figures.0.label: the value contains ${what}`),
    ]);
  });
  it('leaves clean values alone and skips lines already reported as raw characters', () => {
    expect(check('title: "标题"\nsummary: 摘要')).toEqual([]);
    const source = parseYamlSource('title: "\\u202E"', 2);
    expect(valueProblems('x', source.data, source.lineOf, new Set([2]))).toEqual([]);
  });
});
