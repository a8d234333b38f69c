import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { t } from '../../src/i18n/index.ts';
import { t as tSearch } from '../../src/i18n/search.ts';
import { fill, translator } from '../../src/i18n/translate.ts';
import { zhCN, zhCNStudio } from '../../src/i18n/zh-CN.ts';
import { zhCNSearch } from '../../src/i18n/zh-CN.search.ts';

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

describe('UI strings of the search bundle', () => {
  const dir = join(import.meta.dirname, '../../src/components/search/client');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  const code = files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');

  it('the search client code reads its section of the dictionary, never the whole of it', () => {
    const whole = files.filter((f) => /i18n\/(index|zh-CN)\.ts'/.test(readFileSync(join(dir, f), 'utf8')));
    expect(whole).toEqual([]);
    expect(code).toContain("from '../../../i18n/search.ts'");
  });

  it('holds only keys the search client code uses (a literal key, or a `prefix.${…}` one)', () => {
    const used = (key: string) =>
      code.includes(`'${key}'`) ||
      key
        .split('.')
        .slice(0, -1)
        .some((_, i, parts) => code.includes(`\`${parts.slice(0, i + 1).join('.')}.\${`));
    expect(Object.keys(zhCNSearch).filter((key) => !used(key))).toEqual([]);
  });

  it('is part of the one dictionary, filled the same way in the browser and at build time', () => {
    for (const [key, value] of Object.entries(zhCNSearch)) expect(zhCN[key as keyof typeof zhCN]).toBe(value);
    expect(tSearch('search.resultsCount', { n: 3, cases: 2 })).toBe(t('search.resultsCount', { n: 3, cases: 2 }));
    expect(fill('共{n}条{m}', { n: 3 })).toBe('共3条{m}');
    expect(translator<'a' | 'b'>({ a: '{x}个' })('b')).toBe('b');
  });
});
