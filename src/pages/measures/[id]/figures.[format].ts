import type { APIRoute } from 'astro';
import { getCasebook, type MeasureEntry } from '../../../data/casebook.ts';
import {
  measureHasFigures,
  measureTable,
  tablePaths,
  tableResponse,
  type TableFormat,
} from '../../../data/tableFiles.ts';

export async function getStaticPaths() {
  const casebook = await getCasebook();
  return tablePaths(casebook.measures, (m) => measureHasFigures(casebook, m));
}

export const GET: APIRoute = async ({ props, site }) => {
  const { entity, format } = props as { entity: MeasureEntry; format: TableFormat };
  return tableResponse(format, measureTable(await getCasebook(), entity, site));
};
