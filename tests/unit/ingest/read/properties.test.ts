// Property-based tests of each reader (fast-check): for generated documents — random text with
// controls and escapes, random Markdown, random styled HTML trees, random DOCX runs and PDF text
// with random hiding tricks, random corruptions of real containers — a reader never throws, answers
// within the budget (through the worker), yields only clean text, and never yields hidden text.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BudgetedReader } from '../../../../src/lib/ingest/read/budget/budget.ts';
import { readDocument, readTextDocument, type ReadResult } from '../../../../src/lib/ingest/read/document.ts';
import { READ_LIMITS } from '../../../../src/lib/ingest/read/limits.ts';
import { isCleanText } from '../../../../src/lib/text/unsafeChars.ts';
import { makeDocx, paragraph, run } from '../../../helpers/hostile/docx.ts';
import { makePdf } from '../../../helpers/hostile/pdf.ts';
import { bulletinLines } from '../../../helpers/hostile/inputs.ts';

const SEED = 27;
const enc = (s: string) => new TextEncoder().encode(s);
const SECRET = '秘密标记';

/** Invariants of every result: a refusal with a reason, or clean, non-empty blocks within the limit. */
function expectWellFormed(r: ReadResult): void {
  if (!r.ok) {
    expect(r.reason.length).toBeGreaterThan(0);
    return;
  }
  expect(r.blocks.length).toBeLessThanOrEqual(READ_LIMITS.blocks);
  for (const b of r.blocks) {
    expect(isCleanText(b.text), JSON.stringify(b.text)).toBe(true);
    if (b.kind !== 'image') expect(b.text.trim()).not.toBe('');
  }
  for (const v of Object.values(r.meta)) expect(isCleanText(v!), JSON.stringify(v)).toBe(true);
}

const allText = (r: ReadResult) => (r.ok ? [...r.blocks.map((b) => b.text), ...Object.values(r.meta)].join('\n') : '');

const TEXT_PIECES = [
  '郑州市教育局推进集团化办学。',
  '新增学位1980个',
  '\n',
  '\r\n',
  '\r',
  '\u2028',
  '\u0085',
  '\u202e',
  '\u200b',
  '\u001b[2J',
  '\u0000',
  '\ufeff',
  '\ud800',
  '\udc00',
  '&#x202E;',
  '&#27;',
  '&amp;',
  '\t',
  ' ',
  '⼈',
];

