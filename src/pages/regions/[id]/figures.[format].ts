import type { APIRoute } from 'astro';
import { getCasebook, type RegionEntry } from '../../../data/casebook.ts';
import {
  regionHasFigures,
  regionTable,
  tablePaths,
  tableResponse,
  type TableFormat,
} from '../../../data/tableFiles.ts';

export async function getStaticPaths() {
  const casebook = await getCasebook();
  return tablePaths(casebook.regions, (r) => regionHasFigures(casebook, r));
}

export const GET: APIRoute = async ({ props, site }) => {
  const { entity, format } = props as { entity: RegionEntry; format: TableFormat };
  return tableResponse(format, regionTable(await getCasebook(), entity, site));
};
