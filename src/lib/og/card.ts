/**
 * The share preview of a case (og:image): a 1200×630 card with the title, the region and date,
 * and two key figures. Text is laid out here and drawn as glyph outlines from the bundled font,
 * so the renderer needs no fonts at all: the picture is the same on every build machine, and
 * rendering stays cheap (no font database to load per image).
 */
import type { Font } from 'fontkit';

export const OG_IMAGE = { width: 1200, height: 630 } as const;

export interface OgCard {
  siteName: string;
  title: string;
  /** Region and date line, e.g. 河南省郑州市上街区 · 2025年10月11日. */
  subtitle: string;
  /** At most two are drawn. */
  figures: { value: string; label: string }[];
}

export interface OgFonts {
  regular: Font;
  bold: Font;
}

/** Colours of the site's light theme (global.css). */
const COLOURS = {
  paper: '#f7f5ef',
  ink: '#1f2328',
  muted: '#57606a',
  accent: '#9a3412',
  line: '#d8d2c4',
  surface: '#ffffff',
};
const MARGIN = 72;

/** Characters that must not start a line, and those that must not end one (GB/T 15834 / JIS X 4051 禁则). */
const NO_START = new Set([...'，。、；：？！）》」』】〕”’…—·%,.;:?!)]}']);
const NO_END = new Set([...'（《「『【〔“‘([{']);

/** Units of line breaking: a run of Latin letters and digits stays whole; each other character is one unit. */
function breakUnits(text: string): string[] {
  return text.match(/[A-Za-z0-9][A-Za-z0-9.,%+-]*|\s+|./gsu) ?? [];
}

/** Advance widths and outlines per font, glyph and string: cards share most of their glyphs. */
const widths = new WeakMap<Font, Map<string, number>>();
const outlines = new WeakMap<Font, Map<number, string>>();

