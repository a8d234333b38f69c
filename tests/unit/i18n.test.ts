import { describe, expect, it } from 'vitest';
import { zhCN, zhCNStudio } from '../../src/i18n/zh-CN.ts';

// Han characters and CJK punctuation on one side, Latin letters, digits or a {placeholder} on the other.
const HAN = '[\\u4e00-\\u9fff\\u3000-\\u303f\\uff00-\\uffef“”‘’]';
const spaced = new RegExp(`${HAN} +[A-Za-z0-9{]|[A-Za-z0-9}%] +${HAN}`);

describe('UI strings', () => {
  it('put no typed space between Chinese and Latin letters, digits or placeholders (spacing rule, zh-CN.ts)', () => {
    const offending = Object.entries({ ...zhCN, ...zhCNStudio }).filter(([, v]) => spaced.test(v));
    expect(offending).toEqual([]);
  });
  it('the rule check catches a spaced string', () => {
    expect(spaced.test('第 {n} 段')).toBe(true);
    expect(spaced.test('RSS 订阅')).toBe(true);
    expect(spaced.test('第{n}段 · GB/T 7714')).toBe(false);
  });
});
