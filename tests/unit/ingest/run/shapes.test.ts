// Drafts an editor can publish from texts of every shape issue 22 names (fixtures written for the
// tests in the shape of the failures, never copied): each gets the printed title, the right body,
// region and date, whole sentences, no export chrome, and the measures it practises. The drafts and
// reports are snapshots next to the fixtures; the scorer's rules for a publishable draft are checked
// here too, on our own fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ingest, type IngestResult } from '../../../../src/lib/ingest/run/ingest.ts';
import type { InputReport } from '../../../../src/lib/ingest/run/report.ts';
import { divisions, fixtures, measures, regions, run } from '../context.ts';

const dir = join(fixtures, 'shapes');
const TODAY = '2026-01-01';

function ingestShape(name: string, today = TODAY): Promise<IngestResult> {
  return ingest(new Uint8Array(readFileSync(join(dir, name))), {
    fileName: name,
    seedFile: `seeds/${name}`,
    measures,
    regions,
    divisions,
    today,
  });
}

interface Shape {
  /** The classes of issue 22 the fixture is in the shape of. */
  classes: number[];
  title: string;
  body: string;
  region: string;
  date: string;
  measures: string[];
  /** Sentences that must stand whole in one paragraph. */
  whole?: string[];
  /** Kinds of what the report must name as removed. */
  removed?: string[];
}

const SHAPES: Record<string, Shape> = {
  'wechat-styled-runs.md': {
    classes: [1, 2, 3],
    title: '2025年秋季中心城区义务教育学位分配结果出炉',
    body: '赣州市章贡区教育科技体育局',
    region: '360702',
    date: '2025-08-12',
    measures: ['admissions', 'group-schooling', 'teacher-rotation'],
    whole: [
      '近日，赣州市章贡区教育科技体育局公布了2025年秋季中心城区义务教育学位分配结果（含新建学校），全区共提供小学一年级学位6200个、初中一年级学位5800个，比去年增加600个。',
    ],
    removed: ['chrome', 'noise'],
  },
  'cms-br-page.html': {
    classes: [1, 2, 3, 4],
    title: '宜宾市翠屏区推进“县管校聘”改革工作情况',
    body: '宜宾市翠屏区教育和体育局',
    region: '511502',
    date: '2024-03-12',
    measures: ['county-managed-teachers', 'teacher-rotation'],
    whole: ['统筹调剂编制212名，重点向乡村学校和新建学校倾斜。'],
    removed: ['attachment', 'docinfo'],
  },
  'pkulaw-notice.txt': {
    classes: [2, 3, 4],
    title: '常州市人民政府办公室关于进一步加强义务教育阶段教师交流轮岗工作的通知',
    body: '常州市人民政府办公室',
    region: '320400',
    date: '2016-07-11',
    measures: ['teacher-rotation', 'group-schooling'],
    removed: ['chrome', 'docinfo', 'attachment', 'signature', 'form'],
  },
  'pkulaw-dated.md': {
    classes: [2, 4],
    title: '柳州市教育局关于印发《柳州市中小学课后服务管理办法》的通知',
    body: '柳州市教育局',
    region: '450200',
    date: '2017-12-11',
    measures: ['after-school-services'],
    removed: ['chrome', 'docinfo'],
  },
  'regulation-history.md': {
    classes: [3, 4, 7],
    title: '甘肃省中小学校园安全条例',
    body: '甘肃省人民代表大会常务委员会',
    region: '620000',
    date: '2023-07-27',
    measures: ['school-safety-meals'],
    removed: ['history'],
  },
  'joint-notice.txt': {
    classes: [3, 4],
    title: '海南省教育厅 海南省财政厅 海南省人力资源和社会保障厅关于做好2025年乡村教师生活补助工作的通知',
    body: '海南省教育厅',
    region: '460000',
    date: '2025-03-20',
    measures: ['student-aid'],
    removed: ['signature'],
  },
  'news-bureau.md': {
    classes: [3],
    title: '县管校聘激活乡村教师队伍 一年交流轮岗1200余人',
    body: '宁德市蕉城区教育局',
    region: '350902',
    date: '2025-04-08',
    measures: ['county-managed-teachers', 'teacher-rotation'],
  },
  'news-generic-bureau.md': {
    classes: [3],
    title: '县管校聘激活乡村教师队伍 一年交流轮岗1200余人',
    body: '宁德市蕉城区教育局',
    region: '350902',
    date: '2025-04-08',
    measures: ['county-managed-teachers', 'teacher-rotation'],
  },
  'speech.txt': {
    classes: [3, 4],
    title: '在全市2025年教育工作会议上的讲话',
    body: '岳阳市教育体育局',
    region: '430600',
    date: '2025-02-20',
    measures: ['school-places', 'group-schooling', 'teacher-rotation'],
  },
  'traditional-news.md': {
    classes: [5, 7],
    title: '深圳擴建公辦學位 今年新增八萬個',
    body: '深圳市教育局',
    region: '440300',
    date: '2024-09-02',
    measures: ['school-places'],
  },
  'fragment-repost.html': {
    classes: [9, 3],
    title: '黔东南州全面推进中小学课后服务提质增效',
    body: '黔东南苗族侗族自治州教育局',
    region: '522600',
    date: '2025',
    measures: ['after-school-services'],
    removed: ['chrome'],
  },
  'plan-attachments.docx': {
    classes: [1, 2, 3, 4],
    title: '遵义市红花岗区2025年义务教育学校集团化办学实施方案',
    body: '遵义市红花岗区教育局',
    region: '520302',
    date: '2025-03-06',
    measures: ['group-schooling', 'teacher-rotation', 'teaching-research'],
    whole: ['到2025年底，全区组建紧密型教育集团8个，集团化办学覆盖全区公办义务教育学校的比例达到90%以上。'],
    removed: ['attachment', 'signature', 'form'],
  },
  'ministry-pdf-text.txt': {
    classes: [1, 3, 4],
    title: '教育部办公厅关于推进中小学实验教学数字化资源建设与应用的通知',
    body: '教育部办公厅',
    region: '000000',
    date: '2024-06-12',
    measures: ['smart-education'],
    whole: [
      '依托国家中小学智慧教育平台，分学段分学科建设覆盖物理、化学、生物学、科学等课程的实验教学资源，到2025年底上线数字化实验课例不少于3000节。',
    ],
    removed: ['docinfo', 'signature'],
  },
};

