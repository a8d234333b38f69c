/**
 * Content files read the way an editor wrote them: YAML 1.2 core schema (no timestamps — an
 * unquoted 2025-02-30 stays a string; no `<<` merges), duplicate keys refused, aliases capped,
 * and a line number for every field path so each error can point at the line to fix.
 * Used for case front matter and source records instead of Astro's YAML reading (js-yaml's
 * default schema turns unquoted dates into rolled-over Date objects). The one reader of content
 * YAML: the loaders, the studio, the ingest CLI's index of the casebook and the scripts read
 * front matter and records here (`readFrontMatter` of ./frontMatter.ts for scripts and tests).
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type YAMLError, type Node as YamlNode } from 'yaml';

export interface YamlSource {
  /** The parsed value (plain JS), or undefined when the YAML has errors. */
  data: unknown;
  errors: { line: number; message: string }[];
  /** 1-based file line of a field path such as `figures.2.quote` (nearest existing ancestor). */
  lineOf(path: readonly (string | number)[]): number;
}

/** Parses `text`, whose first line is line `firstLine` of its file. */
export function parseYamlSource(text: string, firstLine = 1): YamlSource {
  const counter = new LineCounter();
  const doc = parseDocument(text, { schema: 'core', merge: false, uniqueKeys: true, prettyErrors: false, lineCounter: counter });
  const lineAt = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const errors = doc.errors.map((e: YAMLError) => ({ line: lineAt(e.pos[0]), message: e.message.split('\n')[0] ?? e.code }));
  let data: unknown;
  if (errors.length === 0) {
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch (error) {
      errors.push({ line: firstLine, message: (error as Error).message });
    }
  }
  return {
    data,
    errors,
    lineOf(path) {
      let node: unknown = doc.contents;
      let line = node && (node as YamlNode).range ? lineAt((node as YamlNode).range![0]) : firstLine;
      for (const segment of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
          if (!pair) break;
          if (isScalar(pair.key) && pair.key.range) line = lineAt(pair.key.range[0]);
          node = pair.value;
        } else if (isSeq(node) && typeof segment === 'number') {
          const item = node.items[segment] as YamlNode | undefined;
          if (!item) break;
          if (item.range) line = lineAt(item.range[0]);
          node = item;
        } else break;
      }
      return line;
    },
  };
}

export interface FrontMatterFile {
  /** The YAML between the `---` lines, starting at file line 2. */
  frontMatter: string;
  /** The text after the closing `---`, and the file line it starts on. */
  body: string;
  bodyLine: number;
}

/** Splits `---` front matter from the body; undefined when the file does not start with it. */
export function splitFrontMatter(text: string): FrontMatterFile | undefined {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  if (lines[0]?.replace(/\r$/, '') !== '---') return undefined;
  const close = lines.findIndex((line, i) => i > 0 && line.replace(/\r$/, '') === '---');
  if (close < 0) return undefined;
  // A CRLF file's last field keeps no `\r` (its line break is the closing line's, outside the YAML).
  const frontMatter = lines.slice(1, close).join('\n').replace(/\r$/, '');
  return { frontMatter, body: lines.slice(close + 1).join('\n'), bodyLine: close + 2 };
}

/** The fields of a YAML map, or an empty record when the text is not a valid map (for listings that skip what the build refuses). */
export function yamlRecord(text: string): Record<string, unknown> {
  const { data } = parseYamlSource(text);
  return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/** The front-matter fields of a case file, or an empty record when it has none or they are not valid. */
export function frontMatterRecord(text: string): Record<string, unknown> {
  const split = splitFrontMatter(text);
  return split ? yamlRecord(split.frontMatter) : {};
}
