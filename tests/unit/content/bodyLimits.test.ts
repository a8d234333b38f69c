// Case bodies are bounded before the Markdown parser sees them (its inline pass is quadratic in
// emphasis delimiters, its block pass recursive in nesting).
import { describe, expect, it } from 'vitest';
import { bodyProblems } from '../../../src/lib/content/bodyLimits.ts';

const FILE = 'content/cases/x.mdx';

describe('case body limits', () => {
  it('refuses a 30 KB paragraph of *a_ at its first line, without parsing it', () => {
    const body = `正文第一段。\n\n${'*a_'.repeat(10_000)}\n`;
    expect(bodyProblems(FILE, body, 12)).toEqual([
      { file: FILE, line: 14, message: expect.stringMatching(/^a paragraph of more than 4000 characters/) },
    ]);
  });

  it('refuses deep nesting at the line that opens it, and a body longer than a case', () => {
    const quotes = bodyProblems(FILE, `正文。\n\n${'> '.repeat(100_000)}引文\n`, 10);
    expect(quotes).toContainEqual({ file: FILE, line: 12, message: expect.stringMatching(/more than 8 nested quote or list markers/) });
    expect(bodyProblems(FILE, `正文。\n\n${'> '.repeat(9)}引文\n`, 10)).toHaveLength(1);
    const long = bodyProblems(FILE, Array.from({ length: 40 }, () => '字'.repeat(2000)).join('\n\n'), 10);
    expect(long[0]?.message).toMatch(/the text is 80\d{3} characters, more than the 60000 a case allows/);
  });

  it('leaves real bodies alone: paragraphs of hundreds of characters, headings, escaped markup', () => {
    const body = `## 一、总体要求\n\n${'郑州市推进集团化办学，新增学位1980个。'.repeat(40)}\n\n\\<附件\\> 1\\. 见下\n`;
    expect(bodyProblems(FILE, body, 12)).toEqual([]);
  });
});