/** The body of a draft: paragraphs and headings, without the front matter. */
const bodyOf = (text: string) => text.split(/^---$/m).slice(2).join('---');
/** Paragraphs of a draft body (headings excluded). */
const paragraphsOf = (text: string) =>
  bodyOf(text)
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
/** What the scorer counts as a paragraph cut in the middle of a sentence. */
const cut = (p: string) => p.length < 6 || (!/[。！？；：…”’」』）)\]】!?;:．.]$/u.test(p) && !/[\d年月日]$/.test(p));

/** What an editor checks first: enough to see a regression, no noise. */
function summaryOf(report: InputReport) {
  return {
    status: report.status,
    format: report.format,
    source: report.source,
    cases: report.cases.map((c) => ({
      title: c.title,
      body: c.body,
      bodyFrom: c.bodyFrom,
      region: c.region.code,
      date: c.date,
      ...(c.dateNote && { dateNote: c.dateNote }),
      measures: c.measures.filter((m) => m.proposed).map((m) => m.id),
      figures: c.figures.map((f) => `${f.kind} ${f.label}: ${f.display ?? `${f.value}${f.unit}`} “${f.quote}”`),
      removed: c.removed.map((r) => `${r.kind} ${r.line}: ${r.text}`),
    })),
    removed: report.removed.map((r) => `${r.kind} ${r.line}: ${r.text}`),
    uncertain: report.uncertain,
  };
}

