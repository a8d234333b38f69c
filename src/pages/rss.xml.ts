import type { APIRoute } from 'astro';
import { getCasebook } from '../data/casebook.ts';
import { caseFeed } from '../data/feeds.ts';
import { t } from '../i18n/index.ts';

export const GET: APIRoute = async (context) => {
  const { cases } = await getCasebook();
  return caseFeed(context, { title: t('site.name'), description: t('site.description'), cases });
};
