/**
 * Workaround for Astro 5.18's data store (astro/dist/content/mutable-data-store.js): it saves on a
 * 500 ms debounce. With thousands of cases a save that starts while the collections load is still
 * being written when `astro sync` reports done, and the build then reads no store (or a partial
 * one) and renders a site without cases, exiting 0. Wait for such a save to finish, then mark the
 * store changed so that the final save is the one the sync awaits. See docs/performance.md.
 * The case-page count check (src/integrations/casePages.ts) catches any remaining loss.
 */
import { existsSync } from 'node:fs';
import type { LoaderContext } from 'astro/loaders';

export async function settleDataStore(context: LoaderContext): Promise<void> {
  const pending = new URL('data-store.json.tmp', context.config.cacheDir);
  while (existsSync(pending)) await new Promise((resolve) => setTimeout(resolve, 100));
  context.meta.set('settled', String(Date.now()));
}
