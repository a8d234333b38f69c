import { describe, expect, it } from 'vitest';
import { loadDivisionDataset } from '../../../src/lib/model/divisionData.ts';
import { PROVINCE_TILES, shadeStep, TILE_GRID, tileOf } from '../../../src/lib/site/tileMap.ts';

describe('tile-grid map', () => {
  it('has one tile per provincial unit, no two on one square, inside the grid', () => {
    expect(PROVINCE_TILES).toHaveLength(34);
    expect(new Set(PROVINCE_TILES.map((t) => t.code)).size).toBe(34);
    expect(new Set(PROVINCE_TILES.map((t) => `${t.col},${t.row}`)).size).toBe(34);
    for (const t of PROVINCE_TILES) {
      expect(t.col).toBeLessThan(TILE_GRID.cols);
      expect(t.row).toBeLessThan(TILE_GRID.rows);
    }
  });
  it('covers every province of the GB/T 2260 dataset, whatever its level', () => {
    const { provinces, cities } = loadDivisionDataset();
    for (const p of provinces) expect(tileOf(p.code.padEnd(6, '0'))?.short, p.name).toBeTruthy();
    for (const p of provinces) expect(p.name.startsWith(tileOf(p.code)!.short.slice(0, 2)), p.name).toBe(true);
    const city = cities[0]!;
    expect(tileOf(city.code.padEnd(6, '0'))).toBe(tileOf(city.provinceCode!));
    expect(tileOf('990000')).toBeUndefined();
  });
  it('shades counts on a square-root scale', () => {
    expect([0, 1, 10, 50, 100].map((n) => shadeStep(n, 100))).toEqual([0, 1, 1, 3, 3]);
    expect(shadeStep(20, 100)).toBe(2);
    expect(shadeStep(3, 0)).toBe(0);
  });
});
