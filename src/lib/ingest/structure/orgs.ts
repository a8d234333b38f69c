/**
 * Reporting bodies and places: finding `郑州市金水区教育局`-style names in a text, parsing their
 * place part against the GB/T 2260 dataset (so `二七区教育局` becomes `郑州市二七区教育局`, and
 * `区教育局` in a bulletin of 中共上街区委办公室 becomes `郑州市上街区教育局`), and the
 * signature and byline formats bulletins use.
 */
import { shortRegionName, type Division, type DivisionDataset } from '../../model/regions.ts';
import { HAN } from '../../text/han.ts';

/**
 * Organisation kinds that report on or issue education texts. Bureaus carry local names
 * (教育科技体育局, 教育和体育局, 社会事业局 …); regulations are passed by a 人民代表大会常务委员会
 * and notices issued by a government's 办公厅. Matched longest first.
 */
const ORG_TYPES = [
  '人民代表大会常务委员会',
  '人大常委会',
  '人力资源和社会保障局',
  '人力资源和社会保障厅',
  '人力资源社会保障局',
  '人力资源社会保障厅',
  '机构编制委员会办公室',
  '发展和改革委员会',
  '教育督导委员会办公室',
  '教育工作委员会',
  '教育科学技术体育局',
  '教育科学技术局',
  '教育和科学技术局',
  '教育科技体育局',
  '教育文化体育局',
  '文化教育体育局',
  '教育和体育局',
  '教育体育局',
  '教育科技局',
  '教育委员会',
  '卫生健康委员会',
  '人民政府办公厅',
  '人民政府办公室',
  '人民政府',
  '政府办公厅',
  '政府办公室',
  '社会事业局',
  '教育局',
  '教体局',
  '教科体局',
  '教文体局',
  '教育厅',
  '人社局',
  '人社厅',
  '财政局',
  '财政厅',
  '发改委',
  '编办',
  '教委',
  '教工委',
  '体育局',
].sort((a, b) => b.length - a.length);
const ORG_TYPE_RE = new RegExp(`(${ORG_TYPES.join('|')})`, 'g');
/** National bodies, named without a place. */
const NATIONAL = new RegExp(
  `^(教育部|国务院|全国人民代表大会常务委员会|国家发展和改革委员会|国家发展改革委|财政部|人力资源社会保障部|人力资源和社会保障部|国家卫生健康委员会|国家卫生健康委|国务院教育督导委员会|中共中央|国家体育总局|国家${HAN}{2,10}(?:局|委员会|总局|署))(办公厅|办公室)?$`,
  'u',
);
/** Ends of the names of bodies that sign a document (a school, a centre, a federation …). */
const BODY_END =
  /(办公厅|办公室|委员会|人民政府|政府|局|厅|部|院|中心|学校|学院|大学|中学|小学|幼儿园|协会|联合会|总工会|团委|妇联|科协|署|委|会)$/;

/** Up to 16 Chinese characters ending where an organisation type word starts (the place name). */
const HAN_RUN_BEFORE = new RegExp(`${HAN}{0,16}$`, 'u');
const PERSON = `(?:${HAN}|·){2,4}`;
const BYLINE = new RegExp(
  `^(本报记者|本报通讯员|本报特约记者|特约记者|记者|通讯员|实习生|作者)[\\s:：]*(${PERSON}(?:[\\s、，,]+${PERSON}){0,3})$`,
  'u',
);
const ROLE_WORDS =
  '党组书记|党委书记|党组副书记|党委副书记|书记|局长|副局长|厅长|副厅长|主任|副主任|院长|校长|主席|巡视员|调研员|一级|二级|督学';

export interface PlaceChain {
  province?: Division;
  city?: Division;
  area?: Division;
}

export interface OrgMention {
  /** Full name as printed, e.g. 二七区教育局. */
  text: string;
  /** The place part as printed (二七区), empty when only a level word (区教育局). */
  place: string;
  /** A bare level word before the type (`区` in 区教育局): the place must come from context. */
  generic?: '省' | '市' | '县' | '区';
  type: string;
  index: number;
}

const shortCache = new WeakMap<DivisionDataset, Map<Division, string>>();

/** Short names of the prefectures whose full name is longer (黔东南苗族侗族自治州 → 黔东南). */
function shortNames(data: DivisionDataset): Map<Division, string> {
  let map = shortCache.get(data);
  if (!map) {
    map = new Map();
    for (const c of data.cities) {
      const short = shortRegionName(c.name);
      if (short !== c.name) map.set(c, short);
    }
    shortCache.set(data, map);
  }
  return map;
}

