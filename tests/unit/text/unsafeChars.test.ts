import { describe, expect, it } from 'vitest';
import { SaxesParser } from 'saxes';
import {
  codePointLabel,
  isCleanText,
  unsafeCharacters,
  visibleControls,
  xmlSafe,
} from '../../../src/lib/text/unsafeChars.ts';
import { escapeTerminal, jsonForTerminal } from '../../../src/lib/ingest/run/report.ts';

describe('unsafe characters', () => {
  it('finds C0/C1 controls, bidi, zero-width and separators with line and column', () => {
    const text = '第一行\n有\u001b[2J清屏\n金额\u202e0051\u202c元\n\u200b\u2028\u0085\r孤立';
    expect(unsafeCharacters(text).map((c) => [c.line, c.column, c.codePoint])).toEqual([
      [2, 2, 'U+001B'],
      [3, 3, 'U+202E'],
      [3, 8, 'U+202C'],
      [4, 1, 'U+200B'],
      [4, 2, 'U+2028'],
      [4, 3, 'U+0085'],
      [4, 4, 'U+000D'],
    ]);
    expect(unsafeCharacters('a\u0000b')[0]?.description).toBe('U+0000 NUL');
    expect(unsafeCharacters('x\u202ey')[0]?.description).toMatch(/RIGHT-TO-LEFT OVERRIDE/);
  });

  it('allows tab, newline, CRLF, a leading BOM and ordinary Chinese text', () => {
    const text = '\uFEFF标题\r\n\t正文，〇、“引号”《书名》——145.56亿元\n😀';
    expect(unsafeCharacters(text)).toEqual([]);
    expect(isCleanText(text)).toBe(true);
  });

  it('finds lone surrogates', () => {
    expect(unsafeCharacters('a\uD800b\uDC00').map((c) => c.codePoint)).toEqual(['U+D800', 'U+DC00']);
  });

  it('makes hidden characters visible for the raw view', () => {
    expect(visibleControls('甲\u202e乙\u0007丙\n丁')).toBe('甲⟨U+202E⟩乙⟨U+0007⟩丙\n丁');
  });

  it('scans a 2 MB adversarial text in one linear pass', () => {
    const text = ('\u202e\n' + ' '.repeat(1000) + '\r').repeat(2000) + '甲'.repeat(100_000);
    expect(text.length).toBeGreaterThan(2_000_000);
    expect(unsafeCharacters(text)).toHaveLength(4000);
    expect(visibleControls(text)).not.toMatch(/[\u202e]/);
  });

  it('xmlSafe output is well-formed XML text, whatever the input', () => {
    let everything = '';
    for (let c = 0; c < 0x3000; c++) everything += String.fromCharCode(c);
    everything += '\uD800\uDFFF\uFFFE\uFFFF😀';
    const parser = new SaxesParser();
    const errors: string[] = [];
    parser.on('error', (e) => errors.push(e.message));
    const escaped = xmlSafe(everything).replace(/&/g, '&amp;').replace(/</g, '&lt;');
    parser.write(`<t>${escaped}</t>`).close();
    expect(errors).toEqual([]);
  });
});

describe('the one unsafe list, wherever text leaves', () => {
  // One of each class and of the edge cases the lists once disagreed on.
  const samples = [
    '\u00ad',
    '\u034f',
    '\u180e',
    '\u2028',
    '\u2029',
    '\ufdd0',
    '\ufffe',
    '\uffff',
    '\u{e0041}',
    '\u202e',
    '\u001b',
    '\u0085',
  ];

  it('is what the ingest report escapes for a terminal, in lines and in JSON', () => {
    for (const c of samples) {
      const label = codePointLabel(c);
      expect(isCleanText(`a${c}b`), label).toBe(false);
      expect(escapeTerminal(`a${c}b`), label).toMatch(/^a\\(u\{[0-9A-F]+\}|e)b$/);
      const json = jsonForTerminal({ text: `a${c}b` });
      expect(isCleanText(json), label).toBe(true);
      expect(JSON.parse(json), label).toEqual({ text: `a${c}b` });
    }
  });
});
