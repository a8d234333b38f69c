import { regionHasFigures, regionTable, tableRoute } from '../../../data/tableFiles.ts';

export const { getStaticPaths, GET } = tableRoute((c) => c.regions, regionHasFigures, regionTable);