/** Parses a string that is exactly a place chain (河南省郑州市金水区, 郑州市, 二七区). */
export function parsePlace(s: string, data: DivisionDataset, hints: readonly string[] = []): PlaceChain | undefined {
  if (!s) return undefined;
  const withProvince = (province: Division | undefined, rest: string): PlaceChain | undefined => {
    const chain: PlaceChain = province ? { province } : {};
    if (rest) {
      const cities = data.cities.filter(
        (c) => (!province || c.provinceCode === province.code) && /[市州盟区]$/.test(c.name) && c.name !== '市辖区',
      );
      // A prefecture by its short name and level (黔东南州 for 黔东南苗族侗族自治州, 延边州).
      const city =
        cities.find((c) => rest.startsWith(c.name)) ??
        cities.find((c) => {
          const short = shortNames(data).get(c) ?? '';
          return short.length >= 2 && rest.startsWith(short) && /[州市盟]/.test(rest[short.length] ?? '');
        });
      if (city) {
        chain.city = city;
        chain.province ??= data.provinces.find((p) => p.code === city.provinceCode);
        rest = rest.slice(rest.startsWith(city.name) ? city.name.length : shortRegionName(city.name).length + 1);
      }
    }
    if (rest) {
      const areas = data.areas.filter(
        (a) =>
          a.name === rest &&
          (!chain.city || a.cityCode === chain.city.code) &&
          (!chain.province || a.provinceCode === chain.province.code),
      );
      if (!areas.length) return undefined;
      // An area name shared by several cities (新华区): prefer one whose city or province the text names.
      const score = (a: Division) => {
        const city = data.cities.find((c) => c.code === a.cityCode);
        const prov = data.provinces.find((p) => p.code === a.provinceCode);
        return hints.filter((h) => h === city?.name || h === prov?.name).length;
      };
      const area = [...areas].sort((a, b) => score(b) - score(a))[0]!;
      chain.area = area;
      chain.city ??= data.cities.find((c) => c.code === area.cityCode);
      chain.province ??= data.provinces.find((p) => p.code === area.provinceCode);
    }
    return chain.province || chain.city || chain.area ? chain : undefined;
  };
  for (const p of data.provinces) {
    if (s.startsWith(p.name)) return withProvince(p, s.slice(p.name.length));
    const short = shortRegionName(p.name);
    if (short.length >= 2 && s.startsWith(short) && s.length > short.length) {
      const chain = withProvince(p, s.slice(short.length));
      if (chain) return chain;
    }
  }
  return withProvince(undefined, s);
}

/** Finds organisation names (`…教育局`, `…人力资源和社会保障局`) with the place printed before them. */
export function findOrgs(text: string, data: DivisionDataset, hints: readonly string[] = []): OrgMention[] {
  const found: OrgMention[] = [];
  // A text names the same places again and again: parse each candidate once.
  const parsed = new Map<string, boolean>();
  const isPlace = (candidate: string) => {
    let known = parsed.get(candidate);
    if (known === undefined) parsed.set(candidate, (known = !!parsePlace(candidate, data, hints)));
    return known;
  };
  for (const m of text.matchAll(ORG_TYPE_RE)) {
    const index = m.index!;
    // Only the 16 characters before the type can be its place (slicing the whole prefix was quadratic).
    const run = HAN_RUN_BEFORE.exec(text.slice(Math.max(0, index - 16), index))![0];
    let place = '';
    for (let k = 0; k < run.length; k++) {
      const candidate = run.slice(k);
      if (isPlace(candidate)) {
        place = candidate;
        break;
      }
    }
    const generic = !place && /[省市县区]$/.test(run) ? (run.at(-1) as OrgMention['generic']) : undefined;
    if (!place && !generic) continue;
    const start = index - (place ? place.length : 1);
    found.push({
      text: text.slice(start, index + m[0].length),
      place,
      ...(generic && { generic }),
      type: m[0],
      index: start,
    });
  }
  return found;
}

/** A national body's name (教育部, 国务院办公厅): it has no place. */
export function isNationalBody(name: string): boolean {
  return NATIONAL.test(name.trim());
}

/**
 * A short line that names one body as it signs or issues a document: a known type with its
 * place (`浙江省教育厅`, `区教育局`), a national body, or a name ending in a body word
 * (`共青团浙江省委`, `浙江省妇女联合会`). Not a sentence, not a date.
 */
