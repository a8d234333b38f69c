// Tag precision/recall and figure recall on hand-written bulletins of other provinces
// (tests/fixtures/tagging/expected.yaml): the targets of issue 9 hold on texts the seeds never saw.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  precisionRecall,
  scoreFigures,
  scoreTags,
  type FigureExpectation,
} from '../../../../src/lib/ingest/run/quality.ts';
import { root, run } from '../context.ts';

const dir = join(root, 'tests/fixtures/tagging');
const expected = parse(readFileSync(join(dir, 'expected.yaml'), 'utf8')) as {
  file: string;
  measures: string[];
  figures: FigureExpectation[];
}[];

describe('quality on bulletins of other provinces', () => {
  const results = expected.map((e) => {
    const r = run(readFileSync(join(dir, e.file)), { fileName: e.file });
    const c = r.report.cases[0];
    return {
      e,
      ok: r.ok,
      tags: scoreTags(c?.measures.filter((m) => m.proposed).map((m) => m.id) ?? [], e.measures),
      figures: scoreFigures(c?.figures ?? [], e.figures),
    };
  });

  it('ingests every fixture as one case', () => {
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.ok, r.e.file).toBe(true);
  });

  it('tags with precision and recall of at least 0.8', () => {
    const { precision, recall } = precisionRecall(results.map((r) => r.tags));
    expect(precision).toBeGreaterThanOrEqual(0.8);
    expect(recall).toBeGreaterThanOrEqual(0.8);
  });

  it('finds at least 80% of the key figures, with the expected label, kind and period for most', () => {
    const sum = (f: (s: (typeof results)[number]['figures']) => number) =>
      results.reduce((n, r) => n + f(r.figures), 0);
    const found = sum((s) => s.found);
    expect(found / sum((s) => s.expected)).toBeGreaterThanOrEqual(0.8);
    expect(sum((s) => s.labelOk) / found).toBeGreaterThanOrEqual(0.8);
    expect(sum((s) => s.kindOk) / found).toBeGreaterThanOrEqual(0.75);
    expect(sum((s) => s.periodOk) / found).toBeGreaterThanOrEqual(0.8);
  });

  it('scores against the expectations, not against themselves', () => {
    expect(scoreTags(['a', 'b'], ['b', 'c'])).toEqual({
      tp: 1,
      proposed: 2,
      expected: 2,
      missing: ['c'],
      extra: ['a'],
    });
    expect(
      scoreFigures(
        [{ label: '新增学位', value: 2, unit: '万个', kind: 'result' }],
        [{ label: '新增学位', value: 2, unit: '万个', kind: 'target', period: { to: 2026 } }],
      ),
    ).toMatchObject({ found: 1, labelOk: 1, kindOk: 0, periodOk: 0 });
  });
});
