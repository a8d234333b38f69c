/**
 * Elements of a web page that a reader never sees, removed before the article is looked for:
 * hidden by a `<style>` rule or an inline style — `display: none`, `visibility: hidden`,
 * `opacity: 0`, type under 2 px, `color: transparent`, pushed off-screen (a large negative
 * `text-indent` or offset of a positioned element), clipped or collapsed to a pixel with
 * `overflow: hidden` — or written in the colour of the background behind it (its own or the
 * nearest ancestor's, white paper by default). Styles are parsed with css-tree and matched with
 * the DOM's own selector engine; the cascade is simplified to source order with inline styles
 * last and `!important` first, which is what hiding tricks rely on.
 */
import { generate, parse, walk, type CssNode, type Declaration, type Rule } from 'css-tree';

/** The DOM surface used (linkedom). */
interface El {
  tagName: string;
  children: ArrayLike<El>;
  textContent: string | null;
  getAttribute(name: string): string | null;
  remove(): void;
}
interface Doc {
  querySelectorAll(selector: string): ArrayLike<El>;
  documentElement: El;
}

/** Rules of `<style>` elements considered (a saved page carries a few hundred). */
const MAX_RULES = 3000;

type Styles = Map<string, { value: string; important: boolean }>;

export type HtmlHiddenReason =
  | 'hidden by its style'
  | 'type too small to read'
  | 'off-screen'
  | 'clipped to nothing'
  | 'same colour as the background';

function declarations(block: CssNode, into: Styles): void {
  walk(block, {
    visit: 'Declaration',
    enter(node: Declaration) {
      const prop = node.property.toLowerCase();
      const previous = into.get(prop);
      if (previous?.important && !node.important) return;
      into.set(prop, { value: generate(node.value).toLowerCase().trim(), important: !!node.important });
    },
  });
}

/** Each element's declared styles: matching `<style>` rules in source order, then its `style` attribute. */
function declaredStyles(document: Doc): Map<El, Styles> {
  const styles = new Map<El, Styles>();
  const of = (el: El) => styles.get(el) ?? styles.set(el, new Map()).get(el)!;
  let rules = 0;
  for (const sheet of Array.from(document.querySelectorAll('style'))) {
    let ast: CssNode;
    try {
      ast = parse(sheet.textContent ?? '', { parseValue: true, parseCustomProperty: false });
    } catch {
      continue;
    }
    walk(ast, {
      visit: 'Rule',
      enter(rule: Rule) {
        if (++rules > MAX_RULES || rule.prelude.type !== 'SelectorList') return;
        let matched: ArrayLike<El>;
        try {
          matched = document.querySelectorAll(generate(rule.prelude));
        } catch {
          return; // a selector the engine does not know (:hover …): not a hiding rule we can apply
        }
        for (const el of Array.from(matched)) declarations(rule.block, of(el));
      },
    });
  }
  for (const el of Array.from(document.querySelectorAll('[style]'))) {
    try {
      declarations(parse(el.getAttribute('style') ?? '', { context: 'declarationList' }), of(el));
    } catch {
      // an unparsable style attribute hides nothing
    }
  }
  return styles;
}

const NAMED: Record<string, string> = {
  white: 'ffffff',
  black: '000000',
  red: 'ff0000',
  silver: 'c0c0c0',
  gray: '808080',
  grey: '808080',
  whitesmoke: 'f5f5f5',
  snow: 'fffafa',
};

/** A CSS colour as [r, g, b, alpha], or undefined when it is not a plain colour. */
export function cssColour(value: string): [number, number, number, number] | undefined {
  const v = value.replace(/\s+/g, '');
  if (v === 'transparent') return [0, 0, 0, 0];
  const hex = /^#([0-9a-f]{3,8})$/.exec(v)?.[1] ?? NAMED[v];
  if (hex) {
    const full = hex.length <= 4 ? [...hex].map((c) => c + c).join('') : hex;
    const alpha = full.length === 8 ? parseInt(full.slice(6, 8), 16) / 255 : 1;
    return [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16)).concat(alpha) as [number, number, number, number];
  }
  const fn = /^rgba?\((\d+)[,/]?(\d+)[,/]?(\d+)(?:[,/]([\d.]+%?))?\)$/.exec(v.replace(/,/g, ','));
  if (!fn) return undefined;
  const a = fn[4] === undefined ? 1 : fn[4].endsWith('%') ? parseFloat(fn[4]) / 100 : parseFloat(fn[4]);
  return [Number(fn[1]), Number(fn[2]), Number(fn[3]), a];
}

/** A length in px (`-9999px`, `-100em` ≈ 1600 px); undefined for anything relative to a box (%). */
function px(value: string | undefined): number | undefined {
  const m = value ? /^(-?[\d.]+)(px|pt|em|rem)?$/.exec(value.replace(/\s+/g, '')) : null;
  if (!m) return undefined;
  const n = parseFloat(m[1]!);
  return m[2] === 'pt' ? (n * 4) / 3 : m[2] === 'em' || m[2] === 'rem' ? n * 16 : n;
}

