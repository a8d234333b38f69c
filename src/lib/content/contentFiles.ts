/**
 * Reading the taxonomy and region lists from content/ outside Astro's collections, for
 * the zod schemas (valid keys must be known when the schema is built) and the ingest CLI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { regionPathsOf } from '../model/regions.ts';
import type { MeasureTerms } from '../model/tagging.ts';

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
  return regionPathsOf(readFileSync(join(root, CONTENT_PATHS.regions), 'utf8'));
}

/** 1-based line of the first line in `text` containing `needle` (for error messages). */
export function lineOf(text: string, needle: string): number | undefined {
  const at = text.indexOf(needle);
  return at < 0 ? undefined : text.slice(0, at).split('\n').length;
}
