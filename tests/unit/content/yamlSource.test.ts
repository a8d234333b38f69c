import { describe, expect, it } from 'vitest';
import { frontMatterRecord, parseYamlSource, splitFrontMatter, yamlRecord } from '../../../src/lib/content/yamlSource.ts';

describe('YAML with lines', () => {
  const text = ['title: 标题', 'measures: [a, b]', 'figures:', '  - label: 甲', '    value: 1', '  - label: 乙', '    quote: 乙1个'].join('\n');
  it('gives the file line of any field path', () => {
    const source = parseYamlSource(text, 2);
    expect(source.lineOf(['title'])).toBe(2);
    expect(source.lineOf(['measures', 1])).toBe(3);
    expect(source.lineOf(['figures', 1, 'quote'])).toBe(8);
    expect(source.lineOf(['figures', 0, 'nope'])).toBe(5);
    expect(source.lineOf(['nope'])).toBe(2);
  });
  it('uses the core schema: no timestamps, no merges, no octal surprises', () => {
    expect(parseYamlSource('d: 2025-02-30\nt: 2025-01-01T10:00:00Z\nn: 0051').data).toEqual({ d: '2025-02-30', t: '2025-01-01T10:00:00Z', n: 51 });
  });
  it('refuses duplicate keys and alias bombs with a line', () => {
    expect(parseYamlSource('a: 1\nb: 2\na: 3').errors[0]?.line).toBe(3);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`)].join('\n');
    expect(parseYamlSource(bomb).errors.length).toBeGreaterThan(0);
  });
  it('splits front matter and knows the body line', () => {
    expect(splitFrontMatter('\uFEFF---\r\na: 1\r\n---\r\n\r\n正文')).toMatchObject({ frontMatter: 'a: 1', bodyLine: 4 });
    // The last field of a CRLF file reads without the line end's `\r`.
    const crlf = splitFrontMatter('---\r\ntitle: T\r\nslug: a-b\r\n---\r\n正文\r\n')!;
    expect(parseYamlSource(crlf.frontMatter, 2).data).toEqual({ title: 'T', slug: 'a-b' });
    expect(splitFrontMatter('no front matter')).toBeUndefined();
    expect(splitFrontMatter('---\na: 1\n')).toBeUndefined();
  });

  it('gives the fields of a record or a case, and nothing for what the build refuses', () => {
    expect(yamlRecord('file: a.txt\nfingerprint: abc')).toEqual({ file: 'a.txt', fingerprint: 'abc' });
    expect(frontMatterRecord('---\r\ntitle: T\r\ndraft: true\r\n---\r\n正文')).toEqual({ title: 'T', draft: true });
    for (const refused of ['a: 1\na: 2', '- a\n- b', 'a: [']) expect(yamlRecord(refused)).toEqual({});
    expect(frontMatterRecord('no front matter')).toEqual({});
  });
});
