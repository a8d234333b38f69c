import { describe, expect, test } from 'vitest';
import { buildExcerpt, markTerms } from '../../../../src/lib/search/engine/excerpt.ts';
import { normalizeWithMap } from '../../../../src/lib/search/query/normalize.ts';
import { findAll } from '../../../../src/lib/search/engine/match.ts';

function excerpt(content: string, terms: string[], options = {}) {
  const norm = normalizeWithMap(content, { compact: true });
  const occurrences = terms.flatMap((term, word) =>
    findAll(norm.text, term).map((start) => ({ start, end: start + term.length, word, term })),
  );
  return buildExcerpt(
    content,
    norm,
    occurrences.sort((a, b) => a.start - b.start),
    options,
  );
}

describe('buildExcerpt', () => {
  test('marks the literal match, escapes HTML, cuts with …', () => {
    const content = '甲'.repeat(100) + '。推进<县管校聘>改革' + '乙'.repeat(100);
    const e = excerpt(content, ['县管校聘'], { length: 30 });
    expect(e.html).toBe('…推进&lt;<mark>县管校聘</mark>&gt;改革' + '乙'.repeat(20) + '…');
    expect(e.text.startsWith('…推进<县管校聘>')).toBe(true);
  });

  test('never cuts inside a number at either end (31000人次, 200余人)', () => {
    // The window starts `before` characters ahead of the match and ends `length` later: both fall inside numbers.
    const content = '累计服务学生31000人次县管校聘' + '乙'.repeat(10) + '共有200余人参加';
    const e = excerpt(content, ['县管校聘'], { before: 4, length: 25 });
    expect(e.text).toBe('…31000人次县管校聘' + '乙'.repeat(10) + '共有200余…');
    expect(e.html).toContain('31000人次<mark>县管校聘</mark>');
  });

  test('a match across ignored quotation marks is marked in the original text', () => {
    const e = excerpt('全部完成“县管校聘”改革。', ['县管校聘改革']);
    expect(e.html).toBe('全部完成“<mark>县管校聘”改革</mark>。');
  });

  test('prefers the window holding the most query words', () => {
    const content = `郑州${'丙'.repeat(200)}。二七区与郑州市${'丁'.repeat(200)}`;
    const e = excerpt(content, ['郑州', '二七'], { length: 40 });
    expect(e.html).toContain('<mark>二七</mark>区与<mark>郑州</mark>');
  });

  test('prefers running text to labels and lists', () => {
    const content = `标题. 涉及措施. 县管校聘 双减 课后服务 正文. ${'在'.repeat(150)}深化县管校聘改革${'的'.repeat(100)}`;
    const e = excerpt(content, ['县管校聘'], { length: 30 });
    expect(e.html).toContain('深化<mark>县管校聘</mark>改革');
  });

  test('skips the title when there are other matches', () => {
    const content = `县管校聘改革综述. 正文. 各地推进县管校聘。`;
    const e = excerpt(content, ['县管校聘'], { skipBefore: 8, length: 20 });
    expect(e.html).toContain('各地推进<mark>县管校聘</mark>');
  });

  test('no occurrences: the start of the text', () => {
    expect(excerpt('一二三四五', [], { length: 3 }).html).toBe('一二三…');
  });
});

describe('markTerms', () => {
  test('marks every occurrence, longest first, escaped', () => {
    const title = '“双减”与<课后服务>';
    expect(markTerms(title, normalizeWithMap(title, { compact: true }), ['课后服务', '双减'])).toBe(
      '“<mark>双减</mark>”与&lt;<mark>课后服务</mark>&gt;',
    );
  });
});
