/**
 * Drafts: a case file with `draft: true` is unreviewed ingest output. The public build leaves it
 * out of everything (pages, lists, feeds, the sitemap, the search index, exports, counts) and names
 * it in its output; the dev server shows it, with a 待审核 banner on its page. Removing the flag
 * publishes the case. One decision, used by the casebook loader and by the build's page check.
 */

export interface MaybeDraft {
  id: string;
  data: { draft?: boolean | undefined };
}

/**
 * Whether drafts are shown: by the dev server (`astro dev`), never by a build, whatever the
 * environment says (a build run from a test runner has NODE_ENV=test and so Vite's DEV set).
 */
export function showsDrafts(command: unknown): boolean {
  return command === 'dev';
}

/** The Vite define that tells the casebook loader which Astro command runs. */
export const COMMAND_DEFINE = 'import.meta.env.CASEBOOK_COMMAND';

/**
 * Whether a case's front matter marks it a draft: the one test for the build, the CLI's write
 * plan and the studio. A case without the flag has been reviewed (curated), whatever comments it
 * kept; a draft whose ingest comments were deleted is still a draft.
 */
export function isDraft(data: { draft?: unknown }): boolean {
  return data.draft === true;
}

/** The cases a build shows, and the ids of the drafts it leaves out. */
export function publishedCases<T extends MaybeDraft>(entries: readonly T[], withDrafts: boolean) {
  if (withDrafts) return { shown: [...entries], left: [] as string[] };
  const shown = entries.filter((e) => !isDraft(e.data));
  const left = entries.filter((e) => isDraft(e.data)).map((e) => e.id);
  return { shown, left: left.sort() };
}

/** Sources that only left-out drafts cite: they wait with their drafts. */
export function draftOnlySources(
  all: readonly { source: string }[],
  shown: readonly { source: string }[],
): Set<string> {
  const cited = new Set(shown.map((c) => c.source));
  return new Set(all.filter((c) => !cited.has(c.source)).map((c) => c.source));
}

/** The build's line about drafts it did not publish, or undefined when there are none. */
export function draftsLine(ids: readonly string[]): string | undefined {
  if (!ids.length) return undefined;
  const shown = ids.slice(0, 20).join(', ');
  return `${ids.length} draft${ids.length === 1 ? '' : 's'} not published: ${shown}${ids.length > 20 ? ', …' : ''} (remove \`draft: true\` after review to publish)`;
}
