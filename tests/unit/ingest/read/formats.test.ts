// Every input format through the one pipeline: fixture → expected drafts, source record and
// report (file snapshots next to the fixtures), and the refusals that write nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest } from '../../../../src/lib/ingest/run/ingest.ts';
import type { InputReport } from '../../../../src/lib/ingest/run/report.ts';
import { divisions, fixtures, measures, regions } from '../context.ts';

const dir = join(fixtures, 'formats');

async function ingestFixture(name: string) {
  return ingest(new Uint8Array(readFileSync(join(dir, name))), {
    fileName: name,
    seedFile: `seeds/${name}`,
    measures,
    regions,
    divisions,
  });
}

/** What an editor checks first, per case: enough to see a regression, no noise. */
function summaryOf(report: InputReport) {
  return {
    status: report.status,
    format: report.format,
    ...(report.reason && { reason: report.reason }),
    masthead: report.masthead,
    source: report.source,
    cases: report.cases.map((c) => ({
      path: c.path,
      title: c.title,
      body: c.body,
      bodyFrom: c.bodyFrom,
      region: c.region,
      date: c.date,
      summary: c.summary,
      measures: c.measures.filter((m) => m.proposed).map((m) => m.id),
      figures: c.figures.map((f) => `${f.label}: ${f.value}${f.unit}`),
      removed: c.removed.map((r) => `${r.kind} ${r.line}: ${r.text}`),
      uncertain: c.uncertain,
    })),
    removed: report.removed.map((r) => `${r.kind} ${r.line}: ${r.text}`),
    proposedRegions: report.proposedRegions,
    uncertain: report.uncertain,
  };
}

const WRITTEN = {
  'chengdu-wechat-zhaosheng.md': {
    format: 'markdown',
    title: '成都市2025年义务教育阶段学校招生入学工作问答',
    bodies: ['成都市教育局'],
    regions: ['510100'],
    date: '2025-05-16',
  },
  'nanjing-bureau-page.html': {
    format: 'html',
    title: '南京市推进义务教育优质均衡发展工作情况通报',
    bodies: ['南京市教育局'],
    regions: ['320100'],
    date: '2025-03-18',
  },
  'guangdong-year-plan.docx': {
    format: 'docx',
    title: '深圳市福田区2025年基础教育工作要点',
    bodies: ['深圳市福田区教育局'],
    regions: ['440304'],
    date: '2025-02-14',
  },
  'zhejiang-compilation.pdf': {
    format: 'pdf',
    title: '各地推进学区化治理和教师交流轮岗工作经验',
    bodies: ['杭州市上城区教育局', '宁波市鄞州区教育局'],
    regions: ['330102', '330212'],
    date: '2025-06-20',
  },
} as const;

describe('formats → drafts', () => {
  for (const [name, want] of Object.entries(WRITTEN)) {
    it(`${name}: title, bodies, regions and date from the document`, async () => {
      const r = await ingestFixture(name);
      expect(r.ok).toBe(true);
      expect(r.report.format).toBe(want.format);
      expect(r.report.source!.title).toBe(want.title);
      expect(r.report.cases.map((c) => c.body)).toEqual(want.bodies);
      expect(r.report.cases.map((c) => c.region.code)).toEqual(want.regions);
      expect(r.report.cases.map((c) => c.date)).toEqual(want.bodies.map(() => want.date));
      // No export noise reaches a draft, and every summary sentence is in the text.
      for (const c of r.cases) {
        const body = c.text.split(/^---$/m)[2]!;
        expect(body).not.toMatch(
          /\*\*|!\[|javascript:|阅读原文|预览时标签不可点|rich_media|[\u{1f300}-\u{1faff}\u2705]/u,
        );
      }
      for (const c of r.report.cases)
        for (const sentence of c.summary.split(/(?<=[。！？])/))
          expect(r.cases.map((d) => d.text.replace(/\\/g, '')).join('')).toContain(sentence);
    });

    it(`${name}: matches the expected drafts and report`, async () => {
      const r = await ingestFixture(name);
      const base = name.replace(/\.[a-z]+$/, '');
      for (const [n, c] of r.cases.entries())
        await expect(c.text).toMatchFileSnapshot(
          join(dir, `${base}${r.cases.length > 1 ? `.${n + 1}` : ''}.expected.mdx`),
        );
      await expect(r.source!.text).toMatchFileSnapshot(join(dir, `${base}.expected.yaml`));
      await expect(`${JSON.stringify(summaryOf(r.report), null, 2)}\n`).toMatchFileSnapshot(
        join(dir, `${base}.expected.report.json`),
      );
    });
  }

  it('the WeChat export: front matter is metadata, never text; bold images, emoji and prompts are gone; FAQ questions stay', async () => {
    const r = await ingestFixture('chengdu-wechat-zhaosheng.md');
    const text = r.cases[0]!.text;
    expect(text).not.toMatch(/policy_year|title：|source:“/);
    expect(text).toContain('问：家长还需要注意什么？');
    expect(text).toContain('严禁提前招生、违规跨区域招生');
    expect(r.report.source!.title).toBe('成都市2025年义务教育阶段学校招生入学工作问答');
    expect(r.report.proposedRegions).toEqual(['- 四川省', '- 四川省 成都市']);
    expect(r.source!.text).toMatch(/url: https:\/\/mp\.weixin\.qq\.com\/s\/fixture-chengdu-2025/);
    expect(r.source!.text).toMatch(/publication: 成都教育发布/);
  });

  it('the PDF: running header and page numbers dropped, wrapped lines joined, radicals normalised', async () => {
    const r = await ingestFixture('zhejiang-compilation.pdf');
    const all = r.cases.map((c) => c.text).join('\n');
    expect(all).not.toMatch(/— \d —|浙江教育简报·/);
    expect(all).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(all).toContain(
      '在教师交流方面，上城区建立“区管校聘”教师管理机制，2024年全区交流轮岗教师636人，其中骨干教师和学科带头人占比达到30.2%。',
    );
  });
});

describe('refused inputs', () => {
  const REFUSED = {
    'scanned-notice.pdf': /^扫描件：PDF 没有文字层，请先做 OCR/,
    'encrypted-compilation.pdf': /^加密的 PDF/,
    'encrypted-notice.docx': /^加密的 Word 文件/,
    'list-page-no-article.html': /^网页中没有找到正文/,
  };
  for (const [name, reason] of Object.entries(REFUSED)) {
    it(`${name}: refused with a clear reason, nothing to write`, async () => {
      const r = await ingestFixture(name);
      expect(r.ok).toBe(false);
      expect(r.report.reason).toMatch(reason);
      expect(r.cases).toEqual([]);
      expect(r.source).toBeUndefined();
    });
  }
});