function ownHiding(s: Styles): HtmlHiddenReason | undefined {
  const get = (p: string) => s.get(p)?.value;
  if (get('display') === 'none' || /^(hidden|collapse)$/.test(get('visibility') ?? '') || get('opacity') === '0')
    return 'hidden by its style';
  if (/scale\(0/.test(get('transform') ?? '')) return 'hidden by its style';
  const size = px(get('font-size'));
  if (size !== undefined && size < 2) return 'type too small to read';
  const far = (p: string) => (px(get(p)) ?? 0) <= -500;
  if ((px(get('text-indent')) ?? 0) <= -500) return 'off-screen';
  if (
    /^(absolute|fixed)$/.test(get('position') ?? '') &&
    ['left', 'top', 'right', 'margin-left', 'margin-top'].some(far)
  )
    return 'off-screen';
  if (
    /rect\(0(px)?,?0(px)?,?0(px)?,?0(px)?\)/.test((get('clip') ?? '').replace(/\s+/g, '')) ||
    /inset\(50%/.test(get('clip-path') ?? '')
  )
    return 'clipped to nothing';
  const tiny = (p: string) => {
    const n = px(get(p));
    return n !== undefined && n <= 1;
  };
  if ((tiny('width') || tiny('height') || tiny('max-height')) && get('overflow') === 'hidden')
    return 'clipped to nothing';
  return undefined;
}

const near = (a: number[], b: number[]) => a.slice(0, 3).every((v, i) => Math.abs(v - b[i]!) <= 16);

export interface HiddenElements {
  removed: Map<HtmlHiddenReason, { elements: number; chars: number; sample: string }>;
}

/**
 * Removes every element a reader would not see, walking the tree with the inherited text colour
 * and background. Returns what was removed, by reason, for the report.
 */
export function removeHiddenElements(document: Doc): HiddenElements {
  const styles = declaredStyles(document);
  const removed: HiddenElements['removed'] = new Map();
  const drop = (el: El, why: HtmlHiddenReason) => {
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    el.remove();
    if (!text) return;
    const entry = removed.get(why) ?? { elements: 0, chars: 0, sample: text.slice(0, 30) };
    entry.elements++;
    entry.chars += text.replace(/\s/g, '').length;
    removed.set(why, entry);
  };
  const stack: { el: El; colour: number[]; background: number[] }[] = [
    { el: document.documentElement, colour: [0, 0, 0, 1], background: [255, 255, 255, 1] },
  ];
  while (stack.length) {
    const { el, colour: inherited, background: under } = stack.pop()!;
    const s = styles.get(el);
    const own = s && ownHiding(s);
    if (own && el !== document.documentElement) {
      drop(el, own);
      continue;
    }
    const colour = (s?.get('color') && cssColour(s.get('color')!.value)) || inherited;
    const bgValue = s?.get('background-color')?.value ?? s?.get('background')?.value;
    const bg = bgValue ? cssColour(bgValue) : undefined;
    const background = bg && bg[3] > 0.5 ? bg : under;
    if (colour[3]! < 0.1) {
      drop(el, 'hidden by its style');
      continue;
    }
    const ownText = Array.from(
      (el as unknown as { childNodes: ArrayLike<{ nodeType: number; textContent: string | null }> }).childNodes,
    ).some((n) => n.nodeType === 3 && (n.textContent ?? '').trim());
    if (ownText && near(colour, background) && el !== document.documentElement) {
      drop(el, 'same colour as the background');
      continue;
    }
    for (const child of Array.from(el.children)) stack.push({ el: child, colour, background });
  }
  return { removed };
}

/** Report notes for what was removed. */
export function hiddenNotes(hidden: HiddenElements, where: string): string[] {
  return [...hidden.removed].map(
    ([why, n]) =>
      `hidden text left out (${why}): ${n.chars} character(s) in ${n.elements} element(s), e.g. “${n.sample}” — a reader of the ${where} does not see it`,
  );
}

/**
 * Whether an opening tag of inline raw HTML (Markdown's `<span style="display:none">`) hides what
 * follows, by its own style or by the file's `<style>` rules (`css`).
 */
export function inlineHiding(tag: string, css: string, parseFragment: (html: string) => Doc): boolean {
  const name = /^<([a-z][a-z0-9]*)/i.exec(tag.trim())?.[1];
  if (!name) return false;
  const document = parseFragment(`<style>${css}</style>${tag}</${name}>`);
  const el = Array.from(document.querySelectorAll(name)).at(-1);
  return !!el && !!ownHiding(declaredStyles(document).get(el) ?? new Map());
}
