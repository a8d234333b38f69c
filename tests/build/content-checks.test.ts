// Broken case files fail the real build with `file:line: message` lines. The cases loader reports
// every problem at once, so each broken variant is its own file in one site copy and the copy is
// built once: a message per variant, in one build. Variants are copies of cases found in
// content/ (whichever have the fields they edit), so the tests do not depend on today's casebook.
// Hostile files (unsafe links, controls, escapes, ids, unexpected files) are in the same build.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readCaseFiles, readMeasures } from '../helpers/content.ts';
import { buildSite, makeTempSite, removeTempSite } from '../helpers/tempSite.ts';
import { loadMetrics } from '../../src/lib/content/loadMetrics.ts';

const CASES = 'content/cases';
const variants = new Map<string, string>();
/** Adds a broken copy of a case as content/cases/<name>.mdx and returns its path. */
const variant = (name: string, text: string) => {
  variants.set(name, text);
  return `${CASES}/${name}.mdx`;
};
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const lineIn = (text: string, pattern: RegExp) => text.split('\n').findIndex((l) => pattern.test(l)) + 1;

// Any case with an inline measure list and a figure whose quote is written plainly will do.
const target = readCaseFiles().flatMap((c) => {
  const text = readFileSync(`${CASES}/${c.slug}.mdx`, 'utf8');
  const figure = (c.data.figures ?? []).find((f) => text.includes(`quote: ${f.quote}\n`) && c.body.includes(f.quote));
  const measure = c.data.measures[0];
  return figure && measure && text.includes(`measures: [${measure}`) ? [{ text, quote: figure.quote, measure }] : [];
})[0];
if (!target) throw new Error('no case in content/cases has an inline measure list and a plain figure quote');
const { text: original, quote: QUOTE, measure: MEASURE } = target;
const UNKNOWN = `${MEASURE}-unknown`;
const BROKEN_QUOTE = `${QUOTE}〓`;
const bodyStart = original.indexOf('\n---', 4);

const unknownMeasure = variant('check-measure', original.replace(`measures: [${MEASURE}`, `measures: [${UNKNOWN}`));
const brokenQuote = variant('check-quote', original.replace(`quote: ${QUOTE}\n`, `quote: ${BROKEN_QUOTE}\n`));
const badDate = variant('check-date', original.replace(/^date: .*$/m, 'date: "2022-13-40"'));
const rawHtml = variant(
  'check-markup',
  original.slice(0, bodyStart) + original.slice(bodyStart).replace(QUOTE, `${QUOTE}<script>alert(1)</script>`),
);

interface FrontFigure {
  label: string;
  measure?: string;
  metric?: string;
  kind: string;
  period?: { to?: number };
  unit: string;
}

/** Cases as they are in content/ today, with the line of each figure's fields. */
const figureCases = readdirSync(CASES)
  .sort()
  .map((name) => {
    const text = readFileSync(`${CASES}/${name}`, 'utf8');
    const figures = (parse(text.split(/^---$/m)[1]!) as { figures?: FrontFigure[] }).figures ?? [];
    const lines = text.split('\n');
    const starts = lines.flatMap((l, i) => (/^ {2}- label:/.test(l) ? [i] : []));
    const lineOf = (index: number, field: string) => {
      const from = starts[index]!;
      const to = starts[index + 1] ?? lines.findIndex((l, i) => i > from && l === '---');
      const at = lines.slice(from, to).findIndex((l) => new RegExp(`^\\s*(- )?${field}:`).test(l));
      return at < 0 ? undefined : from + at + 1;
    };
    const edit = (name: string, change: (lines: string[]) => string[]) => variant(name, change(lines).join('\n'));
    return { text, figures, lineOf, edit };
  });

/** A target without its due year: the period line removed. */
function targetWithoutDueYear() {
  const c = figureCases.find((x) => x.figures.some((f) => f.kind === 'target' && f.period?.to !== undefined));
  if (!c) return undefined;
  const i = c.figures.findIndex((f) => f.kind === 'target' && f.period?.to !== undefined);
  const periodLine = c.lineOf(i, 'period')!;
  const file = c.edit('figure-due-year', (lines) => lines.filter((_, n) => n !== periodLine - 1));
  // Without the period line, the figure's own line is the place to fix.
  return `${file}:${c.lineOf(i, 'label')}: figures.${i}.period: a target needs its due year`;
}

