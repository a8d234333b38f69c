import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { studioData } from '../../../src/data/studioData.ts';
import { workerExports } from '../../../src/integrations/workerExports.ts';
import { readMeasures } from '../../../src/lib/content/contentFiles.ts';
import { casebookRegions } from '../../../src/lib/studio/regions.ts';
import { loadRegions } from '../../../src/lib/content/loadRegions.ts';
import { projectRoot } from '../../helpers/tempSite.ts';

describe("the studio's data", () => {
  const data = studioData(projectRoot);

  it('is the casebook as it is on disk: taxonomy, regions, cases and sources', () => {
    expect(data.measures).toEqual(readMeasures(projectRoot));
    expect(casebookRegions(data.regionsYaml, data.divisions)).toEqual(loadRegions(projectRoot));
    expect(data.cases.map((c) => `${c.file}.mdx`)).toEqual(readdirSync(join(projectRoot, 'content/cases')).sort());
    expect(Object.keys(data.sources).map((k) => `${k}.yaml`)).toEqual(
      readdirSync(join(projectRoot, 'content/sources')).sort(),
    );
    for (const c of data.cases) expect(Object.keys(data.sources)).toContain(c.source);
  });

  it('knows each raw file by its bytes', () => {
    for (const file of Object.values(data.sources)) {
      const digest = createHash('sha256')
        .update(readFileSync(join(projectRoot, file)))
        .digest('hex');
      expect(data.seedDigests[digest]).toBe(file);
    }
  });

  it('reads place and measure names in pinyin', () => {
    const zhengzhou = data.divisions.cities.find((c) => c.name === '郑州市')!;
    expect(data.divisionReadings[zhengzhou.code]).toBe('zheng zhou');
    for (const m of data.measures) expect(data.measureReadings[m.id]).toMatch(/^[a-zv]+( [a-zv]+)*$/);
  });
});

describe('bundling the Web Worker', () => {
  const plugin = workerExports();
  const importer = join(projectRoot, 'node_modules/mdast-util-from-markdown/lib/index.js');
  it("takes a package's build for workers where it has one (no DOM in a worker)", () => {
    expect(plugin.resolveId('decode-named-character-reference', importer)).toBe(
      join(projectRoot, 'node_modules/decode-named-character-reference/index.js'),
    );
  });
  it('leaves every other import to the bundler', () => {
    expect(plugin.resolveId('yaml', importer)).toBeNull();
    expect(plugin.resolveId('./local.js', importer)).toBeNull();
    expect(plugin.resolveId('decode-named-character-reference', undefined)).toBeNull();
  });
});
