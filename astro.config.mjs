// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { rehypeParagraphIds } from './src/lib/rehypeParagraphIds.ts';
import { rehypeSafeUrls, remarkSafeUrls } from './src/lib/content/safeUrls.ts';
import casePages from './src/integrations/casePages.ts';
import { CONTENT_PATHS } from './src/lib/contentFiles.ts';
import { siteAddress } from './src/lib/siteAddress.ts';
import { siteAddressNotice } from './src/integrations/siteAddressNotice.ts';

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
  vite: { plugins: [/** @type {any} */ (tailwindcss())] },
});
