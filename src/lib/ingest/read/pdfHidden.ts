/**
 * Text a reader of a PDF never sees, found from the page's operator list (pdf.js's text content
 * has no render mode or colour): text in render mode 3 (invisible) or 7 (clip only), filled in the
 * colour of what lies under it (white paper, or a filled rectangle), in type under 1.5 pt, squeezed
 * to no width, or placed off the page. Each shown string becomes a run with its position and, when
 * hidden, why; a page with hidden runs is then read from its visible runs only.
 */

/** pdf.js operator ids (`OPS` of pdfjs-dist), passed in so that this module stays free of pdf.js. */
export type PdfOps = Record<
  | 'save'
  | 'restore'
  | 'transform'
  | 'beginText'
  | 'setTextMatrix'
  | 'moveText'
  | 'setLeadingMoveText'
  | 'nextLine'
  | 'setLeading'
  | 'setFont'
  | 'setCharSpacing'
  | 'setWordSpacing'
  | 'setHScale'
  | 'setTextRise'
  | 'setTextRenderingMode'
  | 'setFillRGBColor'
  | 'showText'
  | 'showSpacedText'
  | 'nextLineShowText'
  | 'nextLineSetSpacingShowText'
  | 'paintFormXObjectBegin'
  | 'paintFormXObjectEnd'
  | 'constructPath'
  | 'rectangle'
  | 'fill'
  | 'eoFill'
  | 'fillStroke'
  | 'eoFillStroke',
  number
>;

export type HiddenReason = 'invisible render mode' | 'same colour as the background' | 'tiny type' | 'off the page';

export interface PdfRun {
  str: string;
  /** [size, 0, 0, size, x, y] in page space, like pdf.js text items. */
  transform: number[];
  width: number;
  height: number;
  hidden?: HiddenReason;
}

type Matrix = [number, number, number, number, number, number];
type Glyph = { unicode?: string; width?: number; isSpace?: boolean } | number | null;

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

interface Graphics {
  ctm: Matrix;
  fill: [number, number, number];
  mode: number;
  font: string;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  rise: number;
  leading: number;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  fill: [number, number, number];
}

const sameColour = (a: readonly number[], b: readonly number[]) => a.every((v, i) => Math.abs(v - b[i]!) <= 12);

/**
 * The runs of one page. `view` is the page box [x0, y0, x1, y1]; `fontScale(font)` the glyph-space
 * scale of a loaded font (fontMatrix[0], 0.001 for most fonts).
 */
