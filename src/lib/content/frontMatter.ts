/**
 * Front matter and body of a case file for scripts and tests, read as the cases loader reads it
 * (./yamlSource.ts: the same `---` lines, the same YAML reading, the same body).
 */
import { parseYamlSource, splitFrontMatter } from './yamlSource.ts';

export interface FrontMatterFile<T = Record<string, unknown>> {
  data: T;
  /** Everything after the closing `---` line. */
  body: string;
}

/**
 * `data` is the parsed YAML (an empty object when the file has no front matter); YAML errors
 * throw, naming the file line.
 */
export function readFrontMatter<T = Record<string, unknown>>(text: string): FrontMatterFile<T> {
  const split = splitFrontMatter(text);
  if (!split) return { data: {} as T, body: text };
  const source = parseYamlSource(split.frontMatter, 2);
  const [error] = source.errors;
  if (error) throw new Error(`front matter, line ${error.line}: ${error.message}`);
  return { data: (source.data ?? {}) as T, body: split.body };
}
