import { describe, expect, it } from 'vitest';
import { highlightHtml } from '../../../src/lib/text/highlight.ts';
import { joinBase } from '../../../src/lib/site/urls.ts';
import { paragraphId, rehypeParagraphIds } from '../../../src/lib/content/rehypeParagraphIds.ts';

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

describe('paragraph ids', () => {
  it('numbers top-level paragraphs only', () => {
    const tree = {
      type: 'root',
      children: [
        { type: 'element', tagName: 'h2', children: [] },
        { type: 'element', tagName: 'p', children: [] },
        { type: 'element', tagName: 'p', properties: { class: 'x' }, children: [] },
      ],
    };
    rehypeParagraphIds()(tree);
    expect(tree.children.map((c) => (c as { properties?: { id?: string } }).properties?.id)).toEqual([
      undefined,
      'p-1',
      'p-2',
    ]);
    expect(paragraphId(0)).toBe('p-1');
  });
});
