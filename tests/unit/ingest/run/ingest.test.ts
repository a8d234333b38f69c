// ingest(text, options) end to end, without the disk: drafts, source record, report.
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkFigures } from '../../../../src/lib/model/figures.ts';
import { readFrontMatter } from '../../../../src/lib/content/frontMatter.ts';
import { paragraphs } from '../../../../src/lib/text/bodyText.ts';
import { fixture, regions, run, SEEDS, seedText } from '../context.ts';

/** Front matter and body of a generated MDX file, read as the build reads it. */
function split(mdx: string) {
  return readFrontMatter<Record<string, unknown> & { figures: { quote: string; value: number }[]; measures: string[] }>(
    mdx,
  );
}

const ingestSeed = (path: string) => run(seedText(path), { fileName: path, seedFile: path });

describe('a small bulletin (fixture → expected draft)', () => {
  const result = run(fixture('bulletin.txt'), { fileName: 'bulletin.txt', seedFile: 'seeds/bulletin.txt' });

  it('writes the expected case and source files', async () => {
    expect(result.ok).toBe(true);
    expect(result.cases.map((c) => c.path)).toEqual(['cases/zhengzhou-jinshui-2024-05-20.mdx']);
    expect(result.source?.path).toBe('sources/2024-05-20-zhengzhou-jinshui.yaml');
    await expect(result.cases[0]!.text).toMatchFileSnapshot('../../../fixtures/ingest/bulletin.expected.mdx');
    await expect(result.source!.text).toMatchFileSnapshot('../../../fixtures/ingest/bulletin.expected.yaml');
  });

  it('reports masthead, body, measures with evidence, figures and removals', () => {
    const r = result.report;
    expect(r.masthead).toMatchObject({
      publication: '金水教育简报',
      issue: '第12期',
      date: '2024-05-20',
      publisher: '郑州市金水区教育局办公室',
      kind: '简报',
    });
    expect(r.bodies).toEqual(['郑州市金水区教育局']);
    const c = r.cases[0]!;
    expect(c.region).toEqual({ code: '410105', trail: '河南省 › 郑州市 › 金水区', exact: true });
    expect(c.measures.find((m) => m.id === 'group-schooling')).toMatchObject({ proposed: true, confidence: 'high' });
    // One mention, but quantified (集团内教师交流轮岗320人次): stated as practised, so proposed at medium.
    expect(c.measures.find((m) => m.id === 'teacher-rotation')).toMatchObject({
      proposed: true,
      confidence: 'medium',
      mentions: 1,
    });
    expect(c.removed.map((x) => x.kind)).toEqual(['placeholder', 'caption', 'repeat', 'chrome', 'chrome', 'chrome']);
    expect(c.figures.every((f) => f.quote.length >= 2)).toBe(true);
  });
});

