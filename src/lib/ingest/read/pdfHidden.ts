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

/** Operators that only set one value of the graphics state. */
const SETTERS: Partial<Record<keyof PdfOps, (g: Graphics, a: unknown[]) => void>> = {
  setLeading: (g, a) => void (g.leading = a[0] as number),
  setFont: (g, a) => void ((g.font = String(a[0])), (g.size = a[1] as number)),
  setCharSpacing: (g, a) => void (g.charSpacing = a[0] as number),
  setWordSpacing: (g, a) => void (g.wordSpacing = a[0] as number),
  setHScale: (g, a) => void (g.hScale = (a[0] as number) / 100),
  setTextRise: (g, a) => void (g.rise = a[0] as number),
  setTextRenderingMode: (g, a) => void (g.mode = a[0] as number),
  setFillRGBColor: (g, a) => void (g.fill = [Number(a[0]), Number(a[1]), Number(a[2])]),
};

/** The text state machine of one page: graphics state, text matrices, filled rectangles, runs. */
class PageText {
  g: Graphics = {
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
  stack: Graphics[] = [];
  tm: Matrix = IDENTITY;
  tlm: Matrix = IDENTITY;
  boxes: Box[] = [];
  pendingBox: Omit<Box, 'fill'> | undefined;
  runs: PdfRun[] = [];

  constructor(
    private view: readonly number[],
    private fontScale: (font: string) => number,
  ) {}

  /** The fill of the last rectangle painted under (x, y), or white paper. */
  background(x: number, y: number): number[] {
    for (let i = this.boxes.length - 1; i >= 0; i--) {
      const b = this.boxes[i]!;
      if (x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1) return b.fill;
    }
    return [255, 255, 255];
  }

  newLine(tx: number, ty: number): void {
    this.tlm = multiply([1, 0, 0, 1, tx, ty], this.tlm);
    this.tm = this.tlm;
  }

  /** A rectangle path, remembered if the next operator fills it. */
  path(ops: PdfOps, pathOps: number[] | undefined, minMax: number[] | undefined): void {
    this.pendingBox = undefined;
    if (pathOps?.length !== 1 || pathOps[0] !== ops.rectangle || minMax?.length !== 4) return;
    const [x0, y0] = apply(this.g.ctm, minMax[0]!, minMax[1]!);
    const [x1, y1] = apply(this.g.ctm, minMax[2]!, minMax[3]!);
    this.pendingBox = { x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
  }

  fill(): void {
    if (this.pendingBox) this.boxes.push({ ...this.pendingBox, fill: [...this.g.fill] });
    this.pendingBox = undefined;
  }

  why(x: number, y: number, size: number, width: number, length: number): HiddenReason | undefined {
    const [vx0 = 0, vy0 = 0, vx1 = 595, vy1 = 842] = this.view;
    if (this.g.mode === 3 || this.g.mode === 7) return 'invisible render mode';
    if (sameColour(this.g.fill, this.background(x, y))) return 'same colour as the background';
    if (size < 1.5 || Math.abs(width) < 0.5 * length) return 'tiny type';
    if (x > vx1 || x + width < vx0 || y > vy1 || y + size < vy0) return 'off the page';
    return undefined;
  }

  show(glyphs: readonly Glyph[]): void {
    const { g } = this;
    const start = multiply([g.size * g.hScale, 0, 0, g.size, 0, g.rise], multiply(this.tm, g.ctm));
    const scale = this.fontScale(g.font);
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
    const width = advance * Math.hypot(g.ctm[0], g.ctm[1]) * Math.hypot(this.tm[0], this.tm[1]);
    this.tm = multiply([1, 0, 0, 1, advance, 0], this.tm);
    if (!str.trim()) return;
    const hidden = this.why(x, y, size, width, str.length);
    this.runs.push({ str, transform: [size, 0, 0, size, x, y], width, height: size, ...(hidden && { hidden }) });
  }
}

/** Applies one operator (pdf.js id `fn`, arguments `a`) to the page's text state. */
function step(page: PageText, ops: PdfOps, names: Map<number, keyof PdfOps>, fn: number, a: unknown[]): void {
  const setter = SETTERS[names.get(fn)!];
  if (setter) return setter(page.g, a);
  switch (fn) {
    case ops.save:
    case ops.paintFormXObjectBegin:
      page.stack.push({ ...page.g });
      if (fn === ops.paintFormXObjectBegin && Array.isArray(a[0])) page.g.ctm = multiply(a[0] as Matrix, page.g.ctm);
      return;
    case ops.restore:
    case ops.paintFormXObjectEnd:
      page.g = page.stack.pop() ?? page.g;
      return;
    case ops.transform:
      page.g.ctm = multiply(a as unknown as Matrix, page.g.ctm);
      return;
    case ops.beginText:
      page.tm = page.tlm = IDENTITY;
      return;
    case ops.setTextMatrix:
      page.tm = page.tlm = (a as unknown as Matrix).slice(0, 6) as Matrix;
      return;
    case ops.moveText:
    case ops.setLeadingMoveText:
      if (fn === ops.setLeadingMoveText) page.g.leading = -(a[1] as number);
      return page.newLine(a[0] as number, a[1] as number);
    case ops.nextLine:
      return page.newLine(0, -page.g.leading);
    case ops.nextLineSetSpacingShowText:
      page.g.wordSpacing = a[0] as number;
      page.g.charSpacing = a[1] as number;
      page.newLine(0, -page.g.leading);
      return page.show((a[2] as Glyph[]) ?? []);
    case ops.nextLineShowText:
      page.newLine(0, -page.g.leading);
      return page.show((a[0] as Glyph[]) ?? []);
    case ops.showText:
    case ops.showSpacedText:
      return page.show((a[0] as Glyph[]) ?? []);
    case ops.constructPath:
      return page.path(ops, a[0] as number[] | undefined, a[2] as number[] | undefined);
    case ops.fill:
    case ops.eoFill:
    case ops.fillStroke:
    case ops.eoFillStroke:
      return page.fill();
    default:
      return;
  }
}

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
  const names = new Map((Object.entries(ops) as [keyof PdfOps, number][]).map(([name, id]) => [id, name]));
  const page = new PageText(view, fontScale);
  for (let i = 0; i < list.fnArray.length; i++)
    step(page, ops, names, list.fnArray[i]!, (list.argsArray[i] as unknown[] | null) ?? []);
  return page.runs;
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
