import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../../src/lib/content/frontMatter.ts';

describe('readFrontMatter', () => {
  it('splits YAML front matter from the body and parses it', () => {
    const { data, body } = readFrontMatter(
      '---\ntitle: 标题\ndate: "2022"\nmeasures: [a, b]\n---\n\n正文第一段。\n\n---\n\n第二段。\n',
    );
    expect(data).toEqual({ title: '标题', date: '2022', measures: ['a', 'b'] });
    // Everything after the closing line is the body; a later `---` (a thematic break) belongs to it.
    expect(body).toBe('\n正文第一段。\n\n---\n\n第二段。\n');
  });

  it('reads files with a byte-order mark and CRLF line ends', () => {
    const { data, body } = readFrontMatter('\uFEFF---\r\ntitle: T\r\n---\r\n正文\r\n');
    expect(data).toEqual({ title: 'T' });
    expect(body.trim()).toBe('正文');
  });

  it('gives an empty object and the whole text when there is no front matter', () => {
    expect(readFrontMatter('只有正文')).toEqual({ data: {}, body: '只有正文' });
  });

  it('throws on malformed YAML, naming the file line', () => {
    expect(() => readFrontMatter('---\ntitle: [unclosed\n---\n')).toThrow(/line 2: /);
  });

  it('reads YAML as the build does: an unquoted date stays the text it is', () => {
    expect(readFrontMatter('---\ndate: 2025-02-30\n---\n').data).toEqual({ date: '2025-02-30' });
  });
});
