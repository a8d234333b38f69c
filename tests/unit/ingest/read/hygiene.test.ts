// Text hygiene (decode references first, normalise, strip controls and invisibles, flag bidi)
// and a hang guard for every cleaning step: each must stay linear on a 2 MB adversarial input.
import { describe, expect, it } from 'vitest';
import {
  chromeKind,
  cleanHeading,
  cleanParagraph,
  curlyQuotes,
  dedupeParagraphs,
  fullWidthPunctuation,
  normalizeChars,
  tidyHeadingSpaces,
  tidySpaces,
} from '../../../../src/lib/ingest/structure/cleanLines.ts';
import { latestReportedYear } from '../../../../src/lib/ingest/structure/dating.ts';
import {
  decodeReferences,
  hygiene,
  normalizeLineBreaks,
  normalizeUnicode,
  stripBidi,
  stripInvisible,
} from '../../../../src/lib/ingest/read/hygiene.ts';
import { dropNoise, isCssText, stripDecorations } from '../../../../src/lib/ingest/structure/exportNoise.ts';
import { findOrgs, placesIn } from '../../../../src/lib/ingest/structure/orgs.ts';
import { toBlocks } from '../../../../src/lib/ingest/structure/structure.ts';
import { divisions, run } from '../context.ts';

describe('hygiene', () => {
  it('decodes references once, before anything else: &#10; is a real line break, &amp;#10; stays text', () => {
    expect(decodeReferences('第一行&#10;第二行&#x1b;&nbsp;&amp;#10;')).toBe('第一行\n第二行\u001b\u00a0&#10;');
    expect(hygiene('甲&#10;乙&#27;[2J丙').text).toBe('甲\n乙[2J丙');
  });

  it('makes every line separator a newline (U+2028, U+2029, NEL, CR)', () => {
    expect(normalizeLineBreaks('a\u2028b\u2029c\u0085d\r\ne\rf')).toBe('a\nb\nc\nd\ne\nf');
  });

  it('normalises compatibility ideographs and radicals, but not full-width punctuation', () => {
    expect(normalizeUnicode('⼈才，⻓期⻔户（１）')).toBe('人才，长期门户（１）');
    expect(normalizeUnicode('e\u0301')).toBe('é');
  });

  it('strips C0/C1 controls except tab and newline, and zero-width characters', () => {
    expect(stripInvisible('a\u0000b\u0007c\u001bd\u009be\tf\ng\u200bh\ufeffi\u00adj')).toBe('abcde\tf\nghij');
  });

  it('removes bidi controls and says on which lines they were', () => {
    const { text, bidi } = stripBidi('第一行\n学位\u202e0051\u202c个\n\u2066x\u2069');
    expect(text).toBe('第一行\n学位0051个\nx');
    expect(bidi).toEqual({ count: 4, lines: [2, 3] });
  });

  it('flags bidi controls in the ingest report, and nothing of them reaches the draft', () => {
    const body =
      '郑州市金水区教育局推进集团化办学，新组建教育集团\u202e21\u202c个，集团化办学覆盖全区公办中小学，持续扩大优质教育资源供给。'.repeat(
        4,
      );
    const r = run(
      `金水区推进集团化办学\n\n2025年3月1日\n\n${body}\n\n集团化办学成效显著，群众满意度不断提升。集团化办学让更多孩子享有优质教育。`,
    );
    expect(r.report.uncertain.some((u) => /bidi/.test(u))).toBe(true);
    expect(r.cases.map((c) => c.text).join('')).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });

  it('splits lines at decoded entity newlines, so an `import` line cannot start a block unescaped', () => {
    const r = run(
      `金水区推进集团化办学\n\n2025年3月1日\n\n${'郑州市金水区教育局推进集团化办学，扩大优质教育资源供给，群众满意度不断提升。'.repeat(5)}&#10;&#10;import x from 'y'&#10;export const a = 1\n\n${'集团化办学覆盖全区公办中小学，教育集团持续扩大。'.repeat(4)}`,
    );
    const body = r.cases[0]!.text.split(/^---$/m)[2]!;
    expect(body).not.toMatch(/^(import|export)\b/m);
    expect(body).toContain('import x');
  });
});

