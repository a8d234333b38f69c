/**
 * Regions in the studio: every GB/T 2260 place an editor may type (by name, short name or
 * pinyin, src/lib/studio/find.ts), resolved exactly as the build resolves content/regions.yaml
 * (src/lib/model/regions.ts), and the lines a save adds to that file for a place the casebook does
 * not list yet: the place and any enclosing region missing, outermost first, as the ingest
 * report proposes them.
 */
import {
  regionPathsOf,
  resolveRegionPath,
  resolveRegions,
  shortRegionName,
  type DivisionDataset,
  type Region,
} from '../model/regions.ts';
import type { Findable } from './find.ts';

/** Dataset rows that group places without being one (the districts of 北京市 sit under 市辖区). */
const NOT_A_PLACE = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

export interface RegionChoice extends Findable {
  code: string;
  /** Names from the province down, as content/regions.yaml lists them. */
  path: string[];
}

/** Every place of the dataset: provinces, then cities, then counties and districts. */
export function regionChoices(data: DivisionDataset, readings: Readonly<Record<string, string>>): RegionChoice[] {
  const provinces = new Map(data.provinces.map((p) => [p.code, p]));
  const cities = new Map(data.cities.map((c) => [c.code, c]));
  const choice = (code: string, path: string[]): RegionChoice => {
    const name = path.at(-1)!;
    return {
      code: code.padEnd(6, '0'),
      path,
      names: [name, shortRegionName(name)],
      reading: readings[code]?.split(' ') ?? [],
    };
  };
  return [
    ...data.provinces.map((p) => choice(p.code, [p.name])),
    ...data.cities
      .filter((c) => !NOT_A_PLACE.test(c.name))
      .map((c) => choice(c.code, [provinces.get(c.provinceCode ?? '')?.name ?? '', c.name])),
    ...data.areas.map((a) =>
      choice(a.code, [
        provinces.get(a.provinceCode ?? '')?.name ?? '',
        cities.get(a.cityCode ?? '')?.name ?? '',
        a.name,
      ]),
    ),
  ];
}

/** A name path as people read it: 北京市 › 东城区, without the dataset's grouping rows (市辖区). */
export const placeTrail = (path: readonly string[]) => path.filter((name) => !NOT_A_PLACE.test(name)).join(' › ');

/** The region a choice is, as the build resolves its name path. */
export function regionOf(path: readonly string[], data: DivisionDataset): Region | undefined {
  const region = resolveRegionPath(path.join(' '), data);
  return 'error' in region ? undefined : region;
}

/** The casebook's regions from the text of its content/regions.yaml. */
export function casebookRegions(regionsYaml: string, data: DivisionDataset): Region[] {
  return resolveRegions(regionPathsOf(regionsYaml), data, 'content/regions.yaml');
}

/** Lines for content/regions.yaml that make `region` known: it and any enclosing region missing. */
export function regionLines(region: Region, known: ReadonlySet<string>, data: DivisionDataset): string[] {
  return region.path
    .map((_, n) => region.path.slice(0, n + 1).join(' '))
    .filter((prefix) => {
      const r = regionOf(prefix.split(' '), data);
      return r && !known.has(r.id);
    })
    .map((prefix) => `- ${prefix}`);
}

/** content/regions.yaml with `lines` appended (those it does not list yet), ending in a newline. */
export function appendRegionLines(regionsYaml: string, lines: readonly string[]): string {
  const listed = new Set(regionPathsOf(regionsYaml).map((p) => p.path));
  const missing = [...new Set(lines)].filter((line) => !listed.has(line.replace(/^-\s+/, '')));
  if (!missing.length) return regionsYaml;
  const text = regionsYaml && !regionsYaml.endsWith('\n') ? `${regionsYaml}\n` : regionsYaml;
  return `${text}${missing.join('\n')}\n`;
}
