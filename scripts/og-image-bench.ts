// Share-image benchmark: renders N synthetic case cards as the build does and prints ONE JSON line
// with ms per image (layout, cold render, parallel render, cache hit) and the extrapolation to
// 10,000 cases. Numbers only, no pass/fail.   npm run bench:og -- [--images N]
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ogSvg, type OgCard } from '../src/lib/og/card.ts';
import { ogFonts } from '../src/lib/og/fonts.ts';
import { renderPng } from '../src/lib/og/render.ts';

const { values } = parseArgs({ options: { images: { type: 'string', default: '40' } } });
const n = Number(values.images);
if (!Number.isInteger(n) || n < 1) {
  console.error('usage: npx tsx scripts/og-image-bench.ts [--images N]');
  process.exit(2);
}

const titles = [
  '从“有学上”到“上好学”：上街区推进教育优质均衡发展',
  '洛阳市改革引领、提质增效，推动教育向更高质量发展迈进',
  '商丘市推进基础教育扩优提质：强化保障、扩增资源、提升质量、深化改革、为民解忧',
];
const cards: OgCard[] = Array.from({ length: n }, (_, i) => ({
  siteName: '基础教育改革案例库',
  title: `${titles[i % titles.length]}（${i + 1}）`,
  subtitle: `河南省郑州市上街区 · ${2000 + (i % 25)}年`,
  figures: [
    { value: `${1000 + i}个`, label: '新增优质学位' },
    { value: `${(i % 100) + 0.5}%`, label: '公办园在园幼儿占比' },
  ],
}));

// Wall time per image, and CPU time per image (all threads): on a busy machine the CPU time is the
// steadier measure of the cost; wall time on an idle machine is about CPU time / cores.
const ms = (t: number) => Math.round(((performance.now() - t) / n) * 10) / 10;
const cpuMs = (c: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(c);
  return Math.round(((d.user + d.system) / 1000 / n) * 10) / 10;
};
let t = performance.now();
const fonts = ogFonts();
const fontMs = Math.round(performance.now() - t);

t = performance.now();
let cpu = process.cpuUsage();
const svgs = cards.map((c) => ogSvg(c, fonts));
const layoutMs = ms(t);
const layoutCpuMs = cpuMs(cpu);

t = performance.now();
cpu = process.cpuUsage();
for (const svg of svgs) await renderPng(svg, null);
const renderMs = ms(t);
const renderCpuMs = cpuMs(cpu);

const cache = mkdtempSync(join(tmpdir(), 'og-bench-'));
const workers = Math.max(2, availableParallelism()) * 2;
t = performance.now();
for (let i = 0; i < svgs.length; i += workers)
  await Promise.all(svgs.slice(i, i + workers).map((s) => renderPng(s, cache)));
const parallelMs = ms(t);

t = performance.now();
for (const svg of svgs) await renderPng(svg, cache);
const cachedMs = ms(t);
rmSync(cache, { recursive: true, force: true });

const at10k = (perImage: number) => Math.round((perImage * 10_000) / 100) / 10;
console.log(
  JSON.stringify({
    images: n,
    cores: availableParallelism(),
    fontOpenMs: fontMs,
    layoutMsPerImage: layoutMs,
    layoutCpuMsPerImage: layoutCpuMs,
    renderMsPerImage: renderMs,
    renderCpuMsPerImage: renderCpuMs,
    parallelRenderMsPerImage: parallelMs,
    cachedMsPerImage: cachedMs,
    coldBuildSecondsAt10k: at10k(layoutMs + parallelMs),
    coldCpuSecondsAt10k: at10k(layoutCpuMs + renderCpuMs),
    warmBuildSecondsAt10k: at10k(layoutMs + cachedMs),
  }),
);