describe('properties of the readers', () => {
  it('plain text: never throws; blocks are clean whatever controls, separators, escapes or surrogates it holds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TEXT_PIECES), { maxLength: 200 }), (pieces) => {
        expectWellFormed(readTextDocument(enc(pieces.join('')), 'x.txt'));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  const MD_PIECES = [
    ...TEXT_PIECES,
    '> ',
    '- ',
    '1. ',
    '# ',
    '**',
    '*',
    '_',
    '[',
    '](',
    ')',
    '![',
    '<div>',
    '</div>',
    '<br>',
    '---\ntitle: "\\u202E标题"\n---\n',
    '    ',
  ];
  it('Markdown: never throws; clean blocks and metadata, whatever the nesting and delimiters', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...MD_PIECES), { maxLength: 300 }), (pieces) => {
        expectWellFormed(readTextDocument(enc(pieces.join('')), 'x.md'));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  const HIDING_STYLES = [
    'display:none',
    'visibility:hidden',
    'opacity:0',
    'font-size:0',
    'font-size:1px',
    'color:#fff',
    'color:transparent',
    'color:#123456;background:#123456',
    'position:absolute;left:-9999px',
    'text-indent:-9999px',
    'width:1px;height:1px;overflow:hidden',
    'clip:rect(0 0 0 0);position:absolute',
  ];
  const VISIBLE_STYLES = ['', 'color:#333', 'font-size:16px', 'background:#fff;color:#000', 'margin:0 auto'];
  type Tree = { tag: string; style: string; hidden: boolean; children: Tree[] };
  const treeOf = (depth: number): fc.Arbitrary<Tree> =>
    fc
      .record({
        // No <p>: a block inside it closes it (the parser's rule), so it would not contain its children.
        tag: fc.constantFrom('div', 'span', 'section', 'em', 'article'),
        hidden: fc.boolean(),
        style: fc.constant(''),
        children: depth ? fc.array(treeOf(depth - 1), { maxLength: 3 }) : fc.constant<Tree[]>([]),
      })
      .chain((t) => fc.constantFrom(...(t.hidden ? HIDING_STYLES : VISIBLE_STYLES)).map((style) => ({ ...t, style })));
  const tree = treeOf(4);
  const html = (t: Tree, inHidden: boolean): string => {
    const hidden = inHidden || t.hidden;
    const text = hidden ? SECRET : '';
    return `<${t.tag} style="${t.style}">${text}${t.children.map((c) => html(c, hidden)).join('')}</${t.tag}>`;
  };
  it('HTML: text under any hiding style, at any depth, never becomes text', () => {
    const body = bulletinLines()
      .map((l) => `<p>${l}</p>`)
      .join('');
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), (trees) => {
        const page = `<!doctype html><html><body><article><h1>简报</h1>${body}${trees.map((t) => html(t, false)).join('')}</article></body></html>`;
        const r = readTextDocument(enc(page), 'x.html');
        expectWellFormed(r);
        expect(allText(r)).not.toContain(SECRET);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  const RUN_HIDING = [
    '<w:vanish/>',
    '<w:webHidden/>',
    '<w:color w:val="FFFFFF"/>',
    '<w:sz w:val="2"/>',
    '<w:color w:val="336699"/><w:shd w:val="clear" w:fill="336699"/>',
  ];
  const RUN_VISIBLE = ['', '<w:b/>', '<w:color w:val="333333"/>', '<w:sz w:val="24"/>', '<w:vanish w:val="0"/>'];
  it('DOCX: every visible run is read, no hidden run is', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ hidden: fc.boolean(), n: fc.nat(99) }), { minLength: 1, maxLength: 30 }),
        fc.nat(),
        async (runs, pick) => {
          const body = bulletinLines().map((l) => paragraph(run(l)));
          const extra = paragraph(
            runs
              .map((r, i) =>
                r.hidden
                  ? run(SECRET, RUN_HIDING[(pick + i) % RUN_HIDING.length])
                  : run(`可见${r.n}号`, RUN_VISIBLE[(pick + i) % RUN_VISIBLE.length]),
              )
              .join(''),
          );
          const r = await readDocument(makeDocx([...body, extra]), 'x.docx');
          expectWellFormed(r);
          const text = allText(r);
          expect(text).not.toContain(SECRET);
          for (const v of runs.filter((x) => !x.hidden)) expect(text).toContain(`可见${v.n}号`);
        },
      ),
      { seed: SEED, numRuns: 40 },
    );
  });

  type Trick = { mode?: number; rgb?: [number, number, number]; size?: number; x?: number };
  const PDF_HIDING: Trick[] = [{ mode: 3 }, { mode: 7 }, { rgb: [1, 1, 1] }, { size: 0.6 }, { x: 2000 }, { x: -900 }];
  it('PDF: text in any hiding state never becomes text; the visible lines are read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(PDF_HIDING.length - 1), { minLength: 1, maxLength: 12 }), async (tricks) => {
        const lines = bulletinLines();
        const runs = lines.map((text, i) => ({ text, x: 72, y: 780 - i * 20 }));
        tricks.forEach((t, i) => runs.push({ text: SECRET, x: 72, y: 380 - i * 20, ...PDF_HIDING[t] }));
        const r = await readDocument(makePdf([{ runs }]), 'x.pdf');
        expectWellFormed(r);
        const text = allText(r);
        expect(text).not.toContain(SECRET);
        expect(text).toContain('新增优质学位1011个');
      }),
      { seed: SEED, numRuns: 25 },
    );
  });
});

describe('property: any corruption of a real container is answered within the budget', () => {
  const reader = new BudgetedReader();
  afterAll(() => reader.close());
  const docx = makeDocx(bulletinLines().map((l) => paragraph(run(l))));
  const pdf = makePdf([{ runs: bulletinLines().map((text, i) => ({ text, x: 72, y: 780 - i * 20 })) }], {
    compress: true,
  });
  it.each([
    ['DOCX', docx, 'x.docx'],
    ['PDF', pdf, 'x.pdf'],
  ] as const)('%s with random bytes overwritten', async (_, original, name) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(original.length - 1), fc.nat(255)), { minLength: 1, maxLength: 40 }),
        async (edits) => {
          const bytes = Buffer.from(original);
          for (const [at, value] of edits) bytes[at] = value;
          const r = await reader.read(bytes, name);
          expectWellFormed(r);
        },
      ),
      { seed: SEED, numRuns: 20 },
    );
  });
});
