/**
 * A schematic tile-grid map of China's 34 provincial-level units: one equal square each, placed
 * by rough compass position (north up, west left). It draws no boundaries and implies no areas,
 * so it needs no map data (and no map approval); any province with cases shows up by its code.
 */

export interface ProvinceTile {
  /** First two digits of the GB/T 2260 code. */
  code: string;
  /** Short name for the tile: 河南, 内蒙古, 香港. */
  short: string;
  col: number;
  row: number;
}

// prettier-ignore
export const PROVINCE_TILES: readonly ProvinceTile[] = [
  { code: '23', short: '黑龙江', col: 7, row: 0 },
  { code: '15', short: '内蒙古', col: 4, row: 1 }, { code: '11', short: '北京', col: 5, row: 1 },
  { code: '21', short: '辽宁', col: 6, row: 1 }, { code: '22', short: '吉林', col: 7, row: 1 },
  { code: '65', short: '新疆', col: 1, row: 2 }, { code: '64', short: '宁夏', col: 3, row: 2 },
  { code: '14', short: '山西', col: 4, row: 2 }, { code: '13', short: '河北', col: 5, row: 2 },
  { code: '12', short: '天津', col: 6, row: 2 },
  { code: '62', short: '甘肃', col: 2, row: 3 }, { code: '61', short: '陕西', col: 3, row: 3 },
  { code: '41', short: '河南', col: 4, row: 3 }, { code: '37', short: '山东', col: 5, row: 3 },
  { code: '54', short: '西藏', col: 1, row: 4 }, { code: '63', short: '青海', col: 2, row: 4 },
  { code: '51', short: '四川', col: 3, row: 4 }, { code: '42', short: '湖北', col: 4, row: 4 },
  { code: '34', short: '安徽', col: 5, row: 4 }, { code: '32', short: '江苏', col: 6, row: 4 },
  { code: '50', short: '重庆', col: 3, row: 5 }, { code: '43', short: '湖南', col: 4, row: 5 },
  { code: '36', short: '江西', col: 5, row: 5 }, { code: '33', short: '浙江', col: 6, row: 5 },
  { code: '31', short: '上海', col: 7, row: 5 },
  { code: '53', short: '云南', col: 2, row: 6 }, { code: '52', short: '贵州', col: 3, row: 6 },
  { code: '45', short: '广西', col: 4, row: 6 }, { code: '44', short: '广东', col: 5, row: 6 },
  { code: '35', short: '福建', col: 6, row: 6 }, { code: '71', short: '台湾', col: 7, row: 6 },
  { code: '46', short: '海南', col: 3, row: 7 }, { code: '82', short: '澳门', col: 4, row: 7 },
  { code: '81', short: '香港', col: 5, row: 7 },
];

export const TILE_GRID = {
  cols: Math.max(...PROVINCE_TILES.map((t) => t.col)) + 1,
  rows: Math.max(...PROVINCE_TILES.map((t) => t.row)) + 1,
};

/** The tile of a region code (any level: 410100 → 河南). */
export function tileOf(regionCode: string): ProvinceTile | undefined {
  const code = regionCode.slice(0, 2);
  return PROVINCE_TILES.find((t) => t.code === code);
}

/**
 * Shade step 0–3 of a count relative to the largest: 0 for none, then thirds on a square-root
 * scale, so one very large province does not wash out the rest.
 */
export function shadeStep(count: number, max: number): 0 | 1 | 2 | 3 {
  if (count <= 0 || max <= 0) return 0;
  const r = Math.sqrt(count / max);
  return r > 2 / 3 ? 3 : r > 1 / 3 ? 2 : 1;
}
