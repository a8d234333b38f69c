import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { readMeasures } from '../../../src/lib/content/contentFiles.ts';
import { loadDivisionDataset } from '../../../src/lib/model/divisionData.ts';
import { loadRegions } from '../../../src/lib/content/loadRegions.ts';
import { resolveRegionPath, shortRegionName } from '../../../src/lib/model/regions.ts';
import { findItems } from '../../../src/lib/studio/find.ts';
import {
  appendRegionLines,
  casebookRegions,
  regionChoices,
  regionLines,
  regionOf,
} from '../../../src/lib/studio/regions.ts';
import { projectRoot } from '../../helpers/tempSite.ts';

const data = loadDivisionDataset();
const reading = (name: string) => pinyin(name, { toneType: 'none', type: 'array', v: true }).join(' ');
const readings = Object.fromEntries(
  [...data.provinces, ...data.cities, ...data.areas].map((d) => [d.code, reading(shortRegionName(d.name))]),
);
const choices = regionChoices(data, readings);
const found = (typed: string) => findItems(typed, choices, 15).map((c) => c.path.join(' '));

describe('regions an editor types', () => {
  it('are every place of GB/T 2260, each resolved as the build resolves its name path', () => {
    expect(choices.length).toBe(
      data.provinces.length +
        data.cities.filter((c) => !/^(市辖区|县|.*直辖县级行政区划)$/.test(c.name)).length +
        data.areas.length,
    );
    for (const c of choices) expect(regionOf(c.path, data)?.id, c.path.join(' ')).toBe(c.code);
  });

  it('are found by name, short name or pinyin (whole, initials, or both)', () => {
    expect(found('上城区')[0]).toBe('浙江省 杭州市 上城区');
    expect(found('上城')).toContain('浙江省 杭州市 上城区');
    expect(found('shangcheng')).toContain('浙江省 杭州市 上城区');
    expect(found('yuelu')).toContain('湖南省 长沙市 岳麓区');
    // Same sound, two places: both offered, the editor picks.
    expect(found('fuzhou')).toEqual(expect.arrayContaining(['福建省 福州市', '江西省 抚州市']));
    // A city before its namesake districts.
    expect(found('朝阳')[0]).toBe('辽宁省 朝阳市');
  });

  it('come with the lines content/regions.yaml needs, as the ingest report proposes them', () => {
    const known = new Set(loadRegions(projectRoot).map((r) => r.id));
    const yuelu = regionOf(['湖南省', '长沙市', '岳麓区'], data)!;
    expect(regionLines(yuelu, known, data)).toEqual(['- 湖南省', '- 湖南省 长沙市', '- 湖南省 长沙市 岳麓区']);
    const known2 = new Set([...known, '430000', '430100']);
    expect(regionLines(yuelu, known2, data)).toEqual(['- 湖南省 长沙市 岳麓区']);
    const listed = loadRegions(projectRoot)[0]!;
    expect(regionLines(listed, known, data)).toEqual([]);
  });

  it('are appended to regions.yaml once, and read back as the build reads the file', () => {
    const yaml = readFileSync(join(projectRoot, 'content/regions.yaml'), 'utf8');
    expect(casebookRegions(yaml, data)).toEqual(loadRegions(projectRoot));
    const lines = ['- 湖南省', '- 湖南省 长沙市', '- 湖南省 长沙市 岳麓区'];
    const once = appendRegionLines(yaml, lines);
    expect(once).toBe(`${yaml.endsWith('\n') ? yaml : `${yaml}\n`}${lines.join('\n')}\n`);
    expect(appendRegionLines(once, lines)).toBe(once);
    expect(casebookRegions(once, data).map((r) => r.id)).toEqual(
      expect.arrayContaining(['430000', '430100', '430104']),
    );
    expect(resolveRegionPath('湖南省 长沙市 岳麓区', data)).toMatchObject({ id: '430104' });
  });
});

describe('measures an editor types', () => {
  const measures = readMeasures(projectRoot).map((m) => ({
    id: m.id,
    names: [m.name, ...m.aliases],
    reading: pinyin(m.name, { toneType: 'none', type: 'array', v: true }),
  }));
  const ids = (typed: string) => findItems(typed, measures).map((m) => m.id);
  it('are found by name, alias or pinyin of the name', () => {
    const sample = measures.find((m) => m.names.length > 1 && m.reading.length >= 2)!;
    expect(ids(sample.names[0]!)[0]).toBe(sample.id);
    expect(ids(sample.names[1]!)).toContain(sample.id);
    expect(ids(sample.reading.join(''))).toContain(sample.id);
    expect(ids(sample.reading.map((s) => s[0]).join(''))).toContain(sample.id);
    expect(ids('没有这样的措施')).toEqual([]);
  });
});
