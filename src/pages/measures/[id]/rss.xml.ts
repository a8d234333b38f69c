import type { APIRoute } from 'astro';
import { getCasebook, type MeasureEntry } from '../../../data/casebook.ts';
import { caseFeed } from '../../../data/feeds.ts';
import { t } from '../../../i18n/index.ts';
import { routes } from '../../../href.ts';

export async function getStaticPaths() {
  const { measures } = await getCasebook();
  return measures.map((measure) => ({ params: { id: measure.id }, props: { measure } }));
}

export const GET: APIRoute = async (context) => {
  const { measure } = context.props as { measure: MeasureEntry };
  const { casesByMeasure } = await getCasebook();
  return caseFeed(context, {
    title: t('feed.measureTitle', { name: measure.data.name, site: t('site.name') }),
    description: measure.data.definition,
    cases: casesByMeasure.get(measure.id)!,
    path: routes.measure(measure.id),
  });
};
