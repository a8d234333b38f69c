// Hostile inputs of issue 27, generated here, read the way the CLI and the build read them: in the
// budgeted worker. Class 1 (time and memory): every input up to the byte cap is read or refused by
// a limit that names itself — never left to the runtime's deadline. Class 2: text a reader of the
// original never sees never becomes text, and each drop is named. Class 3: values decoded from
// escapes meet the same character rule as typed text.
import { afterAll, describe, expect, it } from 'vitest';
import { BudgetedReader, READ_BUDGET } from '../../../../src/lib/ingest/read/budget/budget.ts';
import type { ReadResult } from '../../../../src/lib/ingest/read/document.ts';
import { isCleanText } from '../../../../src/lib/text/unsafeChars.ts';
import { budgetInputs, escapeInputs, HIDDEN, hiddenTextInputs } from '../../../helpers/hostile/inputs.ts';

const reader = new BudgetedReader();
afterAll(() => reader.close());

const textOf = (r: ReadResult) => (r.ok ? [...r.blocks.map((b) => b.text), ...Object.values(r.meta)].join('\n') : '');

/** What each class-1 input must come to: the limit named in its refusal, or read. */
const EXPECTED: Record<string, RegExp> = {
  'DOCX of tiny runs': /limit “docxRuns”/,
  'DOCX of tiny paragraphs': /limit “docxParagraphs”/,
  'DOCX zip bomb (headers understate)': /limit “docxInflatedBytes”/,
  'PDF stream inflating to 1 GiB': /limit “pdfInflatedBytes”/,
  'PDF of many pages': /limit “pdfPages”/,
  'PDF of 100,000 text items': /^read$/,
  'HTML nested 100,000 deep': /limit “htmlDepth”/,
  '1.8 MB of character references': /limit “entities”/,
  'one 1.9 MB Markdown line': /^read$/,
  'Markdown of emphasis delimiters': /limit “markdownDelimiters”/,
  '100,000 nested > quotes': /limit “markdownNesting”/,
  'one 1.9 MB text line': /^read$/,
};

describe('class 1: any input up to the byte cap is read or refused by a named limit', () => {
  // Full size except the two bombs, whose size beyond the limit changes nothing but the time to
  // make them, and the 100,000 text items, read in about 3 s (half here: the suite shares the
  // machine; npm run bench:hostile reads the full size).
  const scaled: Record<string, number> = {
    'DOCX zip bomb (headers understate)': 0.16,
    'PDF stream inflating to 1 GiB': 0.16,
    'PDF of 100,000 text items': 0.5,
  };
  const inputs = budgetInputs().map((input) =>
    scaled[input.name] ? budgetInputs(scaled[input.name]).find((i) => i.name === input.name)! : input,
  );
  it.each(inputs.map((i) => [i.name, i] as const))('%s', async (name, input) => {
    const bytes = await input.bytes();
    expect(bytes.length).toBeLessThanOrEqual(2 * 1024 * 1024);
    const r = await reader.read(bytes, input.file);
    expect(r.ok ? 'read' : r.reason).toMatch(EXPECTED[name]!);
    if (!r.ok) expect(r.reason).not.toMatch(/time limit|heap limit|memory limit/);
  });

  it('the runtime refuses a read past its deadline or heap, naming the limit, and the next read works', async () => {
    const slow = new BudgetedReader({ ...READ_BUDGET, seconds: 0.3 });
    const items = budgetInputs().find((i) => i.name === 'PDF of 100,000 text items')!;
    const late = await slow.read(await items.bytes(), items.file);
    expect(!late.ok && late.reason).toMatch(/longer than the 0.3 s time limit per input/);
    // 27,000 runs are within the run limit; mammoth needs far more than 48 MB for them.
    const small = new BudgetedReader({ ...READ_BUDGET, heapMb: 48 });
    const runs = budgetInputs(0.09).find((i) => i.name === 'DOCX of tiny runs')!;
    const heavy = await small.read(await runs.bytes(), runs.file);
    expect(!heavy.ok && heavy.reason).toMatch(/needed more than the 48 MB heap limit per input/);
    await small.close();
    const after = await slow.read(Buffer.from('郑州市教育局推进集团化办学。'.repeat(20)), 'ok.txt');
    expect(after.ok).toBe(true);
    await slow.close();
  });
});

describe('class 2: hidden text never becomes text, and each drop is named', () => {
  const reasons: Record<string, RegExp[]> = {
    'DOCX hidden runs': [/hidden \(w:vanish\)/, /same colour as the background/, /tiny type/],
    'PDF hidden text': [/invisible render mode/, /same colour as the background/, /tiny type/, /off the page/],
    'HTML hidden elements': [
      /hidden by its style/,
      /type too small/,
      /same colour as the background/,
      /off-screen/,
      /clipped/,
    ],
    'Markdown with hidden raw HTML': [/hidden by its style/, /same colour as the background/],
  };
  it.each(hiddenTextInputs().map((i) => [i.name, i] as const))('%s', async (name, input) => {
    const r = await reader.read(await input.bytes(), input.file);
    expect(r.ok, !r.ok ? r.reason : '').toBe(true);
    if (!r.ok) return;
    const text = textOf(r);
    for (const marker of Object.values(HIDDEN)) expect(text).not.toContain(marker);
    expect(text).toContain('新增优质学位1005个');
    for (const reason of reasons[name]!) expect(r.notes.join('\n')).toMatch(reason);
    expect(r.notes.join('\n')).toMatch(/hidden text left out .* e\.g\. “/);
  });

  it('an OCR’d scan (all text invisible, over the page image) is read from its text layer, and says so', async () => {
    const { makePdf } = await import('../../../helpers/hostile/pdf.ts');
    const lines = [
      '郑州市教育局工作简报',
      ...Array.from({ length: 8 }, () => '郑州市教育局推进集团化办学，新增学位1000个。'),
    ];
    const pdf = makePdf([{ runs: lines.map((text, i) => ({ text, x: 72, y: 780 - i * 20, mode: 3 })) }]);
    const r = await reader.read(pdf, 'ocr.pdf');
    expect(r.ok && r.notes.join()).toMatch(/OCR’d scan/);
    expect(textOf(r)).toContain('新增学位1000个');
  });
});

describe('class 3: characters decoded from escapes meet the shared character rule', () => {
  it.each(escapeInputs().map((i) => [i.name, i] as const))('%s: blocks and metadata are clean', async (_, input) => {
    const r = await reader.read(await input.bytes(), input.file);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    for (const b of r.blocks) expect(isCleanText(b.text), JSON.stringify(b.text)).toBe(true);
    for (const v of Object.values(r.meta)) expect(isCleanText(v!), JSON.stringify(v)).toBe(true);
    expect(r.meta.title).toBeTruthy();
  });
});
