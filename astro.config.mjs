// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { rehypeParagraphIds } from './src/lib/content/rehypeParagraphIds.ts';
import { rehypeSafeUrls, remarkSafeUrls } from './src/lib/content/safeUrls.ts';
import { searchChunkPlugin } from './src/lib/search/engine/clientChunk.ts';
import casePages from './src/integrations/casePages.ts';
import { CONTENT_PATHS } from './src/lib/content/contentFiles.ts';
import { siteAddress } from './src/lib/site/siteAddress.ts';
import { siteAddressNotice } from './src/integrations/siteAddressNotice.ts';
import { workerExports } from './src/integrations/workerExports.ts';

/**
 * The search's code in one file, fetched when the quick-search dialog first opens (the search
 * page's own code stays with its page). The highlighter on a result's target page (`?hl=`) uses
 * part of it, and finds it in the cache when the reader came from the search.
 */
function searchChunk(/** @type {string} */ id) {
  if (/\/src\/(components\/search\/client\/(boot|page)|lib\/search\/index\/answerHint)\.ts$/.test(id)) return;
  // Rollup puts a manual chunk's dependencies into it: the text modules the studio shares with
  // the search (Han characters, edit distances, body text and sentence ends) get a chunk of their own, so that the studio
  // never loads the search.
  if (/\/src\/lib\/text\/(han|editDistance|bodyText|sentences)\.ts$/.test(id)) return 'text';
  if (/\/src\/(components\/search\/client|lib\/search|i18n)\/|\/src\/lib\/(text\/highlight|site\/urls)\.ts$/.test(id))
    return 'search';
}

// SITE_URL / BASE_PATH let a bureau host dist/ anywhere, also under a sub-path like /casebook/.
// Without SITE_URL no host is made up: the sitemap and other absolute-URL features are left out.
const { site } = siteAddress(process.env);
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  ...(site && { site }),
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), site ? sitemap() : siteAddressNotice(), casePages({ dir: CONTENT_PATHS.cases })],
  markdown: {
    // The URL-safety layer (docs/security.md): on the parsed trees, http(s)/mailto/site paths only.
    remarkPlugins: [remarkCjkFriendly, remarkSafeUrls],
    rehypePlugins: [rehypeSafeUrls, rehypeParagraphIds],
  },
  // The cast: @tailwindcss/vite is typed against a newer Vite than Astro 5's (runtime is fine).
  // Astro workaround “@tailwindcss/vite typed against a newer Vite” (src/lib/content/astroWorkarounds.ts),
  // https://github.com/withastro/astro/issues/14030.
  vite: {
    plugins: [/** @type {any} */ (tailwindcss()), /** @type {any} */ (searchChunkPlugin())],
    build: { rollupOptions: { output: { manualChunks: searchChunk } } },
    // The studio's Web Worker loads its PDF and DOCX readers on demand (an ES module worker can
    // split), and takes a package's build for workers where there is one (no DOM in a worker).
    worker: { format: 'es', plugins: () => [workerExports()] },
  },
});
