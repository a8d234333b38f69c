import { describe, expect, it } from 'vitest';
import { parseYamlSource, splitFrontMatter } from '../../../src/lib/content/yamlSource.ts';

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
    expect(splitFrontMatter('\uFEFF---\r\na: 1\r\n---\r\n\r\n正文')).toMatchObject({ frontMatter: 'a: 1\r', bodyLine: 4 });
    expect(splitFrontMatter('no front matter')).toBeUndefined();
    expect(splitFrontMatter('---\na: 1\n')).toBeUndefined();
  });
});