describe('the five seed bulletins', () => {
  const expected: Record<string, { body: string; region: string; date: string; author?: string }[]> = {
    [SEEDS.shangjie]: [{ body: '郑州市上街区教育局', region: '410106', date: '2025-10-11' }],
    [SEEDS.erqi]: [{ body: '郑州市二七区教育局', region: '410103', date: '2022', author: '苏立萌' }],
    [SEEDS.santiao]: [{ body: '郑州市教育局', region: '410100', date: '2023' }],
    [SEEDS.biaozhunhua]: [
      { body: '郑州市教育局', region: '410100', date: '2022' },
      { body: '郑州市金水区教育局', region: '410105', date: '2022' },
      { body: '开封市人力资源和社会保障局', region: '410200', date: '2022' },
      { body: '洛阳市教育局', region: '410300', date: '2022' },
    ],
    [SEEDS.kuoyou]: [
      { body: '商丘市教育体育局', region: '411400', date: '2024', author: '王新胜' },
      { body: '周口市教育体育局', region: '411600', date: '2024', author: '赵振' },
      { body: '驻马店市教育局', region: '411700', date: '2024', author: '牛清泉' },
    ],
  };

  it.each(Object.keys(expected))('%s: one case per reporting body, with region, date and author', (seed) => {
    const result = ingestSeed(seed);
    expect(result.ok).toBe(true);
    const cases = result.cases.map((c) => split(c.text).data);
    expect(
      cases.map((d) => ({ body: d.body, region: d.region, date: d.date, ...(d.author ? { author: d.author } : {}) })),
    ).toEqual(expected[seed]);
    expect(new Set(cases.map((d) => d.source))).toEqual(new Set([result.report.source!.key]));
  });

  it.each(Object.keys(expected))('%s: drafts valid against the content schema', (seed) => {
    for (const c of ingestSeed(seed).cases) {
      const { data, body } = split(c.text);
      expect(c.path).toMatch(/^cases\/[a-z0-9-]+\.mdx$/);
      expect((data.title as string).length).toBeGreaterThanOrEqual(4);
      expect((data.summary as string).length).toBeGreaterThanOrEqual(10);
      expect((data.summary as string).length).toBeLessThanOrEqual(300);
      expect(data.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      expect(data.measures.length).toBeGreaterThan(0);
      expect(data.figures.length).toBeGreaterThanOrEqual(3);
      expect(
        checkFigures(paragraphs(body), data.figures as never, data.measures, {
          titles: [data.title as string, (data.originalTitle as string | undefined) ?? ''],
        }),
      ).toEqual([]);
    }
  });

  it('records the seed path and the masthead in the source record', () => {
    const src = parse(ingestSeed(SEEDS.shangjie).source!.text, { version: '1.1' });
    expect(src).toMatchObject({
      publication: '上街信息',
      issue: '第49期',
      publisher: '中共上街区委办公室',
      date: '2025-10-11',
      kind: '简报',
      file: SEEDS.shangjie,
    });
    expect(parse(ingestSeed(SEEDS.biaozhunhua).source!.text, { version: '1.1' })).toMatchObject({
      date: '2024-01-13',
      kind: '网页',
      publication: '学信·招生考试平台',
    });
  });

  it('never invents a day: year-only when no date is printed', () => {
    const src = parse(ingestSeed(SEEDS.kuoyou).source!.text, { version: '1.1' });
    expect(src.date).toBe('2024');
    expect(src.dateNote).toContain('2024');
  });
});

describe('not a case', () => {
  it.each(['data-regulation.txt', 'industrial-policy.txt'])('reports %s as not a case and writes nothing', (name) => {
    const result = run(fixture(name), { fileName: name });
    expect(result.ok).toBe(false);
    expect(result.cases).toEqual([]);
    expect(result.source).toBeUndefined();
    expect(result.report.reason).toMatch(/^not a case/);
  });

  it('writes it anyway with force, and says what is missing', () => {
    const result = run(fixture('data-regulation.txt'), { force: true });
    expect(result.ok).toBe(true);
    expect(result.cases).toHaveLength(1);
    expect(result.issues.join('\n')).toMatch(/--force/);
  });
});

describe('regions', () => {
  const text = fixture('bulletin.txt')
    .replace(/金水区/g, '中原区')
    .replace('郑州市中原区教育局办公室', '郑州市中原区教育局');

  // The casebook's regions without 中原区, whatever content/regions.yaml holds today (an editor may add it).
  const withoutIt = regions.filter((r) => r.id !== '410102');

  it('proposes a region missing from regions.yaml and uses its own code, never a wider one that exists', () => {
    const result = run(text, { regions: withoutIt });
    const { data } = split(result.cases[0]!.text);
    expect(data.body).toBe('郑州市中原区教育局');
    expect(data.region).toBe('410102');
    expect(result.report.proposedRegions).toEqual(['- 河南省 郑州市 中原区']);
    expect(result.report.cases[0]!.region.exact).toBe(false);
    expect(result.issues.join('\n')).toContain('not in content/regions.yaml');
  });
});

describe('names', () => {
  const text = fixture('bulletin.txt');

  it('are stable across runs', () => {
    expect(run(text).cases.map((c) => c.path)).toEqual(run(text).cases.map((c) => c.path));
  });

  it('get a suffix when an existing file belongs to another source, and not when it is ours', () => {
    const ours = run(text, { seedFile: 'seeds/a.txt' });
    const key = ours.report.source!.key;
    const slug = ours.report.cases[0]!.slug;
    const other = run(text, {
      seedFile: 'seeds/b.txt',
      sourceOwner: (k) => (k === key ? 'seeds/a.txt' : undefined),
      caseOwner: (s) => (s === slug ? key : undefined),
    });
    expect(other.report.source!.key).toBe(`${key}-2`);
    expect(other.report.cases[0]!.slug).toBe(`${slug}-2`);
    const again = run(text, {
      seedFile: 'seeds/a.txt',
      sourceOwner: (k) => (k === key ? 'seeds/a.txt' : undefined),
      caseOwner: (s) => (s === slug ? key : undefined),
    });
    expect(again.report.cases[0]!.slug).toBe(slug);
  });

  it('reuse the key of a source record that already points at the same raw file', () => {
    const result = run(text, {
      seedFile: 'seeds/bulletin.txt',
      sourceKeyOf: (f) => (f === 'seeds/bulletin.txt' ? 'hand-named-key' : undefined),
    });
    expect(result.source!.path).toBe('sources/hand-named-key.yaml');
    expect(result.cases.every((c) => c.text.includes('source: hand-named-key'))).toBe(true);
    expect(result.report.uncertain.join('\n')).toContain('already the raw file of source “hand-named-key”');
  });
});

describe('MDX safety in drafts', () => {
  it('escapes what MDX would run and keeps the text readable back', () => {
    const result = run(fixture('unsafe.txt'));
    const { data, body } = split(result.cases[0]!.text);
    expect(body).toContain('\\{process.exit(1)\\}');
    expect(body).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(body).toMatch(/^ export const x = 1/m);
    expect(body).toMatch(/^## 一、关于\\\{process\.exit\(1\)\\\}和\\<Foo \/\\>的说明$/m);
    expect(body).not.toMatch(/(?<!\\)[{}<>]/);
    const texts = paragraphs(body);
    expect(texts.some((t) => t.includes('{process.exit(1)}'))).toBe(true);
    expect(texts.some((t) => t.startsWith('export const x = 1'))).toBe(true);
    expect(checkFigures(texts, data.figures as never, data.measures)).toEqual([]);
  });
});
