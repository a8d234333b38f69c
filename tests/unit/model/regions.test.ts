import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDivisionDataset } from '../../../src/lib/model/divisionData.ts';
import { loadRegions } from '../../../src/lib/content/loadRegions.ts';
import {
  placeNames,
  regionTrail,
  resolveRegionPath,
  shortRegionName,
  type Region,
} from '../../../src/lib/model/regions.ts';

const data = loadDivisionDataset();

describe('regions from the GB/T 2260 dataset', () => {
  it('derives code, level and parents from names', () => {
    expect(resolveRegionPath('河南省 郑州市 上街区', data)).toEqual({
      id: '410106',
      name: '上街区',
      level: '县区',
      parent: '410100',
      path: ['河南省', '郑州市', '上街区'],
      city: '410100',
    });
    expect(resolveRegionPath('河南省 驻马店市', data)).toMatchObject({ id: '411700', level: '市', parent: '410000' });
    expect(resolveRegionPath('河南省', data)).toMatchObject({ id: '410000', level: '省' });
  });
  it('adds any county in China by name', () => {
    expect(resolveRegionPath('浙江省 杭州市 西湖区', data)).toMatchObject({ id: '330106', city: '330100' });
  });
  it('explains what is wrong with a bad path', () => {
    expect(resolveRegionPath('河南省 郑州市 上界区', data)).toMatchObject({
      error: expect.stringContaining('no county/district “上界区” in 郑州市; known: 中原区'),
    });
    expect(resolveRegionPath('河南 郑州市', data)).toEqual({ error: 'no province “河南” in the GB/T 2260 dataset' });
    expect(resolveRegionPath('河南省 a b c', data)).toHaveProperty('error');
  });
  it('writes the trail from the province down', () => {
    expect(regionTrail(resolveRegionPath('河南省 郑州市 金水区', data) as Region)).toBe('河南省 › 郑州市 › 金水区');
  });
});

describe('loadRegions (content/regions.yaml)', () => {
  const withRegions = (yaml: string) => {
    const root = mkdtempSync(join(tmpdir(), 'regions-'));
    mkdirSync(join(root, 'content'));
    writeFileSync(join(root, 'content/regions.yaml'), yaml);
    try {
      return loadRegions(root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  };
  it('adds the province and city of a county listed alone, once each, before it', () => {
    const regions = withRegions('- 浙江省 湖州市 安吉县\n- 浙江省 湖州市 德清县\n- 浙江省\n');
    expect(regions.map((r) => r.id)).toEqual(['330000', '330500', '330523', '330521']);
  });
  it('names the line of a bad path', () => {
    expect(() => withRegions('- 河南省\n- 河南省 郑州市 上界区\n')).toThrow(
      /^content\/regions\.yaml:2: no county\/district “上界区”/,
    );
  });
});

describe('place names as people type them', () => {
  it('gives each region its full and short name once; a name too short to shorten stays whole', () => {
    expect(placeNames(['郑州市', '二七区', '郑州市', '县', '驻马店市'])).toEqual([
      '郑州市',
      '郑州',
      '二七区',
      '二七',
      '县',
      '驻马店市',
      '驻马店',
    ]);
  });

  it('drops the level, the autonomy and its ethnic names, keeping two characters at least', () => {
    const cases: Record<string, string> = {
      河南省: '河南',
      北京市: '北京',
      广西壮族自治区: '广西',
      新疆维吾尔自治区: '新疆',
      内蒙古自治区: '内蒙古',
      香港特别行政区: '香港',
      延边朝鲜族自治州: '延边',
      长白朝鲜族自治县: '长白',
      东乡族自治县: '东乡',
      管城回族区: '管城',
      浦东新区: '浦东',
      清新区: '清新',
      万柏林区: '万柏林',
      阿里地区: '阿里',
      锡林郭勒盟: '锡林郭勒',
      赵县: '赵县',
    };
    for (const [name, short] of Object.entries(cases)) expect(shortRegionName(name), name).toBe(short);
  });

  it('gives every region of the GB/T 2260 dataset a short name of two characters or more, without its autonomy', () => {
    for (const { name } of [...data.provinces, ...data.cities, ...data.areas]) {
      const short = shortRegionName(name);
      expect(name.startsWith(short), name).toBe(true);
      if (/自治[区州县旗]$/.test(name)) expect(short, name).not.toBe(name);
      if (short === name) continue; // 赵县, and the dataset's groupings (县)
      expect([...short].length, name).toBeGreaterThanOrEqual(2);
      expect(short, name).not.toMatch(/自治|族$/);
    }
  });
});
