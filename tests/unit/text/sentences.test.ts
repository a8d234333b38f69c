import { describe, expect, it } from 'vitest';
import { endsSentence, sentencesIn, sentenceStart } from '../../../src/lib/text/sentences.ts';

describe('sentences', () => {
  it('are the finished sentences of a text, with their end marks and closing quotes', () => {
    expect(sentencesIn('甲乙丙。丁戊己！未完')).toEqual(['甲乙丙。', '丁戊己！']);
    expect(sentencesIn('他说：“做好双减。”  真的吗？! 好')).toEqual(['他说：“做好双减。”', '真的吗？!']);
    expect(sentencesIn('《关于开展“双减”工作的通知。》之后')).toEqual(['《关于开展“双减”工作的通知。》']);
    expect(sentencesIn('没有句号的一段')).toEqual([]);
  });

  it('start after the nearest sentence or clause end, looked for within a reach', () => {
    const text = '全区共有学校48所；新建幼儿园12个。其中公办9个';
    expect(text.slice(sentenceStart(text, text.indexOf('12'), 200))).toBe('新建幼儿园12个。其中公办9个');
    expect(text.slice(sentenceStart(text, text.indexOf('9个'), 200))).toBe('其中公办9个');
    expect(sentenceStart(text, text.indexOf('48'), 200)).toBe(0);
    expect(sentenceStart(text, text.indexOf('9个'), 3)).toBe(text.indexOf('9个') - 3);
  });

  it('end a block at a sentence or clause end, a lead-in colon, an ellipsis or a closing signature', () => {
    for (const s of ['提质增效。', '具体如下：', '等等……', '“全覆盖。”', '…提质增效。(区教育局)', '（区教育局）', ''])
      expect(endsSentence(s), s).toBe(true);
    for (const s of ['全区组建教育集团', '做到“全覆盖、零拒绝”', '（一）总体要求'])
      expect(endsSentence(s), s).toBe(false);
  });
});
