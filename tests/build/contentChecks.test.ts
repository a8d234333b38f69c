// Broken content must fail the real build with a message naming the file and the problem.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCaseFiles, readMeasures } from '../helpers/content.ts';
import { buildSite, makeTempSite, removeTempSite } from '../helpers/tempSite.ts';

// Any case with an inline measure list and a figure whose quote is written plainly will do.
const target = readCaseFiles().flatMap((c) => {
  const text = readFileSync(`content/cases/${c.slug}.mdx`, 'utf8');
  const figure = (c.data.figures ?? []).find((f) => text.includes(`quote: ${f.quote}\n`) && c.body.includes(f.quote));
  const measure = c.data.measures[0];
  return figure && measure && text.includes(`measures: [${measure}`)
    ? [{ slug: c.slug, quote: figure.quote, measure }]
    : [];
})[0];
if (!target) throw new Error('no case in content/cases has an inline measure list and a plain figure quote');
const CASE = `content/cases/${target.slug}.mdx`;
const QUOTE = target.quote;
const MEASURE = target.measure;
const UNKNOWN = `${MEASURE}-unknown`;
const BROKEN_QUOTE = `${QUOTE}〓`;

/** Copies the site, applies `edit` to one case file, builds, and returns the build's result. */
async function buildWith(edit: (text: string) => string) {
  const dir = makeTempSite();
  dirs.push(dir);
  const file = join(dir, CASE);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return await buildSite(dir);
}
const dirs: string[] = [];
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
afterAll(() => dirs.forEach(removeTempSite));

describe('content checks at build time', () => {
  let original: string;
  const lineOf = (pattern: RegExp) => original.split('\n').findIndex((l) => pattern.test(l)) + 1;
  beforeAll(() => {
    original = readFileSync(CASE, 'utf8');
    expect(original).toContain(`measures: [${MEASURE}`);
  });

  it('fails on an unknown measure key, naming the file, the key and the valid keys', async () => {
    const { status, output } = await buildWith((t) => t.replace(`measures: [${MEASURE}`, `measures: [${UNKNOWN}`));
    expect(status).not.toBe(0);
    expect(output).toContain(`${CASE}:${lineOf(/^measures:/)}: measures.0: unknown measure “${UNKNOWN}”`);
    expect(output).toContain(`valid measure keys: ${readMeasures()[0]!.id}`);
  });

  it('fails when a figure quote is not in the case text, naming file and line', async () => {
    const { status, output } = await buildWith((t) => t.replace(`quote: ${QUOTE}\n`, `quote: ${BROKEN_QUOTE}\n`));
    expect(status).not.toBe(0);
    expect(output).toContain(`${CASE}:${lineOf(new RegExp(`quote: ${escapeRegExp(QUOTE)}$`))}`);
    expect(output).toContain(`quote “${BROKEN_QUOTE}” is not in the case text`);
  });

  it('fails on a malformed date, naming the file and the bad value', async () => {
    const { status, output } = await buildWith((t) => t.replace(/^date: .*$/m, 'date: "2022-13-40"'));
    expect(status).not.toBe(0);
    expect(output).toContain(`${CASE}:${lineOf(/^date:/)}: date: “2022-13-40” has no month 13`);
  });

  it('fails on raw HTML in a case text, naming file and line', async () => {
    const body = (t: string) => t.indexOf('\n---', 4);
    const { status, output } = await buildWith(
      (t) => t.slice(0, body(t)) + t.slice(body(t)).replace(QUOTE, `${QUOTE}<script>alert(1)</script>`),
    );
    expect(status).not.toBe(0);
    const start = original.split('\n').indexOf('---', 1);
    const line = original.split('\n').findIndex((l, i) => i > start && l.includes(QUOTE)) + 1;
    expect(output).toContain(`${CASE}:${line}: raw markup in the text`);
  });

  it('fails on an unknown region name in regions.yaml, naming the line', async () => {
    const dir = makeTempSite();
    dirs.push(dir);
    const regions = join(dir, 'content/regions.yaml');
    writeFileSync(regions, readFileSync(regions, 'utf8') + '- 河南省 郑州市 上界区\n');
    const { status, output } = await buildSite(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/regions\.yaml:\d+: no county\/district “上界区” in 郑州市/);
  });
});
