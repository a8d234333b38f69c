// Headings, masthead and reporting bodies, on small texts and on the five seed bulletins.
import { describe, expect, it } from 'vitest';
import { parseMasthead } from '../../../../src/lib/ingest/structure/masthead.ts';
import { leadHeading, structureDocument } from '../../../../src/lib/ingest/structure/structure.ts';
import { divisions, SEEDS, seedText } from '../context.ts';

const LEAD = '这是一段用于测试的导语，内容完整。';
const items = (raw: string) =>
  structureDocument(`${LEAD}\n\n${raw}`, divisions)
    .sections.flatMap((s) => s.items)
    .filter((i) => i.text !== LEAD);
const headings = (raw: string) =>
  items(raw)
    .filter((i) => i.kind === 'heading')
    .map((i) => `${'#'.repeat(i.depth!)} ${i.text}`);
const doc = (seed: string) => structureDocument(seedText(seed), divisions);
const masthead = (seed: string) => {
  const d = doc(seed);
  return parseMasthead(d.head, d.titleLines, d.bylines);
};

describe('headings', () => {
  it('makes 一、 headings ## and （一） headings ###', () => {
    expect(
      headings(
        '一、加强组织领导\n\n正文一，说明情况。\n\n（一）健全工作机制\n\n正文二，说明情况。\n\n（二）强化督导考核\n\n正文三，说明情况。\n\n二、扩大优质资源\n\n正文四，说明情况。',
      ),
    ).toEqual(['## 一、加强组织领导', '### （一）健全工作机制', '### （二）强化督导考核', '## 二、扩大优质资源']);
  });

  it('gives the first numbering style met ##, so `1.` can be top level', () => {
    expect(
      headings(
        '1.守初心、担使命，做党管教育的忠实笃行者\n\n正文一，说明情况。\n\n2.抓改革、谋发展\n\n正文二，说明情况。',
      ),
    ).toEqual(['## 1.守初心、担使命，做党管教育的忠实笃行者', '## 2.抓改革、谋发展']);
  });

  it('splits a numbered heading written at the start of a paragraph', () => {
    expect(
      items('一、以"综合改革"提升教育教学质量。一是聚焦全市教育大局,扩大优质教育资源供给。').map((i) => [
        i.kind,
        i.text,
      ]),
    ).toEqual([
      ['heading', '一、以“综合改革”提升教育教学质量'],
      ['paragraph', '一是聚焦全市教育大局，扩大优质教育资源供给。'],
    ]);
  });

  it('takes a short title line before a paragraph as a heading', () => {
    expect(headings('党管教育 把准前行方向\n\n加强党对教育工作的全面领导，是办好教育的根本保证。')).toEqual([
      '## 党管教育 把准前行方向',
    ]);
  });

  it('reads short two-part lead sentences as headings only in a text without headings', () => {
    expect(leadHeading('强化保障,夯实基础教育发展根基。着力强化制度保障。'.replace(',', '，'))).toEqual({
      heading: '强化保障，夯实基础教育发展根基',
      rest: '着力强化制度保障。',
    });
    expect(leadHeading('一是聚焦全市教育大局，扩大优质教育资源供给。深度融入。')).toBeUndefined();
    const sections = doc(SEEDS.kuoyou).sections;
    expect(sections[0]!.items.filter((i) => i.kind === 'heading').map((i) => i.text)).toEqual([
      '强化保障，夯实基础教育发展根基',
      '扩增资源，补齐基础教育发展短板',
      '提升质量，促进基础教育内涵发展',
      '深化改革，增强基础教育发展活力',
      '为民解忧，回应基础教育群众期盼',
    ]);
    // 二七: the text has headings, so “服务升级，“官方带娃”全覆盖。” stays a paragraph opening.
    expect(doc(SEEDS.erqi).sections[0]!.items.some((i) => i.kind === 'heading' && i.text.startsWith('服务升级'))).toBe(
      false,
    );
  });
});