// Hang guard: a generous bound, not a benchmark (speed targets live in scripts/bench*). CPU
// time, not wall time: eight sessions share two cores, and a quadratic step on 2 MB takes
// minutes either way.
const cpuMs = (fn: () => unknown) => {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};
const MB2 = 2 * 1024 * 1024;
const spaces = ' '.repeat(MB2);
const mixed = `中文${' '.repeat(MB2 / 2)},${' '.repeat(MB2 / 2)}文字`;
const punct = ',.:;?!'.repeat(MB2 / 6);
const nested = `${'('.repeat(MB2 / 4)}中${')'.repeat(MB2 / 4)}${'（中'.repeat(MB2 / 8)}`;
const entities = '&#10;&amp;&#x202e;'.repeat(MB2 / 18);
const quotes = '"中"'.repeat(MB2 / 3);
const bidi = '\u202e1\u202c\n'.repeat(MB2 / 4);
const inputs = { spaces, mixed, punct, nested, entities, quotes, bidi };

function fast(name: string, fn: (s: string) => unknown) {
  for (const [kind, input] of Object.entries(inputs)) {
    it(`${name}: 2 MB of ${kind} in under a second`, () => {
      expect(cpuMs(() => fn(input))).toBeLessThan(1000);
    });
  }
}

describe('every cleaning step is linear', () => {
  fast('hygiene', (s) => hygiene(s));
  fast('normalizeChars', normalizeChars);
  fast('fullWidthPunctuation', fullWidthPunctuation);
  fast('curlyQuotes', curlyQuotes);
  fast('tidySpaces', tidySpaces);
  fast('tidyHeadingSpaces', tidyHeadingSpaces);
  fast('cleanParagraph', cleanParagraph);
  fast('cleanHeading', cleanHeading);
  fast('chromeKind', chromeKind);
  fast('stripDecorations', stripDecorations);
  fast('isCssText', isCssText);
  fast('latestReportedYear', latestReportedYear);
  fast('findOrgs', (s) => findOrgs(s, divisions));
  fast('dropNoise (as lines)', (s) =>
    dropNoise(
      s
        .split('\n')
        .slice(0, 20000)
        .map((text, i) => ({ kind: 'paragraph' as const, text, line: i + 1 })),
    ),
  );

  for (const kind of ['spaces', 'mixed', 'punct', 'nested', 'quotes'] as const) {
    it(`toBlocks: 2 MB of ${kind} on one line in under a second`, () => {
      expect(cpuMs(() => toBlocks(inputs[kind]))).toBeLessThan(1000);
    });
  }

  it('toBlocks joins 20,000 wrapped lines into one paragraph (pieces are joined once)', () => {
    const text = '教育集团持续扩大优质资源供给，并且\n'.repeat(20_000);
    let blocks: unknown[] = [];
    expect(cpuMs(() => (blocks = toBlocks(text)))).toBeLessThan(1000);
    expect(blocks).toHaveLength(1);
  });

  it('latestReportedYear on 2 MB of years without punctuation', () => {
    let year: number | undefined;
    expect(cpuMs(() => (year = latestReportedYear('2020年'.repeat(MB2 / 5))?.year))).toBeLessThan(1000);
    expect(year).toBe(2020);
  });

  it('dedupeParagraphs on 20,000 distinct paragraphs sharing a prefix', () => {
    const paragraphs = Array.from({ length: 20_000 }, (_, i) => `全区教育集团持续扩大优质资源供给第${i}项工作取得成效`);
    let dups: unknown[] = [];
    expect(cpuMs(() => (dups = dedupeParagraphs(paragraphs)))).toBeLessThan(1000);
    expect(dups).toEqual([]);
  });

  it('findOrgs and placesIn on 2 MB of body and place names', () => {
    const text = '成都市锦江区教育局'.repeat(MB2 / 9);
    let found = 0;
    expect(cpuMs(() => (found = placesIn(text, divisions).length))).toBeLessThan(1000);
    expect(found).toBeGreaterThan(1000);
    expect(cpuMs(() => (found = findOrgs(text, divisions).length))).toBeLessThan(1000);
    expect(found).toBeGreaterThan(1000);
  });
});
