import type { APIRoute } from 'astro';
import { href } from '../href.ts';

// The Sitemap line needs an absolute URL, so it is there only when SITE_URL is set.
export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\n${site ? `\nSitemap: ${new URL(href('sitemap-index.xml'), site).href}\n` : ''}`,
    {
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    },
  );