describe('masthead', () => {
  it('reads publication, issue, issuing body and date of a bulletin', () => {
    expect(masthead(SEEDS.shangjie)).toMatchObject({
      publication: '上街信息',
      issue: '第49期',
      publisher: '中共上街区委办公室',
      date: '2025-10-11',
      kind: '简报',
    });
  });

  it('reads a newspaper page and sets the editor’s note aside', () => {
    const d = doc(SEEDS.santiao);
    expect(parseMasthead(d.head, d.titleLines, d.bylines)).toMatchObject({
      publication: '郑州教育',
      publisher: '郑州日报 郑州市教育局联合出品',
      kind: '报纸',
    });
    expect(d.titleLines).toEqual(['开展“三标”活动 锚定“三高”目标', '2023年我市紧扣重点建设教育强市']);
    expect(d.editorNotes[0]).toMatch(/^2023年是全面贯彻落实党的二十大精神的开局之年/);
    expect(d.sections[0]!.items[0]!.text).toMatch(/^为全面贯彻落实党的二十大精神/);
  });

  it('reads a web page: site name, page date, chrome removed', () => {
    expect(masthead(SEEDS.biaozhunhua)).toMatchObject({
      publication: '学信·招生考试平台',
      date: '2024-01-13',
      kind: '网页',
    });
    expect(doc(SEEDS.biaozhunhua).removed.map((r) => r.kind)).toContain('chrome');
  });

  it('reads a headline, subtitle and byline', () => {
    const d = doc(SEEDS.erqi);
    expect(d.titleLines).toEqual(['守正拓新 答好育人“民生卷”', '——二七区教育局十年砥砺绘就教育高质量发展新图景']);
    expect(d.bylines).toMatchObject([{ role: '本报记者', name: '苏立萌' }]);
    expect(parseMasthead(d.head, d.titleLines, d.bylines).kind).toBe('报纸');
  });
});

describe('reporting bodies', () => {
  it('splits a compilation at each body’s name line (4 bodies), with each report’s title', () => {
    const d = doc(SEEDS.biaozhunhua);
    expect(d.sections.map((s) => s.marker?.org.text)).toEqual([
      '郑州市教育局',
      '郑州市金水区教育局',
      '开封市人力资源和社会保障局',
      '洛阳市教育局',
    ]);
    expect(d.sections.map((s) => s.titleLines)).toEqual([
      ['郑州市高位推进“五大工程”', '开创义务教育公平优质新局面'],
      ['大力推进学校标准化建设 加快教育优质均衡发展'],
      ['优化完善体制机制 转变管理服务方式', '积极为开封市义务教育学校标准化建设提供政策支撑'],
      ['改革引领 提质增效', '在奋勇争先中持续推动洛阳教育向更高质量发展迈进'],
    ]);
    expect(d.preamble).toHaveLength(1);
  });

  it('splits signed articles at each signature (3 bodies), with author and role', () => {
    const d = doc(SEEDS.kuoyou);
    expect(d.sections.map((s) => [s.marker?.org.text, s.marker?.signature?.name, s.marker?.signature?.role])).toEqual([
      ['商丘市教育体育局', '王新胜', '商丘市教育体育局党组书记、局长'],
      ['周口市教育体育局', '赵振', '周口市教育体育局党组书记、局长'],
      ['驻马店市教育局', '牛清泉', '驻马店市教育局党组书记 局长'],
    ]);
  });

  it('keeps a single-body bulletin in one section', () => {
    expect(doc(SEEDS.shangjie).sections).toHaveLength(1);
    expect(doc(SEEDS.erqi).sections).toHaveLength(1);
    expect(doc(SEEDS.santiao).sections).toHaveLength(1);
  });
});

describe('the layout of seed 001 (二七)', () => {
  const section = doc(SEEDS.erqi).sections[0]!;

  it('removes the photo captions and the paragraphs the layout repeated', () => {
    const removed = section.removed.map((r) => [r.kind, r.text.slice(0, 8)]);
    expect(removed.filter(([k]) => k === 'caption')).toHaveLength(6);
    expect(removed.filter(([k]) => k === 'repeat')).toHaveLength(2);
    expect(removed.filter(([k]) => k === 'fragment')).toHaveLength(2);
  });

  it('joins the paragraph the column break cut, with its heading before it', () => {
    const texts = section.items.map((i) => i.text);
    const at = texts.findIndex((t) => t.startsWith('在坚守课程导航方面，推进课堂高效，强化课题引领'));
    expect(at).toBeGreaterThan(0);
    expect(texts[at - 1]).toBe('多点推进 教育品质起高峰');
    expect(texts.filter((t) => t.startsWith('专业优质的师资队伍'))).toHaveLength(1);
  });
});
