/**
 * Pagefind's own browser code and WebAssembly from a built site, run in Node through its public
 * JS API, reading the files as the browser would (a `fetch` that serves the built site): how
 * the index step asks the index it wrote what the browser will find (answers, result ids).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PagefindLike } from '../engine/types.ts';

/** A Pagefind instance of the public JS API. */
export interface SitePagefind extends PagefindLike {
  init(): Promise<void>;
  destroy(): Promise<void>;
  /** Adds another bundle (its URL path) to this instance's searches (https://pagefind.app/docs/multisite/). */
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
}

interface PagefindModule {
  createInstance(options: Record<string, unknown>): SitePagefind;
}

/**
 * Runs `task` with a global `fetch` that serves the files of `dist` (site-root paths), as the
 * site's host would: Pagefind's browser code fetches its bundle with the global `fetch`.
 */
export async function withSiteFetch<T>(dist: string, task: () => Promise<T>): Promise<T> {
  const original = globalThis.fetch;
  globalThis.fetch = async (input: string | URL | Request) => {
    const path = decodeURIComponent(
      new URL(input instanceof Request ? input.url : String(input), 'http://site/').pathname,
    );
    try {
      return new Response(readFileSync(join(dist, path)));
    } catch {
      return new Response(null, { status: 404 });
    }
  };
  try {
    return await task();
  } finally {
    globalThis.fetch = original;
  }
}

/** Pagefind over `dist/pagefind/` (call within `withSiteFetch`), initialised. */
export async function openSiteBundle(dist: string): Promise<SitePagefind> {
  const module = (await import(pathToFileURL(join(dist, 'pagefind', 'pagefind.js')).href)) as PagefindModule;
  const pagefind = module.createInstance({ basePath: '/pagefind/', baseUrl: '/', excerptLength: 20 });
  await pagefind.init();
  return pagefind;
}
