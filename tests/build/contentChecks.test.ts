// Broken content must fail the real build with a message naming the file and the problem.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroBuild, makeTempSite, removeTempSite } from '../helpers/tempSite.ts';

const CASE = 'content/cases/luoyang-2022-biaozhunhua.mdx';

/** Copies the site, applies `edit` to one case file, builds, and returns the build's result. */
function buildWith(edit: (text: string) => string) {
  const dir = makeTempSite();
  dirs.push(dir);
  const file = join(dir, CASE);
  writeFileSync(file, edit(readFileSync(file, 'utf8')));
  return astroBuild(dir);
}
const dirs: string[] = [];
afterAll(() => dirs.forEach(removeTempSite));

describe('content checks at build time', () => {
  let original: string;
  const lineOf = (pattern: RegExp) => original.split('\n').findIndex((l) => pattern.test(l)) + 1;
  beforeAll(() => {
    original = readFileSync(CASE, 'utf8');
    expect(original).toContain('measures: [county-managed-teachers');
  });

  it.concurrent('fails on an unknown measure key, naming the file, the key and the valid keys', () => {
    const { status, output } = buildWith((t) => t.replace('measures: [county-managed-teachers', 'measures: [county-managed-teacher'));
    expect(status).not.toBe(0);
    expect(output).toContain(`${CASE}:${lineOf(/^measures:/)}: measures.0: unknown measure “county-managed-teacher”`);
    expect(output).toContain('valid measure keys: group-schooling');
  });

  it.concurrent('fails when a figure quote is not in the case text, naming file and line', () => {
    const { status, output } = buildWith((t) => t.replace('quote: 共调整教师编制3203个', 'quote: 共调整教师编制3204个'));
    expect(status).not.toBe(0);
    expect(output).toContain(`${CASE}:${lineOf(/quote: 共调整教师编制3203个/)}`);
    expect(output).toContain('quote “共调整教师编制3204个” is not in the case text');
  });

  it.concurrent('fails on a malformed date, naming the file and the bad value', () => {
    const { status, output } = buildWith((t) => t.replace(/^date: .*$/m, 'date: "2022-13-40"'));
    expect(status).not.toBe(0);
    expect(output).toContain(`${CASE}:${lineOf(/^date:/)}: date: “2022-13-40” has no month 13`);
  });

  it.concurrent('fails on raw HTML in a case text, naming file and line', () => {
    const body = (t: string) => t.indexOf('\n---', 4);
    const { status, output } = buildWith((t) => t.slice(0, body(t)) + t.slice(body(t)).replace('共调整教师编制3203个', '共调整教师编制3203个<script>alert(1)</script>'));
    expect(status).not.toBe(0);
    const line = original.split('\n').findIndex((l, i) => i > 3 && !l.includes('quote:') && l.includes('共调整教师编制3203个')) + 1;
    expect(output).toContain(`${CASE}:${line}: raw markup in the text`);
  });

  it.concurrent('fails on an unknown region name in regions.yaml, naming the line', () => {
    const dir = makeTempSite();
    dirs.push(dir);
    const regions = join(dir, 'content/regions.yaml');
    writeFileSync(regions, readFileSync(regions, 'utf8') + '- 河南省 郑州市 上界区\n');
    const { status, output } = astroBuild(dir);
    expect(status).not.toBe(0);
    expect(output).toMatch(/content\/regions\.yaml:\d+: no county\/district “上界区” in 郑州市/);
  });
});