export function pageRuns(
  ops: PdfOps,
  list: { fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> },
  view: readonly number[],
  fontScale: (font: string) => number,
): PdfRun[] {
  let g: Graphics = {
    ctm: IDENTITY,
    fill: [0, 0, 0],
    mode: 0,
    font: '',
    size: 12,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    rise: 0,
    leading: 0,
  };
  const stack: Graphics[] = [];
  let tm: Matrix = IDENTITY;
  let tlm: Matrix = IDENTITY;
  const boxes: Box[] = [];
  let pendingBox: Omit<Box, 'fill'> | undefined;
  const runs: PdfRun[] = [];
  const [vx0 = 0, vy0 = 0, vx1 = 595, vy1 = 842] = view;

  const background = (x: number, y: number) => {
    for (let i = boxes.length - 1; i >= 0; i--) {
      const b = boxes[i]!;
      if (x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1) return b.fill;
    }
    return [255, 255, 255] as [number, number, number];
  };
  const newLine = (tx: number, ty: number) => {
    tlm = multiply([1, 0, 0, 1, tx, ty], tlm);
    tm = tlm;
  };
  const show = (glyphs: readonly Glyph[]) => {
    const start = multiply([g.size * g.hScale, 0, 0, g.size, 0, g.rise], multiply(tm, g.ctm));
    const scale = fontScale(g.font);
    let advance = 0;
    let str = '';
    for (const glyph of glyphs) {
      if (typeof glyph === 'number') advance -= (glyph / 1000) * g.size * g.hScale;
      else if (glyph) {
        str += glyph.unicode ?? '';
        advance +=
          ((glyph.width ?? 0) * scale * g.size + g.charSpacing + (glyph.isSpace ? g.wordSpacing : 0)) * g.hScale;
      }
    }
    const [x, y] = apply(start, 0, 0);
    const size = Math.hypot(start[2], start[3]);
    const width = advance * Math.hypot(g.ctm[0], g.ctm[1]) * Math.hypot(tm[0], tm[1]);
    tm = multiply([1, 0, 0, 1, advance, 0], tm);
    if (!str.trim()) return;
    const hidden: HiddenReason | undefined =
      g.mode === 3 || g.mode === 7
        ? 'invisible render mode'
        : sameColour(g.fill, background(x, y))
          ? 'same colour as the background'
          : size < 1.5 || Math.abs(width) < 0.5 * str.length
            ? 'tiny type'
            : x > vx1 || x + width < vx0 || y > vy1 || y + size < vy0
              ? 'off the page'
              : undefined;
    runs.push({ str, transform: [size, 0, 0, size, x, y], width, height: size, ...(hidden && { hidden }) });
  };

  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as never[] | null;
    const a = (args ?? []) as unknown[];
    switch (fn) {
      case ops.save:
      case ops.paintFormXObjectBegin:
        stack.push({ ...g });
        if (fn === ops.paintFormXObjectBegin && Array.isArray(a[0])) g.ctm = multiply(a[0] as Matrix, g.ctm);
        break;
      case ops.restore:
      case ops.paintFormXObjectEnd:
        g = stack.pop() ?? g;
        break;
      case ops.transform:
        g.ctm = multiply(a as unknown as Matrix, g.ctm);
        break;
      case ops.beginText:
        tm = tlm = IDENTITY;
        break;
      case ops.setTextMatrix:
        tm = tlm = (a as unknown as Matrix).slice(0, 6) as Matrix;
        break;
      case ops.moveText:
        newLine(a[0] as number, a[1] as number);
        break;
      case ops.setLeadingMoveText:
        g.leading = -(a[1] as number);
        newLine(a[0] as number, a[1] as number);
        break;
      case ops.nextLine:
        newLine(0, -g.leading);
        break;
      case ops.setLeading:
        g.leading = a[0] as number;
        break;
      case ops.setFont:
        g.font = String(a[0]);
        g.size = a[1] as number;
        break;
      case ops.setCharSpacing:
        g.charSpacing = a[0] as number;
        break;
      case ops.setWordSpacing:
        g.wordSpacing = a[0] as number;
        break;
      case ops.setHScale:
        g.hScale = (a[0] as number) / 100;
        break;
      case ops.setTextRise:
        g.rise = a[0] as number;
        break;
      case ops.setTextRenderingMode:
        g.mode = a[0] as number;
        break;
      case ops.setFillRGBColor:
        g.fill = [Number(a[0]), Number(a[1]), Number(a[2])];
        break;
      case ops.nextLineSetSpacingShowText:
        g.wordSpacing = a[0] as number;
        g.charSpacing = a[1] as number;
        newLine(0, -g.leading);
        show((a[2] as Glyph[]) ?? []);
        break;
      case ops.nextLineShowText:
        newLine(0, -g.leading);
        show((a[0] as Glyph[]) ?? []);
        break;
      case ops.showText:
      case ops.showSpacedText:
        show((a[0] as Glyph[]) ?? []);
        break;
      case ops.constructPath: {
        // A path that is one rectangle, filled next: something text may sit on (a background).
        const pathOps = a[0] as number[] | undefined;
        const minMax = a[2] as number[] | undefined;
        pendingBox = undefined;
        if (pathOps?.length === 1 && pathOps[0] === ops.rectangle && minMax?.length === 4) {
          const [x0, y0] = apply(g.ctm, minMax[0]!, minMax[1]!);
          const [x1, y1] = apply(g.ctm, minMax[2]!, minMax[3]!);
          pendingBox = { x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
        }
        break;
      }
      case ops.fill:
      case ops.eoFill:
      case ops.fillStroke:
      case ops.eoFillStroke:
        if (pendingBox) boxes.push({ ...pendingBox, fill: [...g.fill] });
        pendingBox = undefined;
        break;
      default:
        break;
    }
  }
  return runs;
}

/** `n` hidden runs, by reason, for the report: `12 (invisible render mode), 3 (tiny type)`. */
export function hiddenSummary(runs: readonly PdfRun[]): Map<HiddenReason, { runs: number; chars: number }> {
  const by = new Map<HiddenReason, { runs: number; chars: number }>();
  for (const r of runs) {
    if (!r.hidden) continue;
    const entry = by.get(r.hidden) ?? { runs: 0, chars: 0 };
    entry.runs++;
    entry.chars += r.str.replace(/\s/g, '').length;
    by.set(r.hidden, entry);
  }
  return by;
}
