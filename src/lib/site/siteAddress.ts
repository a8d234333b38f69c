/**
 * The site's public address. Without SITE_URL the build knows no host, so it prints none:
 * links stay relative and features that need an absolute URL (sitemap, RSS, canonical …) are
 * left out. A made-up host would end up in citations people paste into reports.
 */
export interface SiteAddress {
  /** The absolute origin (and path) the site is served from, or undefined when not configured. */
  site: string | undefined;
}

/** Reads SITE_URL; throws a clear error for a value that is not an absolute http(s) URL. */
export function siteAddress(env: Record<string, string | undefined>): SiteAddress {
  const raw = env.SITE_URL?.trim();
  if (!raw) return { site: undefined };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL “${raw}” is not an absolute URL; set it like SITE_URL=https://jiaoyu.example.gov.cn`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`SITE_URL “${raw}” must start with https:// or http://`);
  }
  return { site: url.href };
}

/** What a build without SITE_URL leaves out, said once. */
export const NO_SITE_WARNING =
  'SITE_URL is not set: the sitemap, RSS feeds, the Sitemap line of robots.txt, canonical/og:url links, ' +
  'og:image and citation_public_url are left out, and citations give the page path only. ' +
  'Build with SITE_URL=https://your.host (and BASE_PATH=/sub/path/ if the site lives below the root) to enable them.';

/** A site path as an absolute URL when the site address is known, else the path itself. */
export function absoluteOrPath(path: string, site: URL | string | undefined): string {
  return site ? new URL(path, site).href : path;
}
