import { describe, expect, it } from 'vitest';
import { countTerms, findEvidence, measureTerms } from '../../src/lib/tagging.ts';

const measures = [
  { id: 'county-managed-teachers', name: '县管校聘', aliases: ['县管校聘管理改革', '竞聘上岗'] },
  { id: 'after-school-services', name: '课后服务', aliases: ['官方带娃', '课后延时服务'] },
  { id: 'double-reduction', name: '双减', aliases: ['减负'] },
];

describe('tagging', () => {
  it('lists terms longest first (name before aliases of equal length) so longer phrases win', () => {
    expect(measureTerms(measures[0]!)).toEqual(['县管校聘管理改革', '县管校聘', '竞聘上岗']);
  });
  it('counts overlapping terms once', () => {
    expect(countTerms('深化县管校聘管理改革，推进县管校聘', measureTerms(measures[0]!))).toEqual({
      count: 2,
      found: ['县管校聘管理改革', '县管校聘'],
    });
  });
  it('finds evidence per paragraph and ranks practices above passing mentions', () => {
    const paragraphs = [
      '全面推行“县管校聘”，6万余名教师实现竞聘上岗。',
      '深化县管校聘管理改革，县管校聘覆盖全部学校。',
      '“官方带娃”课后服务全覆盖，同时落实“双减”。',
    ];
    const evidence = findEvidence(paragraphs, measures, ['一、深化县管校聘改革']);
    expect(evidence.map((e) => e.measure)).toEqual(['county-managed-teachers', 'after-school-services', 'double-reduction']);
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
