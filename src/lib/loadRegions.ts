/** The site's regions: content/regions.yaml resolved against the GB/T 2260 dataset. */
import { CONTENT_PATHS, readRegionPaths } from './contentFiles.ts';
import { loadDivisionDataset } from './divisionData.ts';
import { resolveRegionPath, type Region } from './regions.ts';

export function loadRegions(root = process.cwd()): Region[] {
  const data = loadDivisionDataset();
  return readRegionPaths(root).map(({ path, line }) => {
    const r = resolveRegionPath(path, data);
    if ('error' in r) throw new Error(`${CONTENT_PATHS.regions}:${line}: ${r.error}`);
    return r;
  });
}
