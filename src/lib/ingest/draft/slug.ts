/**
 * Readable, stable ASCII file names: a case is `<city>[-<county>]-<date>` in pinyin
 * (`zhengzhou-shangjie-2025-10-11`), a source `<date>-<cities>` (`2024-shangqiu-zhoukou-zhumadian`).
 * Re-ingesting the same file yields the same names; a name already used by another source
 * gets a numeric suffix.
 */
import { pinyin } from 'pinyin-pro';
import { shortRegionName } from '../../model/regions.ts';
import type { PlaceChain } from '../structure/orgs.ts';

/**
 * Pinyin of a place's short name (the one rule of ../../model/regions.ts: level suffix and ethnic names
 * off): 郑州市 → zhengzhou, 二七区 → erqi, 黔东南苗族侗族自治州 → qiandongnan, 清新区 → qingxin.
 */
export function placeSlug(name: string): string {
  const core = shortRegionName(name) || name;
  return pinyin(core, { toneType: 'none', type: 'array', nonZh: 'consecutive' })
    .join('')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .replace(/[^a-z0-9]+/g, '');
}

/** Slug of a place chain: the city and, if any, the county/district (or the province alone). */
export function chainSlug(chain: PlaceChain | undefined): string {
  if (!chain) return 'unknown';
  const parts = [
    chain.city && chain.city.name !== '市辖区' ? chain.city.name : chain.province?.name,
    chain.area?.name,
  ].filter(Boolean) as string[];
  return parts.map(placeSlug).filter(Boolean).join('-') || 'unknown';
}

export function slugify(...parts: (string | undefined)[]): string {
  return parts
    .filter(Boolean)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The first of `base`, `base-2`, `base-3` … that is free: not taken in this run and not an
 * existing file that belongs to something else (`owner(name)` returns who owns an existing
 * name, `undefined` when free; `self` is who we are).
 */
export function freeName(
  base: string,
  taken: ReadonlySet<string>,
  owner: (name: string) => string | undefined,
  self: string,
): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}-${n}`;
    if (taken.has(name)) continue;
    const o = owner(name);
    if (o === undefined || o === self) return name;
  }
}
