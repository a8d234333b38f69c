/** Shared inputs for the ingest tests: the project's taxonomy, regions and the GB/T 2260 data. */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readMeasures } from '../../../src/lib/content/contentFiles.ts';
import { loadDivisionDataset } from '../../../src/lib/model/divisionData.ts';
import { ingestDocument, type IngestOptions } from '../../../src/lib/ingest/run/ingest.ts';
import { readTextDocument } from '../../../src/lib/ingest/read/document.ts';
import { loadRegions } from '../../../src/lib/content/loadRegions.ts';

export const root = resolve(import.meta.dirname, '../../..');
export const fixtures = join(root, 'tests/fixtures/ingest');
export const measures = readMeasures(root);
export const regions = loadRegions(root);
export const divisions = loadDivisionDataset();

export const SEEDS = {
  shangjie: 'seeds/2025-10-shangjie-xinxi-49.txt',
  erqi: 'seeds/2022-erqi-shinian-minshengjuan.txt',
  santiao: 'seeds/2023-zhengzhou-jiaoyu-santiao.txt',
  biaozhunhua: 'seeds/2024-01-henan-biaozhunhua-zheng-kai-luo.txt',
  kuoyou: 'seeds/2024-henan-kuoyou-tizhi-shangqiu-zhoukou-zhumadian.txt',
} as const;

export const seedText = (path: string) => readFileSync(join(root, path), 'utf8');
export const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');

/** Runs the pure ingest of a text-based input (plain text, Markdown, HTML) with the project's data. */
export function run(input: string | Uint8Array, options: Partial<IngestOptions> = {}) {
  const all: IngestOptions = {
    fileName: 'test.txt',
    seedFile: 'seeds/test.txt',
    measures,
    regions,
    divisions,
    fallbackDate: '2000',
    ...options,
  };
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input;
  return ingestDocument(readTextDocument(bytes, all.fileName, all.maxBytes), all);
}
