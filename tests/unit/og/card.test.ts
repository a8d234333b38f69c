import { createRequire } from 'node:module';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { OG_IMAGE, ogSvg, textWidth, wrapLines } from '../../../src/lib/og/card.ts';
import { renderPng } from '../../../src/lib/og/render.ts';
import { inkShare, pngSize } from '../../helpers/png.ts';

const require = createRequire(import.meta.url);
const open = (p: string) => fontkit.openSync(require.resolve(p)) as Font;
const fonts = {
  regular: open('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  bold: open('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
};
const cache = mkdtempSync(join(tmpdir(), 'og-cache-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

describe('line breaking', () => {
  const title = '从“有学上”到“上好学”：上街区推进教育优质均衡发展，新增学位1980个（2025年）';
  it('fits each line, keeps the text, and never starts a line with a closing mark', () => {
    const lines = wrapLines(fonts.bold, title, 56, 500, 10);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join('')).toBe(title);
    for (const line of lines) {
      expect(line).not.toMatch(/^[，。、：”）]/);
      expect(line).not.toMatch(/[“（]$/);
      // A closing mark may hang past the edge, nothing else.
      expect(textWidth(fonts.bold, line.replace(/[，。、：”）]$/, ''), 56)).toBeLessThanOrEqual(500);
    }
    // Digits stay together.
    expect(lines.some((l) => l.includes('1980'))).toBe(true);
  });
  it('does not leave a single character on the last line', () => {
    const width = textWidth(fonts.bold, '商丘市推进基础教育扩优提质', 56);
    expect(wrapLines(fonts.bold, '商丘市推进基础教育扩优提质忧', 56, width, 3)).toEqual([
      '商丘市推进基础教育扩优提',
      '质忧',
    ]);
  });
  it('wraps and ellipsises any title within the card: 200,000 characters, one unbroken word, a long address', () => {
    for (const long of ['标题'.repeat(100_000), 'A'.repeat(200_000), `https://example.org/${'x'.repeat(5000)}`]) {
      const lines = wrapLines(fonts.bold, long, 56, 1056, 3);
      expect(lines).toHaveLength(3);
      expect(lines[2]).toMatch(/…$/);
      for (const line of lines) expect(textWidth(fonts.bold, line, 56)).toBeLessThanOrEqual(1056);
    }
  });
  it('cuts what does not fit into the last allowed line with an ellipsis', () => {
    const lines = wrapLines(fonts.bold, title.repeat(3), 56, 500, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/…$/);
    expect(textWidth(fonts.bold, lines[1]!, 56)).toBeLessThanOrEqual(500);
  });
});

describe('share image', () => {
  const card = {
    siteName: '基础教育改革案例库',
    title: '洛阳市改革引领、提质增效',
    subtitle: '河南省洛阳市 · 2022年',
    figures: [
      { value: '6万余名', label: '竞聘上岗教师' },
      { value: '98.5%', label: '覆盖率' },
    ],
  };
  it('renders a 1200×630 PNG with text, using no system font', async () => {
    const svg = ogSvg(card, fonts);
    expect(svg).not.toMatch(/<text|font-family/);
    const png = await renderPng(svg, cache);
    expect(pngSize(png)).toEqual(OG_IMAGE);
    expect(inkShare(png)).toBeGreaterThan(0.02);
  });
  it('renders a card once: the second time it comes from the cache', async () => {
    const svg = ogSvg({ ...card, title: '另一个标题' }, fonts);
    const first = await renderPng(svg, cache);
    const files = readdirSync(cache).length;
    expect(Buffer.compare(await renderPng(svg, cache), first)).toBe(0);
    expect(readdirSync(cache)).toHaveLength(files);
  });
  it('draws more ink for more text (the figures are on the card)', async () => {
    const bare = inkShare(await renderPng(ogSvg({ ...card, figures: [] }, fonts), null));
    const full = inkShare(await renderPng(ogSvg(card, fonts), null));
    expect(full).toBeGreaterThan(bare);
  });
});