/** A figure's metric replaced by a metric of another measure. */
function foreignMetric() {
  const metrics = loadMetrics(readMeasures().map((m) => m.id));
  const c = figureCases.find((x) => x.figures.some((f) => f.measure && f.metric));
  if (!c) return undefined;
  const i = c.figures.findIndex((f) => f.measure && f.metric);
  const f = c.figures[i]!;
  const foreign = metrics.find(
    (m) =>
      m.measure !== f.measure &&
      m.measure !== 'general' &&
      !metrics.some((n) => n.measure === f.measure && n.id === m.id),
  );
  if (!foreign) return undefined;
  const line = c.lineOf(i, 'metric')!;
  const file = c.edit('figure-metric', (lines) =>
    lines.map((l, n) => (n === line - 1 ? `    metric: ${foreign.id}` : l)),
  );
  return `${file}:${line}: figures.${i}.metric: metric “${foreign.id}” belongs to ${foreign.measure}, not to ${f.measure}`;
}

/** The retired `year:` key under a figure's label. */
function retiredYear() {
  const c = figureCases.find((x) => x.figures.length > 0)!;
  const labelLine = c.lineOf(0, 'label')!;
  const file = c.edit('figure-year', (lines) =>
    lines.flatMap((l, n) => (n === labelLine - 1 ? [l, '    year: 2023'] : [l])),
  );
  return `${file}:${labelLine + 1}: figures.0.year: unknown key “year”`;
}

const figureExpectations = {
  dueYear: targetWithoutDueYear(),
  foreignMetric: foreignMetric(),
  retiredYear: retiredYear(),
};

const caseFiles = readdirSync(CASES)
  .filter((f) => f.endsWith('.mdx'))
  .sort();
const templateCase = readFileSync(join(CASES, caseFiles[0]!), 'utf8');
/** Inserts `line` after the front matter's first line (`---`). */
const withField = (text: string, line: string) => text.replace(/^---\n/, `---\n${line}\n`);

// Hostile and careless case files (they were a build of their own in hostile-content.test.ts):
// each group writes its files into the site copy and the lines the build must print.
type Writer = {
  write: (name: string, text: string) => void;
  at: (name: string, text: string, pattern: RegExp, message: string) => void;
  expected: string[];
  dir: string;
};

