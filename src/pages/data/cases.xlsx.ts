import type { APIRoute } from 'astro';
import { getCasebook } from '../../data/casebook.ts';
import { caseRecords } from '../../data/openData.ts';
import { workbook } from '../../lib/xlsx.ts';
import { figureText } from '../../lib/figures.ts';
import { absoluteOrPath } from '../../lib/siteAddress.ts';
import { t } from '../../i18n/index.ts';
import { href, routes } from '../../href.ts';

/** The cases and their key figures as an Excel workbook, the same data as cases.csv and figures.csv. */
export const GET: APIRoute = async ({ site }) => {
  const records = caseRecords(await getCasebook(), (id) => absoluteOrPath(href(routes.case(id)), site));
  const cases = {
    name: t('xlsx.casesSheet'),
    header: ['id', t('xlsx.title'), t('xlsx.summary'), t('xlsx.regionCode'), t('xlsx.region'), t('xlsx.regionPath'), t('xlsx.regionLevel'), t('xlsx.city'), t('xlsx.body'), t('xlsx.author'), t('xlsx.date'), t('xlsx.sourceTitle'), t('xlsx.publication'), t('xlsx.issue'), t('xlsx.measures'), t('xlsx.figureCount'), t('xlsx.url')],
    rows: records.map((r) => [
      r.id, r.title, r.summary, r.regionCode, r.region, r.regionPath, r.regionLevel, r.city, r.body, r.author, r.date,
      r.sourceTitle, r.publication, r.issue, r.measures.map((m) => m.name).join('；'), r.figures.length, r.url,
    ]),
  };
  const figures = {
    name: t('xlsx.figuresSheet'),
    header: [t('xlsx.caseId'), t('xlsx.regionCode'), t('xlsx.region'), t('xlsx.body'), t('xlsx.date'), t('xlsx.label'), t('xlsx.value'), t('xlsx.unit'), t('xlsx.asStated'), t('xlsx.year'), t('xlsx.measure'), t('xlsx.quote'), t('xlsx.url')],
    rows: records.flatMap((r) =>
      r.figures.map((f) => [r.id, r.regionCode, r.region, r.body, r.date, f.label, f.value, f.unit, figureText({ ...f, display: f.display ?? undefined }), f.year, f.measure, f.quote, r.url]),
    ),
  };
  return new Response(new Uint8Array(await workbook([cases, figures], t('site.name'))), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
