/**
 * SVG → PNG with resvg, cached by content: an unchanged card is not rendered again in the next
 * build. The SVG carries its text as outlines, so resvg loads no fonts (never the machine's).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';

/** Bump when the rendering changes in a way the SVG text does not show. */
const RENDER_VERSION = 'resvg-2.6-png-1';

const defaultCacheDir = () => join(process.cwd(), 'node_modules', '.cache', 'og-images');

/** `cacheDir: null` renders without a cache. */
export async function renderPng(svg: string, cacheDir: string | null = defaultCacheDir()): Promise<Buffer> {
  const key = createHash('sha256').update(RENDER_VERSION).update(svg).digest('hex');
  const cached = cacheDir && join(cacheDir, `${key}.png`);
  if (cached && existsSync(cached)) return readFileSync(cached);
  const png = (await renderAsync(svg, { font: { loadSystemFonts: false }, background: 'white' })).asPng();
  if (cached) {
    mkdirSync(cacheDir, { recursive: true });
    // Write then rename: a build stopped half-way never leaves a truncated PNG in the cache.
    const partial = `${cached}.${process.pid}.tmp`;
    writeFileSync(partial, png);
    renameSync(partial, cached);
  }
  return png;
}
