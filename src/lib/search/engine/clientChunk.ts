/**
 * The file of the search's code (the `search` chunk, astro.config.mjs `manualChunks`), for the
 * search page to fetch with its own script rather than after it (`<link rel="modulepreload">`):
 * a browser finds the chunk only once the page's script has arrived, a round trip later (0.4 s
 * and more on a slow phone connection). Astro builds the browser's code before it renders the
 * pages, in one process, so the Vite plugin below notes the file's name where the page reads it
 * (a global symbol: the config and the pages load this module as two instances).
 */
import type { Plugin } from 'vite';

const KEY = Symbol.for('jiaoyu-casebook.search-chunk');
const CHUNK = 'search';

type Global = Record<symbol, string | undefined>;

/** Notes the file name of the `search` chunk of the browser build. */
export function searchChunkPlugin(): Plugin {
  return {
    name: 'casebook-search-chunk',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle))
        if (file.type === 'chunk' && file.name === CHUNK) (globalThis as Global)[KEY] = file.fileName;
    },
  };
}

/** The `search` chunk's path in the built site (e.g. `_astro/search.CRDCxeLr.js`), once the browser build wrote it. */
export function searchChunkFile(): string | undefined {
  return (globalThis as Global)[KEY];
}
