import { describe, expect, it } from 'vitest';
import {
  countHan,
  HAN,
  hasHan,
  isCjkPunctuation,
  isCjkPunctuationCode,
  isHan,
  isHanCode,
} from '../../../src/lib/text/han.ts';

describe('Han characters', () => {
  it('are ideographs of every block, 〇 and 々 included', () => {
    for (const c of ['一', '龥', '㐀', '〇', '々', '𠀀', '𪚥', '豈']) expect(isHan(c), c).toBe(true);
  });
  it('are not punctuation, digits, full-width Latin, kana or half a surrogate pair', () => {
    for (const c of ['。', '，', '“', '1', '１', 'Ａ', 'a', 'ア', 'の', ' ', '', '𠀀'[0], undefined])
      expect(isHan(c), String(c)).toBe(false);
    expect(isHan('中文'), 'two characters').toBe(false);
  });
  it('are counted once each', () => {
    expect(countHan('新增学位1980个')).toBe(5);
    expect(countHan('二〇二四年𠀀')).toBe(6);
    expect(countHan('Copyright 2024.')).toBe(0);
  });
  it('are found in text, and compose into patterns', () => {
    expect(hasHan('5+2课后服务')).toBe(true);
    expect(hasHan('5+2')).toBe(false);
    expect(new RegExp(`^${HAN}{2,4}$`, 'u').test('王新胜')).toBe(true);
  });
});

describe('CJK punctuation', () => {
  it('is the CJK and full-width marks, curly quotes, ellipsis and dashes; not Han, ASCII or full-width digits', () => {
    for (const c of ['。', '，', '、', '“', '”', '…', '—', '（', '】', '\u3000', '·'])
      expect(isCjkPunctuation(c), c).toBe(true);
    for (const c of ['中', '〇'.repeat(2), ',', '.', '１', 'Ａ', '', undefined])
      expect(isCjkPunctuation(c), String(c)).toBe(false);
  });
});

describe('Han and CJK punctuation code units', () => {
  it('agree with the character tests on every code unit of the basic plane', () => {
    const disagree: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const char = String.fromCharCode(c);
      if (isHanCode(c) !== isHan(char) || isCjkPunctuationCode(c) !== isCjkPunctuation(char))
        disagree.push(c.toString(16));
    }
    expect(disagree).toEqual([]);
    expect([0x4e00, 0x3007, 0x3005, 0xf900].every(isHanCode)).toBe(true);
    expect([0x3002, 0xff0c, 0x201c].every(isCjkPunctuationCode)).toBe(true);
  });
});
