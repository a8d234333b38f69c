// Broken case files fail the real build with `file:line: message` lines. The cases loader reports
// every problem at once, so each broken variant is its own file in one site copy and the copy is
// built once: a message per variant, in one build. Variants are copies of cases found in
// content/ (whichever have the fields they edit), so the tests do not depend on today's casebook.
// The hostile files (unsafe links, controls, ids) are in hostile-content.test.ts.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
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

describe('content checks at build time (one build of every broken variant)', () => {
  let site: string;
  let build: { status: number | null; output: string };
  beforeAll(async () => {
    site = makeTempSite('casebook-checks-');
    for (const [name, text] of variants) writeFileSync(join(site, CASES, `${name}.mdx`), text);
    build = await buildSite(site);
  }, 240_000);
  afterAll(() => site && removeTempSite(site));
  const lineOf = (pattern: RegExp) => lineIn(original, pattern);

  it('fails, with no stack trace', () => {
    expect(build.status, build.output).not.toBe(0);
    expect(build.output).not.toMatch(/Stack trace|^\s+at .*\.(ts|js|mjs):\d+/m);
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
