import { describe, expect, it } from 'vitest';
import { highlightHtml } from '../../src/lib/highlight.ts';
import { joinBase } from '../../src/lib/urls.ts';
import { frontMatterLine } from '../../src/lib/contentFiles.ts';
import { paragraphId, rehypeParagraphIds } from '../../src/lib/rehypeParagraphIds.ts';

describe('highlight', () => {
  it('escapes HTML and marks terms, longest first', () => {
    expect(highlightHtml('<b>县管校聘改革</b>与县管', ['县管', '县管校聘'])).toBe(
      '&lt;b&gt;<mark>县管校聘</mark>改革&lt;/b&gt;与<mark>县管</mark>',
    );
  });
});

describe('urls', () => {
  it('joins paths under the configured base', () => {
    expect(joinBase('/', 'cases/a/')).toBe('/cases/a/');
    expect(joinBase('/casebook', '/cases/a/')).toBe('/casebook/cases/a/');
    expect(joinBase('/casebook/', '')).toBe('/casebook/');
  });
});

describe('front-matter lines for error messages', () => {
  const text = ['---', 'title: T', 'date: "2022"', 'measures: [a, b]', 'figures:', '  - label: A', '    quote: qa', '  - label: B', '    value: 2', '    quote: qb', '---'].join('\n');
  it('finds top-level, inline-list and nested fields', () => {
    expect(frontMatterLine(text, 'date')).toBe(3);
    expect(frontMatterLine(text, 'measures.1')).toBe(4);
    expect(frontMatterLine(text, 'figures.1')).toBe(8);
    expect(frontMatterLine(text, 'figures.1.quote')).toBe(10);
    expect(frontMatterLine(text, 'figures.0.quote')).toBe(7);
    expect(frontMatterLine(text, 'missing')).toBeUndefined();
  });
});

describe('paragraph ids', () => {
  it('numbers top-level paragraphs only', () => {
    const tree = { type: 'root', children: [
      { type: 'element', tagName: 'h2', children: [] },
      { type: 'element', tagName: 'p', children: [] },
      { type: 'element', tagName: 'p', properties: { class: 'x' }, children: [] },
    ] };
    rehypeParagraphIds()(tree);
    expect(tree.children.map((c) => (c as { properties?: { id?: string } }).properties?.id)).toEqual([undefined, 'p-1', 'p-2']);
    expect(paragraphId(0)).toBe('p-1');
  });
});
