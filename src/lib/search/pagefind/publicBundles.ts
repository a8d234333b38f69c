/**
 * The index as Pagefind wrote it, one bundle per part (`pagefind/`, `pagefind-1/` …), when the
 * installed Pagefind is not the one whose private format mergeIndex.ts knows (version.ts): the
 * browser merges the bundles with Pagefind's public `mergeIndex` (publicIndex.ts), and the
 * site's result ids are read here through Pagefind's public JS API, never from its files.
 */
import { openSiteBundle, withSiteFetch } from './siteBundle.ts';

/** The directory of part `n` in the built site. */
export function bundleDir(n: number): string {
  return n === 0 ? 'pagefind' : `pagefind-${n}`;
}

/**
 * Pagefind's id of every page of the bundles (the first one `pagefind/`, then `others`, e.g.
 * `pagefind-1/`), with the site's result id `resultIdOf` gives its URL.
 */
export async function publicResultIds(
  dist: string,
  others: string[],
  resultIdOf: (url: string) => string,
): Promise<Array<[pagefindId: string, resultId: string]>> {
  return withSiteFetch(dist, async () => {
    const pagefind = await openSiteBundle(dist);
    try {
      for (const bundle of others) await pagefind.mergeIndex(`/${bundle}`);
      const all = (await pagefind.search(null))?.results ?? [];
      return await Promise.all(
        all.map(async (r): Promise<[string, string]> => [r.id, resultIdOf((await r.data()).url)]),
      );
    } finally {
      await pagefind.destroy();
    }
  });
}
