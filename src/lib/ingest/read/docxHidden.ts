/**
 * Runs of a Word document that a reader never sees, removed from the XML before mammoth reads it
 * (mammoth keeps them: it knows nothing of hidden text): hidden (`w:vanish`, `w:specVanish`,
 * `w:webHidden`), coloured like what lies under them (the run's or paragraph's shading, the page
 * background, white paper), or in type under 1.5 pt — set on the run, its character style, its
 * paragraph's style or the document defaults (styles inherit through `w:basedOn`). The XML is
 * read with a streaming parser (saxes), which also counts paragraphs and runs against the limits
 * before anything expensive; a part that is not well-formed XML is refused.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { enforce } from './limits.ts';

export type DocxHiddenReason = 'hidden (w:vanish)' | 'same colour as the background' | 'tiny type';

interface RunProps {
  vanish?: boolean;
  color?: string;
  /** Half-points. */
  size?: number;
  shade?: string;
}

interface Style {
  basedOn?: string;
  props: RunProps;
}

const on = (tag: SaxesTagPlain) => {
  const v = tag.attributes['w:val'];
  return v === undefined || !/^(false|0|off)$/i.test(String(v));
};

/** Reads a run-property element into `props`. */
function readProp(tag: SaxesTagPlain, props: RunProps): void {
  const val = tag.attributes['w:val'];
  switch (tag.name) {
    case 'w:vanish':
    case 'w:specVanish':
    case 'w:webHidden':
      props.vanish = on(tag);
      break;
    case 'w:color':
      if (typeof val === 'string' && /^[0-9a-f]{6}$/i.test(val)) props.color = val.toUpperCase();
      break;
    case 'w:sz':
      if (typeof val === 'string' && /^\d+$/.test(val)) props.size = Number(val);
      break;
    case 'w:shd': {
      const fill = tag.attributes['w:fill'];
      if (typeof fill === 'string' && /^[0-9a-f]{6}$/i.test(fill)) props.shade = fill.toUpperCase();
      break;
    }
    case 'w:highlight':
      if (typeof val === 'string' && val !== 'none') props.shade = HIGHLIGHT[val] ?? props.shade;
      break;
    default:
      break;
  }
}

const HIGHLIGHT: Record<string, string> = { white: 'FFFFFF', black: '000000', yellow: 'FFFF00', lightGray: 'C0C0C0' };

/** Character and paragraph styles of `word/styles.xml` and the document defaults. */
export function readStyles(xml: string | undefined): { styles: Map<string, Style>; defaults: RunProps } {
  const styles = new Map<string, Style>();
  const defaults: RunProps = {};
  if (!xml) return { styles, defaults };
  const parser = new SaxesParser();
  let style: Style | undefined;
  let inDefaults = false;
  let inRunProps = false;
  parser.on('opentag', (tag) => {
    if (tag.name === 'w:style') {
      style = { props: {} };
      styles.set(String(tag.attributes['w:styleId'] ?? ''), style);
    } else if (tag.name === 'w:rPrDefault') inDefaults = true;
    else if (tag.name === 'w:basedOn' && style) style.basedOn = String(tag.attributes['w:val'] ?? '');
    else if (tag.name === 'w:rPr') inRunProps = true;
    else if (inRunProps) readProp(tag, inDefaults ? defaults : (style?.props ?? {}));
  });
  parser.on('closetag', (tag) => {
    if (tag.name === 'w:style') style = undefined;
    else if (tag.name === 'w:rPrDefault') inDefaults = false;
    else if (tag.name === 'w:rPr') inRunProps = false;
  });
  parser.write(xml).close();
  return { styles, defaults };
}

/** A style's properties with those it is based on (at most 10 levels: a loop in basedOn ends). */
function styleProps(styles: Map<string, Style>, id: string | undefined): RunProps {
  const chain: RunProps[] = [];
  for (
    let s = id ? styles.get(id) : undefined, n = 0;
    s && n < 10;
    s = s.basedOn ? styles.get(s.basedOn) : undefined, n++
  )
    chain.unshift(s.props);
  return Object.assign({}, ...chain) as RunProps;
}

const rgb = (hex: string) => [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
const close = (a: string, b: string) => {
  const [x, y] = [rgb(a), rgb(b)];
  return x.every((v, i) => Math.abs(v - y[i]!) <= 12);
};

export interface HiddenRuns {
  xml: string;
  /** Characters of text removed, by reason. */
  removed: Map<DocxHiddenReason, { runs: number; chars: number; sample: string }>;
}

/** Why a run with these effective properties, over this background, cannot be seen. */
function hiddenReason(props: RunProps, under: string): DocxHiddenReason | undefined {
  if (props.vanish) return 'hidden (w:vanish)';
  if (props.color && close(props.color, under)) return 'same colour as the background';
  if (props.size !== undefined && props.size < 3) return 'tiny type';
  return undefined;
}

/** `xml` without the spans, outer ones first (a run inside a removed run, as in a text box, goes with it). */
function cut(xml: string, spans: [number, number][]): string {
  spans.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end] of spans) {
    if (start < at) continue;
    out += xml.slice(at, start);
    at = end;
  }
  return out + xml.slice(at);
}

