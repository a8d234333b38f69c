/**
 * The studio's data (src/lib/studio/data.ts), read from content/ at build time. Readings are
 * computed here with pinyin-pro so that the studio's page carries no pinyin dictionary.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { CONTENT_PATHS, readMeasures } from '../lib/content/contentFiles.ts';
import { frontMatterRecord, yamlRecord } from '../lib/content/yamlSource.ts';
import { loadDivisionDataset } from '../lib/model/divisionData.ts';
import { isDraftCase } from '../lib/studio/caseFile.ts';
import { draftOnlySources } from '../lib/model/drafts.ts';
import { loadMetrics } from '../lib/content/loadMetrics.ts';
import { shortRegionName } from '../lib/model/regions.ts';
import type { StudioCase, StudioData } from '../lib/studio/data.ts';

const reading = (name: string) => pinyin(name, { toneType: 'none', type: 'array', v: true }).join(' ');

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function listCases(root: string): StudioCase[] {
  const dir = join(root, CONTENT_PATHS.cases);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      const fm = frontMatterRecord(text);
      return {
        file: name.slice(0, -4),
        title: str(fm.title),
        source: str(fm.source),
        body: str(fm.body),
        draft: isDraftCase(text),
      };
    });
}

function listSources(root: string): Record<string, string> {
  const dir = join(root, CONTENT_PATHS.sources);
  const sources: Record<string, string> = {};
  for (const name of readdirSync(dir).sort()) {
    const m = /^(.*)\.ya?ml$/.exec(name);
    if (m) sources[m[1]!] = str(yamlRecord(readFileSync(join(dir, name), 'utf8')).file);
  }
  return sources;
}

function seedDigests(root: string, sources: Record<string, string>): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const file of new Set(Object.values(sources))) {
    const path = join(root, file);
    if (file.startsWith('seeds/') && existsSync(path))
      digests[createHash('sha256').update(readFileSync(path)).digest('hex')] = file;
  }
  return digests;
}

/** `withDrafts`: the dev server's studio knows the drafts; a public build's names none (src/lib/model/drafts.ts). */
export function studioData(root = process.cwd(), withDrafts = false): StudioData {
  const measures = readMeasures(root);
  const divisions = loadDivisionDataset();
  const all = listCases(root);
  const cases = withDrafts ? all : all.filter((c) => !c.draft);
  const waiting = draftOnlySources(all, cases);
  const sources = Object.fromEntries(Object.entries(listSources(root)).filter(([key]) => !waiting.has(key)));
  return {
    measures,
    metrics: loadMetrics(
      measures.map((m) => m.id),
      root,
    ),
    regionsYaml: readFileSync(join(root, CONTENT_PATHS.regions), 'utf8'),
    divisions,
    divisionReadings: Object.fromEntries(
      [...divisions.provinces, ...divisions.cities, ...divisions.areas].map((d) => [
        d.code,
        reading(shortRegionName(d.name)),
      ]),
    ),
    measureReadings: Object.fromEntries(measures.map((m) => [m.id, reading(m.name)])),
    cases,
    sources,
    seedDigests: seedDigests(root, sources),
  };
}
