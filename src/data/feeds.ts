import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import type { CaseView } from './casebook.ts';
import { href, routes } from '../href.ts';
import { xmlSafe } from '../lib/text/unsafeChars.ts';

/**
 * An RSS feed of cases. Every text goes through `xmlSafe`: the build refuses control characters
 * in content, but the feed must be well-formed XML whatever reaches it (a region name from the
 * dataset, a future field), so characters XML 1.0 forbids are dropped here as well.
 * pubDate only when the source gives a full day: a year-only case gets no invented date
 * (RSS 2.0 makes pubDate optional); its date text is in the summary.
 */
export async function caseFeed(
  context: APIContext,
  feed: { title: string; description: string; cases: CaseView[]; path?: string },
) {
  // RSS needs absolute links: without SITE_URL no feed is written (a body-less response writes no file).
  if (!context.site) return new Response(null, { status: 404 });
  return rss({
    title: xmlSafe(feed.title),
    description: xmlSafe(feed.description),
    // The channel links to the page the feed follows, under the configured base.
    site: new URL(href(feed.path ?? routes.home()), context.site).href,
    customData: '<language>zh-cn</language>',
    items: feed.cases.map((c) => ({
      title: xmlSafe(c.data.title),
      link: href(routes.case(c.id)),
      description: xmlSafe(`${c.region.data.name} · ${c.data.body} · ${c.dateText}：${c.data.summary}`),
      categories: c.measures.map((m) => xmlSafe(m.data.name)),
      ...(c.date.day && { pubDate: new Date(Date.UTC(c.date.year, c.date.month! - 1, c.date.day)) }),
    })),
  });
}