interface OpenRun {
  start: number;
  props: RunProps;
  style?: string;
  text: string;
}

/** `document.xml` (or a footnotes part) without its hidden runs. Throws on malformed XML or a limit. */
export function removeHiddenRuns(xml: string, styleXml: string | undefined): HiddenRuns {
  const scan = new HiddenRunScan(xml, readStyles(styleXml));
  scan.parser.write(xml).close();
  return { xml: scan.spans.length ? cut(xml, scan.spans) : xml, removed: scan.removed };
}

/** One pass of the XML: paragraphs and runs as they open, each run judged (and its span kept) as it closes. */
class HiddenRunScan {
  readonly parser = new SaxesParser();
  readonly removed: HiddenRuns['removed'] = new Map();
  readonly spans: [number, number][] = [];
  /** The page colour (`w:background`), white unless the document sets one. */
  private page = 'FFFFFF';
  private paragraph: { style?: string; shade?: string; inProps: boolean } | undefined;
  /** Runs open at this point (a run inside a text box inside a run). */
  private runs: OpenRun[] = [];
  private inRunProps = false;
  private paragraphs = 0;
  private runCount = 0;

  constructor(
    private xml: string,
    private styles: ReturnType<typeof readStyles>,
  ) {
    this.parser.on('opentagstart', (tag) => this.openStart(tag.name));
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('text', (text) => {
      for (const r of this.runs) r.text += text;
    });
    this.parser.on('closetag', (tag) => this.close(tag.name));
  }

  private openStart(name: string): void {
    if (name === 'w:r') {
      enforce('docxRuns', ++this.runCount);
      this.runs.push({ start: this.xml.lastIndexOf('<', this.parser.position - 1), props: {}, text: '' });
    } else if (name === 'w:p') {
      enforce('docxParagraphs', ++this.paragraphs);
      this.paragraph = { inProps: false };
    }
  }

  private open(tag: SaxesTagPlain): void {
    const run = this.runs.at(-1);
    const paragraph = this.paragraph;
    if (tag.name === 'w:background' && typeof tag.attributes['w:color'] === 'string')
      this.page = /^[0-9a-f]{6}$/i.test(tag.attributes['w:color'])
        ? tag.attributes['w:color'].toUpperCase()
        : this.page;
    else if (tag.name === 'w:pPr' && paragraph) paragraph.inProps = true;
    else if (tag.name === 'w:rPr') this.inRunProps = !!run && !paragraph?.inProps;
    else if (tag.name === 'w:pStyle' && paragraph) paragraph.style = String(tag.attributes['w:val'] ?? '');
    else if (tag.name === 'w:shd' && paragraph?.inProps && !this.inRunProps) {
      const fill = tag.attributes['w:fill'];
      if (typeof fill === 'string' && /^[0-9a-f]{6}$/i.test(fill)) paragraph.shade = fill.toUpperCase();
    } else if (tag.name === 'w:rStyle' && run && this.inRunProps) run.style = String(tag.attributes['w:val'] ?? '');
    else if (this.inRunProps && run) readProp(tag, run.props);
  }

  private close(name: string): void {
    if (name === 'w:pPr' && this.paragraph) this.paragraph.inProps = false;
    else if (name === 'w:rPr') this.inRunProps = false;
    else if (name === 'w:p') this.paragraph = undefined;
    else if (name === 'w:r') this.closeRun(this.runs.pop()!);
  }

  /** A run's properties: document defaults, then its paragraph's style, its own style and its direct formatting. */
  private closeRun(run: OpenRun): void {
    const { styles, defaults } = this.styles;
    const props = {
      ...defaults,
      ...styleProps(styles, this.paragraph?.style),
      ...styleProps(styles, run.style),
      ...run.props,
    };
    const why = hiddenReason(props, props.shade ?? this.paragraph?.shade ?? this.page);
    const chars = run.text.replace(/\s/g, '').length;
    if (!why || !chars) return;
    this.spans.push([run.start, this.parser.position]);
    const entry = this.removed.get(why) ?? { runs: 0, chars: 0, sample: run.text.trim().slice(0, 30) };
    entry.runs++;
    entry.chars += chars;
    this.removed.set(why, entry);
  }
}
