// The terminal report: no control, bidi or separator character reaches the editor's screen raw.
import { describe, expect, it } from 'vitest';
import {
  escapeTerminal,
  formatReport,
  jsonForTerminal,
  type InputReport,
} from '../../../../src/lib/ingest/run/report.ts';

const hostile = 'A\u001b[2J\u0007B\u202e1500\u202cC\u2028D\u200bE\u0085F\r\nG';

describe('terminal escaping', () => {
  it('shows each unsafe character as an escape', () => {
    expect(escapeTerminal(hostile)).toBe(
      'A\\e[2J\\u{0007}B\\u{202E}1500\\u{202C}C\\u{2028}D\\u{200B}E\\u{0085}F\\r\\nG',
    );
    expect(escapeTerminal('郑州市金水区教育局：新增学位1980个')).toBe('郑州市金水区教育局：新增学位1980个');
  });

  it('escapes every field of a formatted report, one report line per line', () => {
    const report: InputReport = {
      input: `evil${hostile}.txt`,
      status: 'rejected',
      reason: `reason ${hostile}`,
      bodies: [],
      cases: [],
      removed: [{ kind: 'chrome', line: 3, text: hostile }],
      proposedRegions: [],
      uncertain: [hostile],
      files: [],
    };
    const text = formatReport(report);
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/);
    expect(text.split('\n').every((l) => !l.includes('G') || l.includes('\\nG'))).toBe(true);
  });

  it('keeps --json valid JSON while escaping bidi and separators', () => {
    const json = jsonForTerminal([{ text: hostile }]);
    expect(json).not.toMatch(/[\u001b\u0007\u202e\u2028\u0085]/);
    expect(JSON.parse(json)).toEqual([{ text: hostile }]);
  });
});
