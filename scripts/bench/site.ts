/**
 * File I/O of the benchmark: a temporary copy of the project (tests/helpers/tempSite.ts) whose
 * content/cases is replaced by a synthetic corpus, with every Henan city and county added to
 * its content/regions.yaml. The repository's own content/ is only read.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeTempSite, projectRoot } from '../../tests/helpers/tempSite.ts';
import { CONTENT_PATHS, readMeasures } from '../../src/lib/content/contentFiles.ts';
import { readFrontMatter } from '../../src/lib/content/frontMatter.ts';
import { loadDivisionDataset } from '../../src/lib/model/divisionData.ts';
import { measureTerms } from '../../src/lib/model/tagging.ts';
import { generateCorpus } from './corpus.ts';

const PROVINCE = '河南省';

/** Name paths and codes of every city and county of Henan in the GB/T 2260 dataset. */
export function henanRegions() {
  const data = loadDivisionDataset();
  const province = data.provinces.find((p) => p.name === PROVINCE)!;
  const cities = data.cities.filter((c) => c.provinceCode === province.code && c.name !== '市辖区');
  const regions: { code: string; name: string; path: string }[] = [];
  for (const city of cities) {
    regions.push({ code: city.code.padEnd(6, '0'), name: city.name, path: `${PROVINCE} ${city.name}` });
    for (const area of data.areas.filter((a) => a.cityCode === city.code && a.name !== '市辖区')) {
      regions.push({ code: area.code, name: area.name, path: `${PROVINCE} ${city.name} ${area.name}` });
    }
  }
  return regions;
}

/** Bodies of the real cases (front matter removed). */
function realBodies(): string[] {
  const dir = join(projectRoot, CONTENT_PATHS.cases);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => readFrontMatter(readFileSync(join(dir, f), 'utf8')).body);
}

/** Makes the temp site and writes `cases` synthetic cases into it; returns its directory. */
export function prepareBenchSite(cases: number, seed = 1): string {
  const dir = makeTempSite('casebook-bench-');
  const regions = henanRegions();
  const existing = new Set(
    readFileSync(join(dir, CONTENT_PATHS.regions), 'utf8')
      .split('\n')
      .map((l) => l.replace(/^\s*-\s+/, '').trim()),
  );
  appendFileSync(
    join(dir, CONTENT_PATHS.regions),
    regions
      .filter((r) => !existing.has(r.path))
      .map((r) => `- ${r.path}\n`)
      .join(''),
  );

  const files = generateCorpus(
    {
      bodies: realBodies(),
      measures: readMeasures(projectRoot).map((m) => ({
        id: m.id,
        terms: [m.name, ...measureTerms(m).filter((t) => t !== m.name)],
      })),
      regions,
      seedFiles: readdirSync(join(projectRoot, 'seeds'))
        .filter((f) => f.endsWith('.txt'))
        .map((f) => `seeds/${f}`),
    },
    { cases, seed },
  );
  rmSync(join(dir, CONTENT_PATHS.cases), { recursive: true, force: true });
  mkdirSync(join(dir, CONTENT_PATHS.cases), { recursive: true });
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.text);
  }
  return dir;
}
