/**
 * Reading the taxonomy and region lists from content/ outside Astro's collections, for
 * the zod schemas (valid keys must be known when the schema is built) and the ingest CLI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { MeasureTerms } from './tagging.ts';

export interface MeasureRecord extends MeasureTerms {
  theme: string;
  definition: string;
  related?: string[];
}

export interface ThemeRecord {
  id: string;
  name: string;
  description: string;
}

export const CONTENT_PATHS = {
  cases: 'content/cases',
  sources: 'content/sources',
  measures: 'content/taxonomy/measures.yaml',
  themes: 'content/taxonomy/themes.yaml',
  regions: 'content/regions.yaml',
} as const;

function readYaml(root: string, path: string): unknown {
  return parse(readFileSync(join(root, path), 'utf8'));
}

export function readMeasures(root = process.cwd()): MeasureRecord[] {
  return (readYaml(root, CONTENT_PATHS.measures) as MeasureRecord[]).map((m) => ({ ...m, aliases: m.aliases ?? [] }));
}

export function readThemes(root = process.cwd()): ThemeRecord[] {
  return readYaml(root, CONTENT_PATHS.themes) as ThemeRecord[];
}

/** Region name paths with their 1-based line numbers in content/regions.yaml. */
export function readRegionPaths(root = process.cwd()): { path: string; line: number }[] {
  const lines = readFileSync(join(root, CONTENT_PATHS.regions), 'utf8').split(/\r?\n/);
  return lines.flatMap((text, i) => {
    const m = /^\s*-\s+(.+?)\s*$/.exec(text.replace(/\s+#.*$/, ''));
    return m ? [{ path: m[1]!.replace(/^["']|["']$/g, ''), line: i + 1 }] : [];
  });
}

/** 1-based line of the first line in `text` containing `needle` (for error messages). */
export function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}

/**
 * 1-based line of a front-matter field given a schema issue path such as `date`,
 * `measures.0` or `figures.2.quote`, so schema errors can point at the line to fix.
 * Falls back to the nearest enclosing field that is found.
 */
export function frontMatterLine(text: string, path: string): number | undefined {
  const lines = text.split(/\r?\n/);
  const [top, index, field] = path.split('.');
  const topLine = lines.findIndex((l) => new RegExp(`^${top}\\s*:`).test(l));
  if (topLine < 0) return undefined;
  if (index === undefined || !/^\d+$/.test(index)) return topLine + 1;
  // Inline list `measures: [a, b]`: the item is on the key's line.
  if (/:\s*\[/.test(lines[topLine]!)) return topLine + 1;
  let item = -1;
  for (let i = topLine + 1; i < lines.length && /^(\s|$)/.test(lines[i]!); i++) {
    if (/^\s*-\s/.test(lines[i]!) && /^\s{0,4}-/.test(lines[i]!)) item++;
    if (item === Number(index)) {
      if (!field) return i + 1;
      for (let j = i; j < lines.length && (j === i || !/^\s{0,4}-\s/.test(lines[j]!)); j++) {
        if (new RegExp(`^\\s*(-\\s+)?${field}\\s*:`).test(lines[j]!)) return j + 1;
      }
      return i + 1;
    }
  }
  return topLine + 1;
}
