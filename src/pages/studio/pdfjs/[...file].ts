/**
 * pdf.js's CMaps (for CJK fonts a PDF does not embed) and standard fonts, served for the
 * studio's PDF reader (src/lib/ingest/read/pdfPlatform.browser.ts): fetched only when a PDF
 * needs one, and the Chinese CMaps when the studio is idle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';

const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

export const getStaticPaths: GetStaticPaths = () =>
  ['cmaps', 'standard_fonts'].flatMap((dir) =>
    readdirSync(join(root, dir))
      .filter((name) => /\.(bcmap|pfb|ttf)$|^LICENSE/.test(name))
      .map((name) => ({ params: { file: `${dir}/${name}` } })),
  );

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(root, params.file ?? '')), {
    headers: { 'Content-Type': 'application/octet-stream' },
  });