function cached<K, V>(store: WeakMap<Font, Map<K, V>>, font: Font, key: K, make: () => V): V {
  let map = store.get(font);
  if (!map) store.set(font, (map = new Map()));
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

/** Width of a line, as the sum of its break units (CJK text has no kerning across them). */
export function textWidth(font: Font, text: string, size: number): number {
  let units = 0;
  for (const unit of breakUnits(text)) units += cached(widths, font, unit, () => font.layout(unit).advanceWidth);
  return (units * size) / font.unitsPerEm;
}

/** Characters that can show on one line at any size (a line of the narrowest glyphs holds fewer). */
const MAX_LINE_CHARS = 150;

/**
 * Greedy line breaking for CJK text with 禁则: a closing mark stays at the end of the previous line,
 * an opening mark moves to the next; a word or number wider than a line is broken between its
 * characters. Text beyond `maxLines` is cut with an ellipsis. Only what can show is laid out, so
 * the work is bounded whatever the length of the text (a 200,000-character title costs no more).
 */
export function wrapLines(font: Font, text: string, size: number, maxWidth: number, maxLines: number): string[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const shown = [...flat.slice(0, 2 * maxLines * MAX_LINE_CHARS)].slice(0, maxLines * MAX_LINE_CHARS).join('');
  const units = breakUnits(shown).flatMap((u) => (u.length > 1 && textWidth(font, u, size) > maxWidth ? [...u] : [u]));
  const lines: string[] = [];
  let line = '';
  for (let i = 0; i < units.length && lines.length <= maxLines; i++) {
    const unit = units[i]!;
    const next = line + unit;
    if (!line || textWidth(font, next, size) <= maxWidth || NO_START.has(unit)) {
      line = next;
      continue;
    }
    let carry = unit.trim();
    const last = line.at(-1);
    if (last && NO_END.has(last)) {
      line = line.slice(0, -1);
      carry = last + carry;
    }
    lines.push(line.trimEnd());
    line = carry;
  }
  if (line && lines.length <= maxLines) lines.push(line.trimEnd());
  avoidWidow(lines);
  if (lines.length <= maxLines && shown.length === flat.length) return lines;
  const kept = lines.slice(0, maxLines);
  let lastLine = kept.at(-1)!;
  while (lastLine && textWidth(font, `${lastLine}…`, size) > maxWidth) lastLine = [...lastLine].slice(0, -1).join('');
  kept[kept.length - 1] = `${lastLine}…`;
  return kept;
}

/** A last line of one character looks like a slip: take the previous line's last character down with it. */
function avoidWidow(lines: string[]): void {
  const last = lines.at(-1);
  const previous = lines.at(-2);
  if (last === undefined || previous === undefined || [...last].length !== 1) return;
  const chars = [...previous];
  const moved = chars.at(-1);
  if (chars.length < 3 || moved === undefined || NO_START.has(moved) || NO_START.has(last) || /[A-Za-z0-9]/.test(moved))
    return;
  lines[lines.length - 2] = chars.slice(0, -1).join('');
  lines[lines.length - 1] = moved + last;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** A line of text as SVG paths with its left end of the baseline at (x, y). */
function textPaths(font: Font, text: string, x: number, y: number, size: number, fill: string): string {
  const run = font.layout(text);
  const scale = size / font.unitsPerEm;
  let pen = 0;
  const paths: string[] = [];
  run.glyphs.forEach((glyph, i) => {
    const pos = run.positions[i];
    if (!pos) return;
    const d = cached(outlines, font, glyph.id, () => glyph.path.toSVG());
    const gx = x + (pen + pos.xOffset) * scale;
    const gy = y - pos.yOffset * scale;
    // Font units have y up; SVG has y down.
    if (d)
      paths.push(`<path transform="matrix(${round(scale)} 0 0 ${round(-scale)} ${round(gx)} ${round(gy)})" d="${d}"/>`);
    pen += pos.xAdvance;
  });
  return `<g fill="${fill}">${paths.join('')}</g>`;
}

/** The largest size, down to `minSize`, at which a line fits `maxWidth`. */
function fitSize(font: Font, text: string, size: number, maxWidth: number, minSize: number): number {
  let s = size;
  while (s > minSize && textWidth(font, text, s) > maxWidth) s -= 2;
  return s;
}

export function ogSvg(card: OgCard, fonts: OgFonts): string {
  const { width, height } = OG_IMAGE;
  const inner = width - 2 * MARGIN;
  const parts: string[] = [];
  parts.push(`<rect width="${width}" height="${height}" fill="${COLOURS.paper}"/>`);
  parts.push(`<rect width="${width}" height="12" fill="${COLOURS.accent}"/>`);
  parts.push(textPaths(fonts.bold, card.siteName, MARGIN, 84, 30, COLOURS.accent));

  const titleSize = 56;
  const lines = wrapLines(fonts.bold, card.title, titleSize, inner, 3);
  lines.forEach((line, i) =>
    parts.push(textPaths(fonts.bold, line, MARGIN, 170 + i * titleSize * 1.3, titleSize, COLOURS.ink)),
  );
  const subtitleY = 170 + (lines.length - 1) * titleSize * 1.3 + 62;
  const subtitle = wrapLines(fonts.regular, card.subtitle, 30, inner, 1)[0] ?? '';
  parts.push(textPaths(fonts.regular, subtitle, MARGIN, subtitleY, 30, COLOURS.muted));

  const figures = card.figures.slice(0, 2);
  const gap = 32;
  const boxWidth = (inner - gap) / 2;
  const boxTop = 438;
  const boxHeight = 130;
  figures.forEach((f, i) => {
    const x = MARGIN + i * (boxWidth + gap);
    parts.push(
      `<rect x="${x}" y="${boxTop}" width="${boxWidth}" height="${boxHeight}" rx="12" fill="${COLOURS.surface}" stroke="${COLOURS.line}" stroke-width="2"/>`,
    );
    const valueSize = fitSize(fonts.bold, f.value, 52, boxWidth - 56, 28);
    parts.push(textPaths(fonts.bold, f.value, x + 28, boxTop + 66, valueSize, COLOURS.accent));
    const label = wrapLines(fonts.regular, f.label, 26, boxWidth - 56, 1)[0] ?? '';
    parts.push(textPaths(fonts.regular, label, x + 28, boxTop + 108, 26, COLOURS.muted));
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}
