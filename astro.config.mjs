// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import remarkCjkFriendly from 'remark-cjk-friendly';
import { rehypeParagraphIds } from './src/lib/rehypeParagraphIds.ts';
import pagefindIndex from './src/integrations/pagefind.ts';

// SITE_URL / BASE_PATH let a bureau host dist/ anywhere, also under a sub-path like /casebook/.
const site = process.env.SITE_URL || 'https://example.org';
const base = process.env.BASE_PATH || '/';

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), sitemap(), pagefindIndex()],
  markdown: {
    remarkPlugins: [remarkCjkFriendly],
    rehypePlugins: [rehypeParagraphIds],
  },
  // The cast: @tailwindcss/vite is typed against a newer Vite than Astro 5's (runtime is fine).
  vite: { plugins: [/** @type {any} */ (tailwindcss())] },
});