/** Unsafe link targets in every Markdown shape. */
function hostileLinks({ write, at }: Writer): void {
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
  at('hostile-links.mdx', linkCase, /alert\(1\)/, 'unsafe link target “javascript:alert(1)”: the scheme “javascript:”');
  at('hostile-links.mdx', linkCase, /alert\(2\)/, 'unsafe link target “javascript:alert(2)”');
  at('hostile-links.mdx', linkCase, /alert\(3\)/, 'unsafe reference definition target “javascript:alert(3)”');
  at('hostile-links.mdx', linkCase, /^\[分行$/, 'unsafe link target “vbscript:msgbox”');
  at('hostile-links.mdx', linkCase, /alert\(4\)/, 'unsafe link target “javascript:alert(4)”');
  at('hostile-links.mdx', linkCase, /alert\(5\)/, 'unsafe link target “javascript:alert(5)”');
  at('hostile-links.mdx', linkCase, /data:image/, 'unsafe image target “data:image/png;base64,iVBORw0KGgo=”');
  at('hostile-links.mdx', linkCase, /alert\(6\)/, 'raw HTML is not allowed in content');
}

/** Controls, bidi and escapes, a title of 20,000 characters, off-site images, parser stalls. */
function hostileCharacters({ write, at }: Writer): void {
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
}

/** Dates, key typos, numbers out of range. */
function hostileValues({ write, at }: Writer): void {
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
}

/** Ids that collide (returns the two places of the duplicated id) and files that do not belong. */
function hostileIds({ write, expected, dir }: Writer): [string, string] {
  const templateId = caseFiles[0]!.replace(/\.mdx$/, '');
  const dup = withField(templateCase, `slug: ${templateId}`);
  write('hostile-dup.mdx', dup);
  const slugLine = lineIn(dup, /^slug:/);
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
  return collision as [string, string];
}

function writeHostileCases(dir: string): { expected: string[]; collision: [string, string] } {
  const expected: string[] = [];
  const w: Writer = {
    dir,
    expected,
    write: (name, text) => writeFileSync(join(dir, CASES, name), text),
    at: (name, text, pattern, message) => expected.push(`${CASES}/${name}:${lineIn(text, pattern)}: ${message}`),
  };
  hostileLinks(w);
  hostileCharacters(w);
  hostileValues(w);
  return { expected, collision: hostileIds(w) };
}

describe('content checks at build time (one build of every broken variant)', () => {
  let site: string;
  let build: { status: number | null; output: string };
  let hostile: ReturnType<typeof writeHostileCases>;
  beforeAll(async () => {
    site = makeTempSite('casebook-checks-');
    for (const [name, text] of variants) writeFileSync(join(site, CASES, `${name}.mdx`), text);
    hostile = writeHostileCases(site);
    build = await buildSite(site);
  }, 240_000);
  afterAll(() => site && removeTempSite(site));
  const lineOf = (pattern: RegExp) => lineIn(original, pattern);

  it('fails, with no stack trace', () => {
    expect(build.status, build.output).not.toBe(0);
    expect(build.output).not.toMatch(/Stack trace|^\s+at .*\.(ts|js|mjs):\d+/m);
  });

  it('hostile case files: unsafe links, controls, dates, unknown keys, numbers, ids, unexpected files', () => {
    for (const line of hostile.expected) expect(build.output).toContain(line);
    // Whichever file is read first keeps the id; the message names both, with lines.
    const [a, b] = hostile.collision;
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

  it('fails on an unknown measure key, naming the file, the key and the valid keys', () => {
    expect(build.output).toContain(
      `${unknownMeasure}:${lineOf(/^measures:/)}: measures.0: unknown measure “${UNKNOWN}”`,
    );
    expect(build.output).toContain(`valid measure keys: ${readMeasures()[0]!.id}`);
  });

  it('fails when a figure quote is not in the case text, naming file and line', () => {
    expect(build.output).toContain(`${brokenQuote}:${lineOf(new RegExp(`quote: ${escapeRegExp(QUOTE)}$`))}`);
    expect(build.output).toContain(`quote “${BROKEN_QUOTE}” is not in the case text`);
  });

  it('fails on a malformed date, naming the file and the bad value', () => {
    expect(build.output).toContain(`${badDate}:${lineOf(/^date:/)}: date: “2022-13-40” has no month 13`);
  });

  it('fails on raw HTML in a case text, naming file and line', () => {
    const start = original.split('\n').indexOf('---', 1);
    const line = original.split('\n').findIndex((l, i) => i > start && l.includes(QUOTE)) + 1;
    expect(build.output).toContain(`${rawHtml}:${line}: raw markup in the text`);
  });

  it('fails on a target without its due year, naming file and line', () => {
    expect(figureExpectations.dueYear, 'content/ has a target with a due year').toBeTruthy();
    expect(build.output).toContain(figureExpectations.dueYear);
  });

  it('fails on a metric of another measure, naming file, line and the right measure', () => {
    expect(figureExpectations.foreignMetric, 'content/ has a figure with measure and metric').toBeTruthy();
    expect(build.output).toContain(figureExpectations.foreignMetric);
  });

  it('fails on the retired year: key (period replaces it), naming file and line', () => {
    expect(build.output).toContain(figureExpectations.retiredYear);
  });
});

describe('content/regions.yaml at build time', () => {
  let site: string;
  afterAll(() => site && removeTempSite(site));

  it('fails on an unknown region name, naming the line', async () => {
    site = makeTempSite('casebook-regions-');
    const regions = join(site, 'content/regions.yaml');
    writeFileSync(regions, readFileSync(regions, 'utf8') + '- 河南省 郑州市 上界区\n');
    const { status, output } = await buildSite(site);
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/regions\.yaml:\d+: no county\/district “上界区” in 郑州市/);
  });
});
