/**
 * The text beside the draft: the case's paragraphs numbered as the case page numbers them
 * (¶3 is the page's #p-3), where the evidence of a measure or the quote of a figure is marked,
 * and where selecting a number adds it as a figure; or the whole document as it was read.
 */
import type { ReadResult } from '../../lib/ingest/read/document.ts';
import type { Block } from '../../lib/text/bodyText.ts';
import { h, tr } from './dom.ts';

export interface Marks {
  /** Paragraph index → ranges [start, end) to mark. */
  ranges: Map<number, [number, number][]>;
  /** What is marked, for the status line. */
  label: string;
}

export interface SourcePaneHandlers {
  /** The editor selected [start, end) of paragraph `index` and asked to add it as a figure. */
  addFigure(index: number, start: number, end: number): void;
  /** …or to add the selected text to the summary. */
  addToSummary(text: string): void;
}

interface Selected {
  index: number;
  start: number;
  end: number;
  text: string;
}

function marked(text: string, ranges: readonly [number, number][]): (Node | string)[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: (Node | string)[] = [];
  let at = 0;
  for (const [start, end] of sorted) {
    if (start < at) continue;
    out.push(text.slice(at, start), h('mark', {}, text.slice(start, end)));
    at = end;
  }
  out.push(text.slice(at));
  return out;
}

export class SourcePane {
  readonly element: HTMLElement;
  private scroller: HTMLElement;
  private status: HTMLElement;
  private figureButton: HTMLButtonElement;
  private summaryButton: HTMLButtonElement;
  private paragraphs: string[] = [];
  private selected: Selected | undefined;

  constructor(private handlers: SourcePaneHandlers) {
    // mousedown would take the focus, and with it the selection, from the text.
    const keep = (e: Event) => e.preventDefault();
    this.figureButton = h(
      'button',
      { type: 'button', disabled: true, onmousedown: keep, onclick: () => this.useSelection('figure') },
      tr('source.addFigure'),
    );
    this.summaryButton = h(
      'button',
      { type: 'button', disabled: true, onmousedown: keep, onclick: () => this.useSelection('summary') },
      tr('source.addSummary'),
    );
    this.status = h('p', { class: 'studio-source-status', role: 'status', 'aria-live': 'polite' });
    this.scroller = h('div', {
      class: 'studio-source-text',
      tabindex: 0,
      role: 'region',
      'aria-label': tr('source.textLabel'),
    });
    this.element = h(
      'section',
      { class: 'studio-source', 'aria-labelledby': 'studio-source-heading' },
      h('h2', { id: 'studio-source-heading' }, tr('source.heading')),
      h(
        'div',
        { class: 'studio-selection-bar' },
        h('span', {}, tr('source.selectionLead')),
        this.figureButton,
        this.summaryButton,
      ),
      this.status,
      this.scroller,
    );
    document.addEventListener('selectionchange', () => this.trackSelection());
  }

  /** Shows a case's body: headings and numbered paragraphs. */
  showCase(blocks: readonly Block[]): void {
    this.paragraphs = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
    this.scroller.replaceChildren(
      ...blocks.map((b) =>
        b.kind === 'heading'
          ? h('p', { class: 'studio-source-heading', 'data-depth': b.depth }, b.text)
          : h(
              'p',
              { class: 'studio-source-p', id: `studio-p-${b.index + 1}`, 'data-p': b.index },
              h(
                'span',
                { class: 'studio-source-num', 'aria-label': tr('source.paragraph', { n: b.index + 1 }) },
                String(b.index + 1),
              ),
              h('span', { class: 'studio-source-words' }, b.text),
            ),
      ),
    );
    this.status.textContent = '';
  }

  /** Shows every block of the document as it was read (kind, line or page), nothing removed. */
  showDocument(read: ReadResult): void {
    this.paragraphs = [];
    const blocks = read.ok ? read.blocks : [];
    this.scroller.replaceChildren(
      ...blocks.map((b) =>
        h(
          'p',
          {
            class: `studio-block studio-block-${b.kind}`,
            'data-kind': b.kind,
            'data-line': b.line,
            'data-page': b.page,
          },
          h('span', { class: 'studio-source-num' }, b.page ? `${b.page}:${b.line}` : String(b.line)),
          h('span', { class: 'studio-block-kind' }, tr(`block.${b.kind}`)),
          h('span', { class: 'studio-source-words', 'data-text': '' }, b.text),
        ),
      ),
    );
  }

  /** Marks ranges in the case's paragraphs and scrolls to the first. */
  mark(marks: Marks | undefined): void {
    let first: HTMLElement | undefined;
    for (const p of this.scroller.querySelectorAll<HTMLElement>('.studio-source-p')) {
      const index = Number(p.dataset.p);
      const ranges = marks?.ranges.get(index);
      const words = p.querySelector('.studio-source-words')!;
      words.replaceChildren(...marked(this.paragraphs[index] ?? '', ranges ?? []));
      p.classList.toggle('is-marked', !!ranges);
      if (ranges && !first) first = p;
    }
    // Scrolls the text box only: the draft beside it stays where the editor is.
    if (first) this.scroller.scrollTo({ top: first.offsetTop - this.scroller.clientHeight / 3, behavior: 'smooth' });
    this.status.textContent = marks ? marks.label : '';
  }

  private trackSelection(): void {
    const sel = document.getSelection();
    this.selected = undefined;
    if (sel && !sel.isCollapsed && sel.rangeCount) {
      const range = sel.getRangeAt(0);
      const paragraph = (n: Node) =>
        (n instanceof Element ? n : n.parentElement)?.closest<HTMLElement>('.studio-source-p');
      const p = paragraph(range.startContainer);
      if (p && p === paragraph(range.endContainer) && this.scroller.contains(p)) {
        const words = p.querySelector('.studio-source-words')!;
        const before = document.createRange();
        before.setStart(words, 0);
        before.setEnd(range.startContainer, range.startOffset);
        const start = before.toString().length;
        const text = range.toString();
        this.selected = { index: Number(p.dataset.p), start, end: start + text.length, text };
      }
    }
    this.figureButton.disabled = this.summaryButton.disabled = !this.selected;
  }

  private useSelection(what: 'figure' | 'summary'): void {
    const s = this.selected;
    if (!s) return;
    if (what === 'figure') this.handlers.addFigure(s.index, s.start, s.end);
    else this.handlers.addToSummary(s.text.trim());
  }
}
