/**
 * The search over bundles as Pagefind itself wrote them, merged by its public browser API
 * (`mergeIndex`, https://pagefind.app/docs/multisite/): what the index step leaves when the
 * installed Pagefind is not the one whose private format mergeIndex.ts knows (version.ts).
 * Pagefind names pages by its own ids and keeps the index text in its fragments; the engine
 * wants the site's result ids (schema.ts `pageId`, which tell cases apart) and the page's text.
 * `search-ids.json` maps the one to the other; the text is rebuilt as the merge does it.
 */
import { fromIndexText } from '../index/indexText.ts';
import type { PagefindLike, PagefindResponse } from '../engine/types.ts';

export const PUBLIC_IDS_FILE = 'search-ids.json';

/** Pagefind's id of every page and the site's result id for it, for the index of `tag`. */
export interface PublicIdsFile {
  version: 1;
  tag: string;
  pages: Array<[pagefindId: string, resultId: string]>;
}

/** How the browser finds the bundles: search-terms.json's `index.public` when the index is not merged. */
export interface PublicBundles {
  /** The bundles besides `pagefind/` to merge into it, relative to the site root (`pagefind-1/` …). */
  bundles: string[];
}

/**
 * Pagefind's search over the merged bundles with the site's result ids and page text: `ids`
 * gives the site's id of a Pagefind id (a page it does not know keeps Pagefind's).
 */
export function publicIndex(
  search: (term: string | null) => Promise<PagefindResponse | null>,
  ids: () => Promise<ReadonlyMap<string, string>>,
): PagefindLike {
  return {
    async search(term) {
      const [response, byPagefindId] = await Promise.all([search(term), ids()]);
      if (!response) return null;
      return {
        results: response.results.map((r) => ({
          id: byPagefindId.get(r.id) ?? r.id,
          score: r.score,
          data: async () => {
            const d = await r.data();
            return { ...d, content: fromIndexText(d.content) };
          },
        })),
      };
    },
  };
}

/** The id map of a `search-ids.json` of the index of `tag` (empty for another index's). */
export function publicIds(file: PublicIdsFile | undefined, tag: string | undefined): ReadonlyMap<string, string> {
  return new Map(file?.version === 1 && file.tag === tag ? file.pages : []);
}
