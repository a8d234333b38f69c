// Raw text never becomes code: escaping renders literally and reads back exactly.
import { compile } from '@mdx-js/mdx';
import { describe, expect, it } from 'vitest';
import { bodyMdx } from '../../../../src/lib/ingest/draft/files.ts';
import { escapeMdxBlock, escapeMdxText } from '../../../../src/lib/ingest/draft/escapeMdx.ts';
import { bodyBlocks, paragraphs, unescapeMdx } from '../../../../src/lib/text/bodyText.ts';

const NASTY = [
  '{process.exit(1)}',
  '<script>alert(1)</script>',
  'export const x = 1',
  'import x from "y"',
  '<Foo />',
  '文字{a}和<b>混在一起',
  '# 不是标题',
  '- 不是列表',
  '1. 不是有序列表',
  '2) 也不是',
  '*强调* _下划线_ `代码` ~删除~ [链接](http://x) ![图](y)',
  '反斜杠\\{ 和 \\\\ 以及结尾的\\',
  '&amp; 和 &#123; 应原样显示',
  '---',
  '+ 加号开头',
  '<!-- 注释 -->',
];

describe('escapeMdx', () => {
  it('escapes braces, angle brackets and Markdown punctuation', () => {
    expect(escapeMdxText('{x}<y>*_`[]~\\')).toBe('\\{x\\}\\<y\\>\\*\\_\\`\\[\\]\\~\\\\');
    expect(escapeMdxText('&amp; & x')).toBe('\\&amp; & x');
  });

  it('neutralises line-start syntax and import/export blocks', () => {
    expect(escapeMdxBlock('# x')).toBe('\\# x');
    expect(escapeMdxBlock('- x')).toBe('\\- x');
    expect(escapeMdxBlock('1. x')).toBe('1\\. x');
    expect(escapeMdxBlock('export const x = 1')).toBe(' export const x = 1');
    expect(escapeMdxBlock('important')).toBe('important');
  });

  it.each(NASTY)('reads back exactly what was escaped: %s', (text) => {
    expect(unescapeMdx(escapeMdxText(text))).toBe(text);
    expect(paragraphs(escapeMdxBlock(text))).toEqual([text]);
  });

  it('reads headings and paragraphs of a whole body back exactly', () => {
    const items = NASTY.map((text, i) =>
      i % 4 === 0
        ? { kind: 'heading' as const, text, depth: 2, line: i }
        : { kind: 'paragraph' as const, text, line: i },
    );
    expect(bodyBlocks(bodyMdx(items)).map((b) => b.text)).toEqual(NASTY);
  });

  it.each(NASTY)('compiles with MDX to literal text, no code: %s', async (text) => {
    const js = String(await compile(escapeMdxBlock(text), { outputFormat: 'function-body' }));
    const literal = /children: ("(?:[^"\\]|\\.)*")/.exec(js);
    const code = js.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect(code).not.toMatch(/process|alert|const x|_missingMdxReference|import|Foo|script/);
    expect(literal && JSON.parse(literal[1]!)).toBe(text.replace(/\\$/, '\\'));
  });
});
