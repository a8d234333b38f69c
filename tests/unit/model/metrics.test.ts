import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMeasures } from '../../../src/lib/content/contentFiles.ts';
import { loadMetrics, METRICS_PATH } from '../../../src/lib/content/loadMetrics.ts';
import {
  checkMetric,
  figureBase,
  findMetric,
  GENERAL,
  guessMetric,
  parseMetrics,
} from '../../../src/lib/model/metrics.ts';

const VOCAB = `general:
  - id: education-spending
    name: 教育经费投入
    unit: 元
    terms: [教育经费, 教育支出]
school-places:
  - id: new-places
    name: 新增学位数
    unit: 个
    terms: [学位]
  - id: schools-built
    name: 新建、改扩建学校数
    unit: 所
    units: [个]
    terms: [新建, 改扩建, 学校]
  - id: investment
    name: 投入资金
    unit: 元
    terms: [投入, 投资]
group-schooling:
  - id: groups
    name: 教育集团数
    unit: 个
    terms: [集团]
  - id: coverage
    name: 覆盖率
    unit: "%"
    terms: [覆盖率, 占比]
`;
const measureIds = ['school-places', 'group-schooling'];
const { metrics, problems } = parseMetrics(VOCAB, measureIds);

describe('metric vocabulary', () => {
  it('parses measures, base units, synonyms and terms', () => {
    expect(problems).toEqual([]);
    expect(findMetric(metrics, 'school-places', 'schools-built')).toMatchObject({ unit: '所', units: ['个'] });
    expect(findMetric(metrics, undefined, 'education-spending')?.measure).toBe(GENERAL);
    expect(findMetric(metrics, 'group-schooling', 'new-places')).toBeUndefined();
  });
  it('rejects bad vocabularies with the line to fix', () => {
    const bad = parseMetrics(
      'school-places:\n  - id: a\n    name: A\n    unit: 万个\nnope:\n  - id: b\n    name: B\n    unit: 个\n',
      measureIds,
    );
    expect(bad.problems).toEqual([
      { line: 2, message: 'school-places.a: unit “万个” is not a base unit (write 个, without 万/亿)' },
      { line: 5, message: 'unknown measure “nope” (keys of measures.yaml, or “general”)' },
    ]);
    const dup = parseMetrics(
      'school-places:\n  - id: a\n    name: A\n    unit: 个\n  - id: a\n    name: B\n    unit: 个\n    colour: red\n',
      measureIds,
    );
    expect(dup.problems.map((p) => p.message)).toEqual(['school-places.a: duplicate metric id in this measure']);
    expect(
      parseMetrics('school-places:\n  - id: b\n    name: B\n    unit: 个\n    colour: red\n', measureIds).problems[0],
    ).toEqual({ line: 2, message: 'school-places.b: unknown field(s) colour' });
    expect(parseMetrics('school-places: [unclosed', measureIds).problems[0]!.message).toContain('not valid YAML');
    expect(parseMetrics('- a\n- b\n', measureIds).problems[0]!.message).toContain('expected a map');
  });
  it('the repository vocabulary is valid against measures.yaml and every measure key exists', () => {
    const ids = readMeasures().map((m) => m.id);
    const loaded = loadMetrics(ids);
    expect(loaded.length).toBeGreaterThan(0);
    const text = readFileSync(METRICS_PATH, 'utf8');
    expect(parseMetrics(text, ids).problems).toEqual([]);
  });
});

describe('checkMetric', () => {
  it('accepts a metric of the figure’s measure whose unit converts', () => {
    expect(checkMetric({ measure: 'school-places', metric: 'new-places', unit: '万个' }, metrics)).toBeUndefined();
    expect(checkMetric({ measure: 'school-places', metric: 'schools-built', unit: '个' }, metrics)).toBeUndefined();
    expect(checkMetric({ metric: 'education-spending', unit: '亿元' }, metrics)).toBeUndefined();
    expect(checkMetric({ measure: 'school-places', metric: 'investment', unit: '亿' }, metrics)).toBeUndefined();
    expect(checkMetric({ measure: 'school-places', unit: '个' }, metrics)).toBeUndefined();
  });
  it('rejects a metric of another measure, naming where it belongs', () => {
    expect(checkMetric({ measure: 'group-schooling', metric: 'new-places', unit: '个' }, metrics)).toBe(
      'metric “new-places” belongs to school-places, not to group-schooling; metrics of group-schooling: groups, coverage, education-spending',
    );
    expect(checkMetric({ metric: 'groups', unit: '个' }, metrics)).toContain('not to general (no measure)');
    expect(checkMetric({ measure: 'school-places', metric: 'nope', unit: '个' }, metrics)).toContain(
      'unknown metric “nope”',
    );
  });
  it('rejects a unit that does not convert to the metric’s base unit', () => {
    expect(checkMetric({ measure: 'school-places', metric: 'new-places', unit: '所' }, metrics)).toBe(
      "unit “所” does not convert to 新增学位数's base unit “个”",
    );
    expect(checkMetric({ measure: 'group-schooling', metric: 'coverage', unit: '个百分点' }, metrics)).toContain(
      'does not convert',
    );
  });
});

describe('figureBase', () => {
  it('gives the value in the metric’s base unit', () => {
    expect(figureBase(31.92, '万个', findMetric(metrics, 'school-places', 'new-places'))).toEqual({
      value: 319200,
      unit: '个',
    });
    expect(figureBase(18, '个', findMetric(metrics, 'school-places', 'schools-built'))).toEqual({
      value: 18,
      unit: '所',
    });
    expect(figureBase(14.81, '亿', findMetric(metrics, 'school-places', 'investment'))).toEqual({
      value: 1481000000,
      unit: '元',
    });
    expect(figureBase(5, '所', findMetric(metrics, 'school-places', 'new-places'))).toBeUndefined();
    expect(figureBase(145.56, '亿元')).toEqual({ value: 14556000000, unit: '元' });
  });
});

describe('guessMetric', () => {
  it('proposes the metric whose terms match the label and whose unit fits', () => {
    expect(guessMetric('新增优质学位', '个', 'school-places', metrics)?.metric.id).toBe('new-places');
    expect(guessMetric('计划新增学位', '万个', 'school-places', metrics)?.metric.id).toBe('new-places');
    expect(guessMetric('新建、改扩建中小学', '所', 'school-places', metrics)?.metric.id).toBe('schools-built');
    expect(guessMetric('累计投入资金', '亿元', 'school-places', metrics)?.metric.id).toBe('investment');
    expect(guessMetric('义务教育阶段教育集团', '个', 'group-schooling', metrics)?.metric.id).toBe('groups');
    expect(guessMetric('参与学校占比', '%', 'group-schooling', metrics)).toMatchObject({
      metric: { id: 'coverage' },
      matched: ['占比'],
    });
  });
  it('falls back to general metrics, and to none without a match, a fitting unit or a clear winner', () => {
    expect(guessMetric('全市财政性教育支出', '亿元', undefined, metrics)?.metric.id).toBe('education-spending');
    expect(guessMetric('全市财政性教育支出', '亿元', 'school-places', metrics)?.metric.id).toBe('education-spending');
    expect(guessMetric('课后服务课程', '项', 'school-places', metrics)).toBeUndefined();
    expect(guessMetric('新增学位', '所', 'school-places', metrics)).toBeUndefined();
    expect(guessMetric('新增学位', '个', 'group-schooling', metrics)).toBeUndefined();
    expect(guessMetric('学校投入', '元', undefined, metrics)).toBeUndefined();
  });
});
