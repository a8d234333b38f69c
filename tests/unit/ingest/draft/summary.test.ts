// The extractive summary: 1–3 sentences, each verbatim from the text, in text order.
import { describe, expect, it } from 'vitest';
import { extractiveSummary, sentencesOf } from '../../../../src/lib/ingest/draft/summary.ts';

const PARAGRAPHS = [
  '近年来，区教育局坚持优质均衡目标，以集团化办学为抓手，持续扩大优质教育资源供给。',
  '全区组建教育集团12个，覆盖公办中小学48所，集团化办学实现全覆盖。天气很好。',
  '此外，区教育局还组织了多次会议，会议内容丰富。',
  '课后服务参与率达96.5%，家长满意度不断提升，集团化办学成效显著。',
];

describe('extractive summary', () => {
  it('splits finished sentences only', () => {
    expect(sentencesOf(['甲乙丙。丁戊己！未完']).map((s) => s.text)).toEqual(['甲乙丙。', '丁戊己！']);
  });

  it('picks 1–3 sentences of the text, ranked by measure terms and figures, in text order', () => {
    const s = extractiveSummary(PARAGRAPHS, { terms: ['集团化办学', '教育集团'] })!;
    expect(s.sentences.length).toBeGreaterThanOrEqual(1);
    expect(s.sentences.length).toBeLessThanOrEqual(3);
    const all = PARAGRAPHS.join('');
    for (const sentence of s.sentences) expect(all).toContain(sentence.text);
    expect(s.text).toBe(s.sentences.map((x) => x.text).join(''));
    expect([...s.sentences].sort((a, b) => a.order - b.order)).toEqual(s.sentences);
    expect(s.text).not.toContain('天气很好');
    expect(s.text.length).toBeLessThanOrEqual(300);
  });

  it('cuts (and says so) only when no sentence is short enough', () => {
    const s = extractiveSummary([`${'很长的句子，'.repeat(80)}结束。`])!;
    expect(s.cut).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(300);
  });
});