describe('real-world shapes → publishable drafts', () => {
  for (const [name, want] of Object.entries(SHAPES)) {
    describe(`${name} (classes ${want.classes.join(', ')})`, () => {
      it('has the printed title, the body, region and date, and the measures it practises', async () => {
        const r = await ingestShape(name);
        expect(r.ok, r.report.reason).toBe(true);
        expect(r.report.cases).toHaveLength(1);
        const c = r.report.cases[0]!;
        expect(c.title).toBe(want.title);
        expect(c.body).toBe(want.body);
        expect(c.region.code).toBe(want.region);
        expect(c.date).toBe(want.date);
        expect(c.measures.filter((m) => m.proposed).map((m) => m.id)).toEqual(want.measures);
        expect(r.cases[0]!.text).toMatch(/^draft: true$/m);
      });

      it('is whole sentences without export chrome, and names what it removed', async () => {
        const r = await ingestShape(name);
        const draft = r.cases[0]!.text;
        const paragraphs = paragraphsOf(draft);
        expect(paragraphs.filter(cut), 'paragraphs cut mid-sentence').toEqual([]);
        for (const sentence of want.whole ?? []) expect(paragraphs.some((p) => p.includes(sentence))).toBe(true);
        expect(bodyOf(draft)).not.toMatch(
          /法宝引证码|原文链接|^\s*(发布时间|信息索引|生成日期|发文字号|来源|索引号)[：:]|^\s*[!！]\s*$|在看|\.docx|\.xlsx|＿{3}|〔\d{4}〕|盖章|\*\*|!\[/mu,
        );
        const kinds = new Set([...r.report.removed, ...r.report.cases.flatMap((c) => c.removed)].map((x) => x.kind));
        for (const kind of want.removed ?? []) expect(kinds, `removed ${kind}`).toContain(kind);
      });

      it('matches the expected draft and report', async () => {
        const r = await ingestShape(name);
        const base = name.replace(/\.[a-z]+$/, '');
        await expect(r.cases[0]!.text).toMatchFileSnapshot(join(dir, `${base}.expected.mdx`));
        await expect(`${JSON.stringify(summaryOf(r.report), null, 2)}\n`).toMatchFileSnapshot(
          join(dir, `${base}.expected.report.json`),
        );
      });
    });
  }
});

describe('class by class', () => {
  it('3: a 来源 of 本站原创 is no body; the WeChat account does not replace the bureau the text names', async () => {
    const cms = await ingestShape('cms-br-page.html');
    expect(cms.report.cases[0]!.body).not.toMatch(/本站|原创/);
    const wechat = await ingestShape('wechat-styled-runs.md');
    expect(wechat.report.cases[0]!.body).not.toBe('章贡教育');
  });

  it('3: a joint notice goes to its lead signatory; the source record keeps all of them and its number', async () => {
    const r = await ingestShape('joint-notice.txt');
    expect(r.report.cases[0]!.bodyFrom).toMatch(/lead of 海南省教育厅、海南省财政厅、海南省人力资源和社会保障厅/);
    const pk = await ingestShape('pkulaw-notice.txt');
    expect(pk.source!.text).toMatch(/^issue: 常政办发〔2016〕75号$/m);
    expect(pk.source!.text).toMatch(/^publisher: 常州市人民政府办公室$/m);
  });

  it('4: the date printed in the text wins over the metadata; a date after today is never used', async () => {
    const cms = await ingestShape('cms-br-page.html');
    expect(cms.report.source!.date).toBe('2024-03-12');
    expect(cms.issues.join('\n')).toMatch(/the printed date is used/);
    // Run on a day before the printed date: the date is not used (here no other date is left, so
    // the text is refused), and the editor is told why.
    const early = await ingestShape('pkulaw-dated.md', '2017-06-01');
    expect(early.ok).toBe(false);
    expect(early.report.reason).toMatch(/2017-12-11 is after today \(2017-06-01\)/);
    const flagged = await ingestShape('cms-br-page.html', '2024-03-13');
    expect(flagged.report.source!.date).toBe('2024-03-12');
  });

  it('4: a date printed under the title wins over the front matter date', () => {
    const md = [
      '---',
      'title: 某区推进课后服务全覆盖',
      'date: 2025-08-12',
      '---',
      '',
      '# 某区推进课后服务全覆盖',
      '',
      '2025年8月10日',
      '',
      '郑州市金水区教育局推进课后服务全覆盖，全区86所学校全部开展课后服务，参与学生达到5.2万人，参与率达到96%。',
      '',
      '区教育局统筹课后服务课程，开设课后服务课程320门，课后服务实现义务教育学校全覆盖。',
      '',
      '下一步，区教育局将继续完善课后服务经费保障机制，丰富课程内容，让学生在校内学足学好。',
    ].join('\n');
    const r = run(md, { fileName: 'printed-date.md', today: TODAY });
    expect(r.report.source!.date).toBe('2025-08-10');
    expect(r.issues.join('\n')).toMatch(/the printed date is used/);
  });

  it('4: a regulation is dated by its text in force and says so', async () => {
    const r = await ingestShape('regulation-history.md');
    expect(r.report.cases[0]!.dateNote).toMatch(/2023年7月27日修正.*2012年3月28日通过/);
  });

  it("2, 27: the metadata URL on another host than the address the page prints is not the source's", async () => {
    const r = await ingestShape('cms-br-page.html');
    expect(r.source!.text).toMatch(/^url: http:\/\/www\.cuiping\.gov\.cn\//m);
    expect(r.source!.text).not.toMatch(/mirror\.example\.net/);
  });

  it('5: a traditional-character text is tagged through a simplified copy and drafted as printed', async () => {
    const r = await ingestShape('traditional-news.md');
    const draft = r.cases[0]!.text;
    expect(draft).toContain('今年全市新建、改擴建公辦中小學和幼兒園六十所');
    const figures = r.report.cases[0]!.figures;
    expect(figures.find((f) => f.value === 8)).toMatchObject({ unit: '萬個', quote: '新增公辦學位八萬個' });
    expect(figures.find((f) => f.value === 72)).toMatchObject({ unit: '%' });
  });

  it('7: numbers in Chinese numerals are figures with exact quotes; a rule is context, not a result', async () => {
    const r = await ingestShape('regulation-history.md');
    const figures = r.report.cases[0]!.figures;
    expect(figures.map((f) => `${f.value}${f.unit}`)).toEqual(expect.arrayContaining(['200米', '2次']));
    expect(figures.every((f) => f.kind === 'context')).toBe(true);
    expect(figures.every((f) => !/^第.条/.test(f.label))).toBe(true);
  });

  it('9: an HTML fragment repost is read, not refused, and its pointing arrows are gone', async () => {
    const r = await ingestShape('fragment-repost.html');
    expect(r.ok).toBe(true);
    expect(r.cases[0]!.text).not.toMatch(/↓/);
  });
});
