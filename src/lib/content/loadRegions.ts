/** The site's regions: content/regions.yaml resolved against the GB/T 2260 dataset. */
import { CONTENT_PATHS, readRegionPaths } from './contentFiles.ts';
import { loadDivisionDataset } from '../model/divisionData.ts';
import { resolveRegions, type Region } from '../model/regions.ts';

/** Every region of content/regions.yaml with its province and city (see `resolveRegions`). */
export function loadRegions(root = process.cwd()): Region[] {
  return resolveRegions(readRegionPaths(root), loadDivisionDataset(), CONTENT_PATHS.regions);
}
