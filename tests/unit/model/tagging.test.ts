import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { readMeasures } from '../../../src/lib/content/contentFiles.ts';
import { findEvidence, measureTerms, type MeasureTerms } from '../../../src/lib/model/tagging.ts';

const measures = [
  { id: 'county-managed-teachers', name: '县管校聘', aliases: ['县管校聘管理改革', '竞聘上岗'] },
  { id: 'after-school-services', name: '课后服务', aliases: ['官方带娃', '课后延时服务'] },
  { id: 'double-reduction', name: '双减', aliases: ['减负'] },
];

describe('tagging', () => {
  it('lists terms longest first (name before aliases of equal length) so longer phrases win', () => {
    expect(measureTerms(measures[0]!)).toEqual(['县管校聘管理改革', '县管校聘', '竞聘上岗']);
  });
  it('finds evidence per paragraph and ranks practices above passing mentions', () => {
    const paragraphs = [
      '全面推行“县管校聘”，6万余名教师实现竞聘上岗。',
      '深化县管校聘管理改革，县管校聘覆盖全部学校。',
      '“官方带娃”课后服务全覆盖，同时落实“双减”。',
    ];
    const evidence = findEvidence(paragraphs, measures, ['一、深化县管校聘改革']);
    expect(evidence.map((e) => e.measure)).toEqual([
      'county-managed-teachers',
      'after-school-services',
      'double-reduction',
    ]);
    const [kgxp, after, dr] = evidence;
    expect(kgxp).toMatchObject({ mentions: 4, inHeading: true, confidence: 'high' });
    expect(kgxp!.paragraphs).toEqual([
      { index: 0, count: 2, terms: ['县管校聘', '竞聘上岗'] },
      { index: 1, count: 2, terms: ['县管校聘管理改革', '县管校聘'] },
    ]);
    expect(after).toMatchObject({ mentions: 2, confidence: 'medium' });
    expect(dr).toMatchObject({ mentions: 1, confidence: 'low' });
  });
  it('returns nothing for a text without education measures', () => {
    expect(findEvidence(['政务数据共享应当遵循统一标准。'], measures)).toEqual([]);
  });
});

describe('tagging with precision', () => {
  const taxonomy: MeasureTerms[] = [
    {
      id: 'after-school-services',
      name: '课后服务',
      aliases: ['5+2', '托管服务'],
      aliasContext: { '5+2': ['课后', '托管', '每周'] },
    },
    {
      id: 'diverse-high-schools',
      name: '普通高中多样化',
      aliases: ['普通高中', '特色高中'],
      aliasContext: { 普通高中: ['多样化', '特色', '新建'] },
    },
    { id: 'higher-education', name: '高等教育', aliases: ['大学'] },
    { id: 'school-district-governance', name: '学区化治理', aliases: ['大学区', '学区长'] },
    { id: 'ideological-education', name: '思政课一体化', aliases: ['德育'] },
    { id: 'sports-football', name: '体育与校园足球', aliases: ['体育'] },
    { id: 'arts-culture', name: '美育与传统文化', aliases: ['美育', '艺术'] },
    { id: 'labour-education', name: '劳动教育', aliases: [] },
    { id: 'group-schooling', name: '集团化办学', aliases: [] },
    { id: 'county-managed-teachers', name: '县管校聘', aliases: [] },
    { id: 'teacher-rotation', name: '教师交流轮岗', aliases: ['交流轮岗'] },
  ];
  const ids = (paragraphs: string[], headings: string[] = []) =>
    findEvidence(paragraphs, taxonomy, headings)
      .filter((e) => e.mentions > 0)
      .map((e) => e.measure);

  it('counts a context-qualified alias only with one of its words in the same sentence', () => {
    expect(ids(['全市5个中心城区+2个新区统一公布划片结果。'])).toEqual([]);
    expect(ids(['落实课后服务“5+2”模式，每周5天。'])).toEqual(['after-school-services']);
    // The context word must be in the same sentence, not the next one.
    expect(ids(['全市“5+2”区域统一部署。课后时段由学校安排。'])).toEqual([]);
    expect(ids(['优质普通高中招生指标分配到初中。'])).toEqual([]);
    expect(ids(['推进普通高中多样化有特色发展。'])).toEqual(['diverse-high-schools']);
  });

  it('lets the longest term of any measure win: 大学区 is not 大学', () => {
    expect(ids(['全区组建3个大学区，实行学区长负责制。'])).toEqual(['school-district-governance']);
  });

  it('does not count a measure named only in an enumeration of values or criteria', () => {
    const values = findEvidence(['坚持德育为先、智育为本、体育为基、美育为根、劳动教育为要。'], taxonomy);
    expect(values.every((e) => e.mentions === 0 && e.listed > 0)).toBe(true);
    const criteria = findEvidence(
      ['综合素质评价从思想品德、学业水平、身心健康、艺术素养、社会实践五个方面记录学生成长。'],
      taxonomy,
    );
    expect(criteria.find((e) => e.measure === 'arts-culture')).toMatchObject({
      mentions: 0,
      listed: 1,
      confidence: 'low',
    });
    // A short list of practices still counts.
    expect(ids(['深化集团化办学、县管校聘、教师交流轮岗改革。']).sort()).toEqual([
      'county-managed-teachers',
      'group-schooling',
      'teacher-rotation',
    ]);
  });

  it('ranks by evidence: a quantified mention is medium, a passing one low', () => {
    const [rotation, arts] = findEvidence(['集团内教师交流轮岗320人次。', '学校还有艺术社团。'], taxonomy);
    expect(rotation).toMatchObject({ measure: 'teacher-rotation', mentions: 1, quantified: 1, confidence: 'medium' });
    expect(arts).toMatchObject({ measure: 'arts-culture', mentions: 1, quantified: 0, confidence: 'low' });
    expect(rotation!.score).toBeGreaterThan(arts!.score);
  });
});

describe('the taxonomy as tagging data', () => {
  const taxonomy = readMeasures(resolve(import.meta.dirname, '../../..'));
  it('qualifies only its own aliases, each with context words', () => {
    expect(taxonomy.length).toBeGreaterThan(0);
    for (const m of taxonomy) {
      for (const [alias, words] of Object.entries(m.aliasContext ?? {})) {
        expect(m.aliases, `${m.id}: aliasContext.${alias}`).toContain(alias);
        expect(words.length, `${m.id}: aliasContext.${alias}`).toBeGreaterThan(0);
      }
    }
  });
  it('gives no term to two measures', () => {
    const owner = new Map<string, string>();
    for (const m of taxonomy) {
      for (const term of measureTerms(m)) {
        expect(owner.get(term), `${term} in ${m.id}`).toBeUndefined();
        owner.set(term, m.id);
      }
    }
  });
});

describe('tagging adversarial inputs of 2 MB', () => {
  it('stays linear on text without punctuation and on endless enumerations', () => {
    const taxonomy = readMeasures(resolve(import.meta.dirname, '../../..'));
    for (const unit of ['课后服务5+2', '德育、体育、美育、', '集团化办学']) {
      const text = unit.repeat(Math.ceil((2 * 1024 * 1024) / (unit.length * 3)));
      expect(findEvidence([text], taxonomy).length).toBeGreaterThan(0);
    }
  }, 120_000);
});
