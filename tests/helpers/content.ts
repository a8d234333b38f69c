/**
 * The casebook as its content files state it, for tests that derive their expectations
 * from content/ instead of pinning today's cases (counts, slugs, first results).
 * Reads a site root (the project, or a temp copy of it) with the build's own front-matter reader.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONTENT_PATHS, readMeasures, readThemes } from '../../src/lib/content/contentFiles.ts';
import { readFrontMatter } from '../../src/lib/content/frontMatter.ts';
import { projectRoot } from './tempSite.ts';

export interface CaseFigure {
  label: string;
  value: number;
  unit: string;
  quote: string;
  display?: string;
  measure?: string;
}

export interface CaseData {
  title: string;
  summary: string;
  region: string;
  body: string;
  date: string;
  source: string;
  measures: string[];
  figures?: CaseFigure[];
}

export interface CaseFile {
  slug: string;
  data: CaseData;
  /** The MDX body under the front matter. */
  body: string;
}

export interface SourceFile {
  key: string;
  title: string;
  /** The raw bulletin in seeds/. */
  file: string;
}

const names = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .sort()
    .map((f) => f.slice(0, -ext.length));

/** Every case file, sorted by slug. */
export function readCaseFiles(root = projectRoot): CaseFile[] {
  const dir = join(root, CONTENT_PATHS.cases);
  return names(dir, '.mdx').map((slug) => {
    const { data, body } = readFrontMatter<CaseData>(readFileSync(join(dir, `${slug}.mdx`), 'utf8'));
    return { slug, data: { ...data, date: String(data.date) }, body };
  });
}

/** Every source record, sorted by key. */
export function readSourceFiles(root = projectRoot): SourceFile[] {
  const dir = join(root, CONTENT_PATHS.sources);
  return names(dir, '.yaml').map((key) => ({
    key,
    ...(parse(readFileSync(join(dir, `${key}.yaml`), 'utf8')) as Omit<SourceFile, 'key'>),
  }));
}

export { readMeasures, readThemes };
