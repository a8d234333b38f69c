import { measureHasFigures, measureTable, tableRoute } from '../../../data/tableFiles.ts';

export const { getStaticPaths, GET } = tableRoute((c) => c.measures, measureHasFigures, measureTable);
