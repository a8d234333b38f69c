// The URL-safety plugins run in the same Markdown processor Astro uses (@astrojs/markdown-remark).
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { collectUnsafeUrls, rehypeSafeUrls, remarkSafeUrls } from '../../../src/lib/content/safeUrls.ts';

const processor = await createMarkdownProcessor({ remarkPlugins: [remarkSafeUrls], rehypePlugins: [rehypeSafeUrls] });

async function check(markdown: string) {
  const path = `/virtual/${Math.random()}.md`;
  const { result, problems } = await collectUnsafeUrls(path, () => processor.render(markdown, { fileURL: new URL(`file://${path}`) } as never));
  return { html: result.code, problems };
}

/** Attributes of the output that could run script: event handlers and non-http(s) URLs. */
function activeAttributes(html: string): string[] {
  return parse(html).querySelectorAll('*').flatMap((el) =>
    Object.entries(el.attributes).flatMap(([name, value]) =>
      /^on/i.test(name) || /^\s*(javascript|vbscript|data):/i.test(value) ? [`${el.tagName} ${name}=${value}`] : [],
    ),
  );
}

describe('URL safety on the parsed tree', () => {
  const hostile: [string, string, number][] = [
    ['plain link', '正文\n\n[点击](javascript:alert(1))', 3],
    ['nested brackets', '[点[击]这里](javascript:alert(1))', 1],
    ['escaped backslash before the link', '\\\\[x](javascript:alert(1))', 1],
    ['reference definition', '见[r]。\n\n[r]: javascript:alert(1)', 3],
    ['unused reference definition', '正文\n\n[r]: javascript:alert(1)', 3],
    ['link text over two lines', '[点击\n这里](javascript:alert(1))', 1],
    ['autolink', '<javascript:alert(1)>', 1],
    ['entity-encoded scheme', '[x](jav&#x61;script:alert(1))', 1],
    ['entity colon', '[x](javascript&colon;alert(1))', 1],
    ['tab in the scheme', '[x](<java\tscript:alert(1)>)', 1],
    ['data: image', '![x](data:image/png;base64,iVBORw0KGgo=)', 1],
    ['image srcset-like title trick', '![x](<javascript:alert(1)> "t")', 1],
    ['vbscript', '[x](vbscript:msgbox)', 1],
    ['raw HTML link', '<a href="javascript:alert(1)">x</a>', 1],
    ['raw HTML event handler', '<img src="x.png" onerror="alert(1)">', 1],
  ];
  it.each(hostile)('refuses a %s and names its line; the HTML keeps no script URL', async (_, markdown, line) => {
    const { html, problems } = await check(markdown);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.line).toBe(line);
    expect(activeAttributes(html)).toEqual([]);
  });

  it('leaves addresses shown as text and plain text alone', async () => {
    const { html, problems } = await check('网址 <https://www.gov.cn/> 与 https://www.moe.gov.cn 及 <mailto:a@example.org>\n\njavascript:alert(1) 作为文字');
    expect(problems).toEqual([]);
    expect(html).toContain('href="https://www.gov.cn/"');
    expect(html).toContain('javascript:alert(1) 作为文字');
  });

  // No page loads anything from another host, whatever Markdown shape the image takes; a link
  // whose text hides its target (a case body is plain text) is refused in every shape.
  const offSite: [string, string, number, RegExp][] = [
    ['reference-style image', '图：![x][p]\n\n[p]: https://other.example/pixel.png', 1, /an image from another address/],
    ['inline image', '![](https://other.example/pixel.png)', 1, /an image from another address/],
    ['protocol-relative image', '![x](//other.example/pixel.png)', 1, /protocol-relative/],
    ['reference link to //host', '见[通知][n]。\n\n[n]: //other.example/x', 3, /protocol-relative/],
    ['inline link split over two lines', '见[通\n知](https://other.example/x)', 1, /a link whose text is not its address/],
    ['empty link', '[](https://other.example/x)', 1, /a link whose text is not its address/],
    ['labelled link', '[政府网站](https://www.gov.cn/)', 1, /a link whose text is not its address/],
  ];
  it.each(offSite)('refuses a %s, naming its line, and renders no URL of another host', async (_, markdown, line, message) => {
    const { html, problems } = await check(markdown);
    expect(problems[0]).toMatchObject({ line, message: expect.stringMatching(message) });
    expect(html).not.toMatch(/other\.example|gov\.cn/);
  });

  it('refuses characters decoded from references in the text, marked as decoded', async () => {
    const { problems } = await check('金额&#x202E;0051元，&#x200B;零宽。');
    expect(problems).toEqual([
      { line: 1, decoded: true, message: expect.stringMatching(/U\+202E RIGHT-TO-LEFT OVERRIDE \(bidi\) decoded from a character reference/) },
    ]);
  });

  it('fails the render where no loader collects the problems', async () => {
    await expect(processor.render('[x](javascript:alert(1))', { fileURL: new URL('file:///page.md') } as never)).rejects.toThrow(/\/page\.md:1: unsafe link target/);
  });
});
