/** The curated cases' figures as content/ has them today, for tests that must not pin content. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from './tempSite.ts';

export interface ContentFigure {
  label: string;
  value: number;
  unit: string;
  kind: string;
  measure?: string;
  metric?: string;
  period?: { from?: number; to?: number };
}

export interface ContentCase {
  id: string;
  title: string;
  measures: string[];
  figures: ContentFigure[];
}

export function contentCases(root = projectRoot): ContentCase[] {
  const dir = join(root, 'content/cases');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const data = parse(readFileSync(join(dir, f), 'utf8').split(/^---$/m)[1]!) as Omit<ContentCase, 'id'>;
      return { id: f.replace(/\.mdx$/, ''), ...data, figures: data.figures ?? [] };
    });
}

export function metricNames(root = projectRoot): Map<string, string> {
  const vocab = parse(readFileSync(join(root, 'content/taxonomy/metrics.yaml'), 'utf8')) as Record<
    string,
    { id: string; name: string }[]
  >;
  return new Map(
    Object.entries(vocab).flatMap(([measure, list]) => list.map((m) => [`${measure}/${m.id}`, m.name] as const)),
  );
}

export const metricKey = (f: ContentFigure) => `${f.measure ?? 'general'}/${f.metric}`;
