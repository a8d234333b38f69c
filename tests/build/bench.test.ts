// The benchmark's corpus generator (pure) and a smoke run of `npm run bench` on a tiny corpus.
// Numbers are not asserted: only that the script runs and prints one JSON line of the documented shape.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateCorpus, rng, sentencePool } from '../../scripts/bench/corpus.ts';
import { parseThrottle, THROTTLE } from '../../scripts/bench/throttled.ts';
import { checkFigures } from '../../src/lib/model/figures.ts';
import { readMeasures } from '../../src/lib/content/contentFiles.ts';
import { measureTerms } from '../../src/lib/model/tagging.ts';
import { paragraphs } from '../../src/lib/text/bodyText.ts';
import { readFrontMatter } from '../../src/lib/content/frontMatter.ts';
import { readCaseFiles, type CaseData } from '../helpers/content.ts';
import { projectRoot, runNode } from '../helpers/tempSite.ts';

const bodies = readCaseFiles().map((c) => c.body);
const measures = readMeasures(projectRoot).map((m) => ({ id: m.id, terms: measureTerms(m) }));
const input = {
  bodies,
  measures,
  regions: [
    { code: '410106', name: '上街区' },
    { code: '410300', name: '洛阳市' },
  ],
  seedFiles: ['seeds/a.txt'],
};
const split = (text: string) => readFrontMatter<CaseData>(text);

describe('bench corpus', () => {
  it('is deterministic for a seed', () => {
    expect(generateCorpus(input, { cases: 5, seed: 7 })).toEqual(generateCorpus(input, { cases: 5, seed: 7 }));
    expect(rng(1)()).not.toBe(rng(2)());
  });

  it('pools sentences and headings without MDX escapes', () => {
    const { sentences, headings } = sentencePool(bodies);
    expect(sentences.length).toBeGreaterThan(100);
    expect(headings.length).toBeGreaterThan(5);
    expect(sentences.some((s) => /[\\{}<>]/.test(s))).toBe(false);
  });

  it('writes N valid cases whose figures pass the quote check, and their sources', () => {
    const files = generateCorpus(input, { cases: 40, seed: 3, casesPerSource: 4 });
    const cases = files.filter((f) => f.path.startsWith('content/cases/'));
    const sources = files.filter((f) => f.path.startsWith('content/sources/'));
    expect(cases).toHaveLength(40);
    expect(sources).toHaveLength(40 / 4);
    const measureIds = new Set(measures.map((m) => m.id));
    let figureCount = 0;
    for (const f of cases) {
      const { data, body } = split(f.text);
      expect(['410106', '410300']).toContain(data.region);
      expect(data.date).toMatch(/^\d{4}(-\d\d(-\d\d)?)?$/);
      expect(data.summary.length).toBeGreaterThanOrEqual(10);
      expect(data.summary.length).toBeLessThanOrEqual(300);
      expect(data.measures.length).toBeGreaterThan(0);
      for (const m of data.measures) expect(measureIds.has(m)).toBe(true);
      expect(sources.map((s) => s.path)).toContain(`content/sources/${data.source}.yaml`);
      expect(checkFigures(paragraphs(body), data.figures ?? [], data.measures)).toEqual([]);
      figureCount += data.figures?.length ?? 0;
    }
    expect(figureCount).toBeGreaterThan(40);
  });
});

describe('bench throttle', () => {
  it('reads kbit/latency/cpu; anything else is refused', () => {
    expect(parseThrottle('400/400/4')).toEqual(THROTTLE);
    expect(parseThrottle('20000/10/1')).toMatchObject({
      kbitPerSecond: 20000,
      latencyMs: 10,
      cpuSlowdown: 1,
      width: 390,
    });
    for (const bad of ['', '400/400', '400/400/4/1', 'a/b/c', '0/400/4', '-1/400/4'])
      expect(parseThrottle(bad), bad).toBeUndefined();
  });
});

describe('npm run bench (smoke)', () => {
  it('prints one JSON line with every field (and the site it built pages its case list)', async () => {
    const run = await runNode(
      'node_modules/tsx/dist/cli.mjs',
      // A quick connection: the numbers are not asserted, only that every measure runs.
      ['scripts/bench.ts', '--cases', '30', '--keep', '--queries', '县管校聘', '--throttle', '20000/10/1'],
      { cwd: projectRoot, timeoutMs: 170_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const r = JSON.parse(lines[0]!);
    expect(r.cases).toBe(30);
    expect(typeof r.commit).toBe('string');
    for (const step of [r.astro, r.pagefind]) {
      expect(step.seconds).toBeGreaterThan(0);
      expect(step.peakRssMB).toBeGreaterThan(0);
    }
    expect(r.pagefind.pages).toBeGreaterThan(30);
    expect(r.dist.bytes).toBeGreaterThan(r.index.bytes);
    expect(r.index.bytes).toBeGreaterThan(0);
    expect(r.casePage.htmlTransferBytes).toBeGreaterThan(0);
    expect(r.casePage.htmlTransferBytes).toBeLessThan(r.casePage.htmlBytes);
    expect(r.search.map((q: { query: string }) => q.query)).toEqual(['县管校聘']);
    expect(r.throttle).toMatchObject({ kbitPerSecond: 20000, latencyMs: 10, cpuSlowdown: 1, width: 390 });
    for (const q of r.search) {
      // The first result on a throttled phone connection: the site's three ways in and the peer's two.
      for (const t of [
        q.throttled.site.cold,
        q.throttled.site.loaded,
        q.throttled.site.dialog,
        q.throttled.plain.cold,
        q.throttled.plain.loaded,
      ]) {
        expect(t.ms).toBeGreaterThan(0);
        expect(t.bytes).toBeGreaterThan(0);
      }
      expect(q.ui.page.all.bytes).toBeGreaterThanOrEqual(q.ui.page.bytes);
      expect(q.results).toBeGreaterThan(0);
      for (const t of [q.first, q.repeat]) {
        expect(typeof t.ms).toBe('number');
        expect(typeof t.bytes).toBe('number');
        expect(Number.isInteger(t.requests)).toBe(true);
      }
      expect(q.first.bytes).toBeGreaterThan(0);
    }
    // 30 cases at 24 a page: /cases/ and /cases/page/2/, linked both ways.
    expect(typeof r.dir).toBe('string');
    try {
      const first = readFileSync(join(r.dir, 'dist/cases/index.html'), 'utf8');
      const second = readFileSync(join(r.dir, 'dist/cases/page/2/index.html'), 'utf8');
      expect(first).toContain('href="/cases/page/2/" rel="next"');
      expect(second).toContain('href="/cases/" rel="prev"');
      expect(existsSync(join(r.dir, 'dist/cases/page/3/index.html'))).toBe(false);
    } finally {
      rmSync(r.dir, { recursive: true, force: true });
    }
  }, 180_000);
});