export function isBodyName(name: string, data: DivisionDataset): boolean {
  const t = name.trim();
  if (t.length < 3 || t.length > 30 || /[，,。；;：:！？!?“”]|\d/.test(t)) return false;
  if (isNationalBody(t)) return true;
  const org = findOrgs(t, data).at(-1);
  if (org && org.index + org.text.length === t.length && (org.place || org.generic)) return true;
  return BODY_END.test(t) && (placesIn(t, data).length > 0 || /^[省市县区]/.test(t) || /^(中共|共青团)/.test(t));
}

/** The text with every body's name (`章贡区教育科技体育局`, `区教育局`) blanked out, same length. */
export function maskBodies(text: string, data: DivisionDataset): string {
  let out = text;
  for (const m of findOrgs(text, data))
    out = out.slice(0, m.index) + '□'.repeat(m.text.length) + out.slice(m.index + m.text.length);
  return out;
}

/** A line that is only an organisation name with its place: 郑州市金水区教育局. */
export function orgLine(line: string, data: DivisionDataset): OrgMention | undefined {
  const t = line.trim();
  const orgs = findOrgs(t, data);
  const last = orgs.at(-1);
  return last && last.place && last.index === 0 && last.text === t ? last : undefined;
}

export interface Signature {
  org: OrgMention;
  /** Role as printed, with the organisation: 商丘市教育体育局党组书记、局长. */
  role: string;
  name: string;
}

/** A signed article's head line: `商丘市教育体育局党组书记、局长 王新胜`. */
export function signatureLine(line: string, data: DivisionDataset): Signature | undefined {
  const t = line.trim();
  const m = new RegExp(`^(.{2,30}?)((?:${ROLE_WORDS}|[、\\s])+?)\\s+((?:${HAN}|·){2,4})$`, 'u').exec(t);
  if (!m) return undefined;
  const org = orgLine(m[1]!, data);
  if (!org || !new RegExp(`^(?:${ROLE_WORDS}|[、\\s])+$`).test(m[2]!)) return undefined;
  return { org, role: `${m[1]}${m[2]!.trimEnd()}`.trim(), name: m[3]! };
}

export interface Byline {
  role: string;
  name: string;
  text: string;
}

/** A newspaper byline: `本报记者 苏立萌`, `通讯员 张三 李四`. */
export function bylineOf(line: string): Byline | undefined {
  const m = BYLINE.exec(line.trim());
  return m ? { role: m[1]!, name: m[2]!.replace(/[\s、，,]+/g, '、'), text: line.trim() } : undefined;
}

/** Division names by their first two characters, for one pass over a text. */
const nameIndexes = new WeakMap<DivisionDataset, Map<string, { name: string; level: '省' | '市' | '县区' }[]>>();

function nameIndex(data: DivisionDataset) {
  let index = nameIndexes.get(data);
  if (index) return index;
  index = new Map();
  const add = (list: Division[], level: '省' | '市' | '县区') => {
    for (const d of list) {
      if (d.name.length < 3 || d.name === '市辖区' || d.name === '城区' || d.name === '郊区' || d.name === '矿区')
        continue;
      const key = d.name.slice(0, 2);
      const names = index!.get(key) ?? [];
      if (!names.some((n) => n.name === d.name && n.level === level)) names.push({ name: d.name, level });
      index!.set(key, names);
    }
  };
  add(data.provinces, '省');
  add(data.cities, '市');
  add(data.areas, '县区');
  nameIndexes.set(data, index);
  return index;
}

/** Places (cities, counties/districts, by full name) printed in a text, in order of appearance. */
export function placesIn(
  text: string,
  data: DivisionDataset,
): { name: string; index: number; level: '省' | '市' | '县区' }[] {
  const out: { name: string; index: number; level: '省' | '市' | '县区' }[] = [];
  const index = nameIndex(data);
  const order = { 省: 0, 市: 1, 县区: 2 } as const;
  for (let at = 0; at + 1 < text.length; at++) {
    const names = index.get(text.slice(at, at + 2));
    if (!names) continue;
    const found = names.filter((n) => text.startsWith(n.name, at));
    // Same order as scanning provinces, then cities, then areas.
    found.sort((a, b) => order[a.level] - order[b.level]);
    for (const n of found) out.push({ name: n.name, index: at, level: n.level });
  }
  return out;
}

/** The canonical name of a body: place as city + county/district, then the type. */
export function canonicalBody(chain: PlaceChain, type: string): string {
  if (chain.area)
    return `${chain.city && chain.city.name !== '市辖区' ? chain.city.name : ''}${chain.area.name}${type}`;
  if (chain.city) return `${chain.city.name}${type}`;
  return `${chain.province?.name ?? ''}${type}`;
}
