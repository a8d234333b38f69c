/** The site's regions: content/regions.yaml resolved against the GB/T 2260 dataset. */
import { CONTENT_PATHS, readRegionPaths } from './contentFiles.ts';
import { loadDivisionDataset } from './divisionData.ts';
import { resolveRegionPath, type Region } from './regions.ts';

/**
 * Every listed region, each preceded by its province and city when those are not listed
 * themselves: an editor who types one county of a new province gets the whole chain
 * (the region pages link up it). Listed once each, in the order first mentioned.
 */
export function loadRegions(root = process.cwd()): Region[] {
  const data = loadDivisionDataset();
  const byId = new Map<string, Region>();
  for (const { path, line } of readRegionPaths(root)) {
    const region = resolveRegionPath(path, data);
    if ('error' in region) throw new Error(`${CONTENT_PATHS.regions}:${line}: ${region.error}`);
    const ancestors = region.path
      .slice(0, -1)
      .map((_, i) => resolveRegionPath(region.path.slice(0, i + 1).join(' '), data));
    for (const r of [...ancestors, region]) if (!('error' in r) && !byId.has(r.id)) byId.set(r.id, r);
  }
  return [...byId.values()];
}
