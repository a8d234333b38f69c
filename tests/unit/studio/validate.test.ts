import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zhCNStudio } from '../../../src/i18n/zh-CN.ts';
import { readMeasures } from '../../../src/lib/content/contentFiles.ts';
import { loadMetrics } from '../../../src/lib/content/loadMetrics.ts';
import { loadRegions } from '../../../src/lib/content/loadRegions.ts';
import {
  describe as say,
  PROBLEM_KEYS,
  REFUSAL_KEYS,
  refusalText,
  type Translate,
} from '../../../src/lib/studio/messages.ts';
import { ingest } from '../../../src/lib/ingest/run/ingest.ts';
import { loadDivisionDataset } from '../../../src/lib/model/divisionData.ts';
import { caseProblems, sourceProblems, type CheckContext } from '../../../src/lib/studio/validate.ts';
import { projectRoot } from '../../helpers/tempSite.ts';

const formats = join(projectRoot, 'tests/fixtures/ingest/formats');
const draft = readFileSync(join(formats, 'guangdong-year-plan.expected.mdx'), 'utf8');
const source = readFileSync(join(formats, 'guangdong-year-plan.expected.yaml'), 'utf8');
const measureIds = readMeasures(projectRoot).map((m) => m.id);
const ctx: CheckContext = {
  measureIds,
  // The draft's region is one the save adds to regions.yaml.
  regionIds: [...loadRegions(projectRoot).map((r) => r.id), '440304'],
  metrics: loadMetrics(measureIds, projectRoot),
  sourceExists: (key) => key === '2025-02-14-shenzhen-futian',
};
const strings = zhCNStudio as Record<string, string>;
const tr: Translate = (key, params = {}) =>
  (strings[`studio.problem.${key}`] ?? `MISSING ${key}`).replace(/\{(\w+)\}/g, (_, n: string) => String(params[n]));
const problemsOf = (text: string) => caseProblems(text, ctx).map((p) => say(p, tr));
const edit = (text: string) => problemsOf(text.replace('value: 1260', 'value: 1261'));

describe("the studio's checks are the build's", () => {
  it('find nothing in an ingest draft the build accepts', () => {
    expect(caseProblems(draft, ctx)).toEqual([]);
    expect(sourceProblems(source, ctx)).toEqual([]);
  });

  const broken: [what: string, edit: (text: string) => string, field: string, words: RegExp][] = [
    ['a short title', (t) => t.replace(/^title: .*$/m, 'title: 要点'), 'title', /至少4个字/],
    [
      'a long summary',
      (t) => t.replace(/^summary: .*$/m, `summary: ${'很长的摘要。'.repeat(60)}`),
      'summary',
      /最多300个字/,
    ],
    ['no body', (t) => t.replace(/^body: .*\n/m, ''), 'body', /必填/],
    ['an unknown region', (t) => t.replace(/^region: .*$/m, 'region: "999999"'), 'region', /选择地区/],
    ['a date that does not exist', (t) => t.replace(/^date: .*$/m, 'date: "2025-02-30"'), 'date', /2月没有30日/],
    ['no measure', (t) => t.replace(/^measures: .*$/m, 'measures: []'), 'measures', /至少勾选一项措施/],
    ['a typo in a key', (t) => t.replace(/^figures:/m, 'figuers:'), 'figuers', /未知字段“figuers”/],
    [
      'an unknown source',
      (t) => t.replace(/^source: .*$/m, 'source: no-such-source'),
      'source',
      /来源记录“no-such-source”不存在/,
    ],
    [
      'a quote not in the text',
      (t) => t.replace('quote: 新增普惠性幼儿园学位1260个', 'quote: 新增幼儿园学位1260个'),
      'figures.0.quote',
      /摘录不在案例正文中/,
    ],
    [
      'a value not in its quote',
      (t) => t.replace('value: 1260', 'value: 1261'),
      'figures.0.value',
      /数值1261不在摘录中/,
    ],
    [
      'a unit the quote does not state',
      (t) => t.replace(/(value: 1260\n\s+unit: )个/, '$1所'),
      'figures.0.unit',
      /请改单位/,
    ],
    [
      'a period the text does not state',
      (t) => t.replace(/(quote: 新增普惠性幼儿园学位1260个)/, '$1\n    period:\n      to: 2019'),
      'figures.0.period',
      /期间的年份不在/,
    ],
    [
      'a figure of a measure the case dropped',
      (t) => t.replace(/^measures: \[teacher-rotation, group-schooling, /m, 'measures: ['),
      'figures.1.measure',
      /所属措施不是本案例的措施/,
    ],
    [
      'a target without its year',
      (t) => t.replace(/kind: target\n\s+period:\n\s+to: 2025\n/, 'kind: target\n'),
      'figures.4.period',
      /须填截止年/,
    ],
    ['an invisible character', (t) => t.replace('title: 深圳', 'title: 深\u202e圳'), 'title', /不可见字符/],
    ['markup in the text', (t) => `${t}\n<script>alert(1)</script>\n`, 'body', /未转义/],
  ];
  for (const [what, edit, field, words] of broken) {
    it(`report ${what} next to its field, in Chinese`, () => {
      const found = problemsOf(edit(draft));
      expect(found.map((p) => p.field)).toContain(field);
      expect(found.find((p) => p.field === field)?.text).toMatch(words);
      expect(found.every((p) => !p.text.startsWith('MISSING') && /[\u4e00-\u9fff]/.test(p.text))).toBe(true);
    });
  }

  it('report the figures the build would refuse next together with a field it refuses now', () => {
    const both = edit(draft.replace(/^title: .*$/m, 'title: 要点'));
    expect(both.map((p) => p.field)).toEqual(expect.arrayContaining(['title', 'figures.0.value']));
  });

  it('check a source record with the same schema as the build', () => {
    const found = sourceProblems(source.replace(/^kind: .*$/m, 'kind: 公众号').replace(/^title: .*\n/m, ''), ctx).map(
      (p) => say(p, tr),
    );
    expect(found).toEqual(
      expect.arrayContaining([
        { field: 'kind', text: expect.stringMatching(/简报、报纸、网页或文章/) },
        { field: 'title', text: expect.stringMatching(/必填/) },
      ]),
    );
  });

  it('say every message it knows with a string of the dictionary', () => {
    for (const key of PROBLEM_KEYS) expect(strings[`studio.problem.${key}`], key).toBeTruthy();
    for (const key of REFUSAL_KEYS) expect(strings[`studio.refusal.${key}`], key).toBeTruthy();
  });

  it("say ingest's refusals in Chinese, and pass the readers' own (already Chinese) as they are", async () => {
    const refusal = (key: string) => strings[`studio.refusal.${key}`]!;
    const options = {
      fileName: 'x.txt',
      seedFile: 'seeds/x.txt',
      measures: readMeasures(projectRoot),
      regions: loadRegions(projectRoot),
      divisions: loadDivisionDataset(),
    };
    const reason = async (text: string) => (await ingest(text, options)).report.reason ?? '';
    const sayIt = (r: string) => refusalText(r, (key) => refusal(key));
    expect(sayIt(await reason(''))).toBe(refusal('empty'));
    expect(sayIt(await reason('short text only'))).toBe(refusal('littleChinese'));
    expect(sayIt(await reason('今天天气很好，我们一起去公园散步，看见湖水清澈，树木葱茏。'.repeat(8)))).toMatch(
      /不像一个案例|没有印出日期/,
    );
    expect(sayIt('扫描件：PDF 没有文字层')).toBe('扫描件：PDF 没有文字层');
  });
});
