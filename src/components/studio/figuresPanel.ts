/**
 * Key figures of the case under review: each proposed figure with its quote (marked in the text
 * on request), kept or dropped, and every field editable (./figureItem.ts). Figures are added by
 * selecting a number in the text (./sourcePane.ts), by picking one of the text's numbers here,
 * or by hand.
 */
import type { MeasureRecord } from '../../lib/content/contentFiles.ts';
import { figureText } from '../../lib/model/figures.ts';
import type { Metric } from '../../lib/model/metrics.ts';
import { combobox } from './combobox.ts';
import { h, tr } from './dom.ts';
import { FigureItemView, str } from './figureItem.ts';
import type { Marks } from './sourcePane.ts';
import type { CaseState } from './state.ts';
import type { IngestWorker } from './workerClient.ts';

export interface FiguresContext {
  measures: readonly MeasureRecord[];
  metrics: readonly Metric[];
  worker: IngestWorker;
  changed(): void;
  mark(marks: Marks | undefined): void;
}

export class FiguresPanel {
  readonly element: HTMLElement;
  private list = h('ol', { class: 'studio-figures' });

  constructor(
    private c: CaseState,
    private ctx: FiguresContext,
  ) {
    this.element = h(
      'fieldset',
      { class: 'studio-panel', 'data-field': 'figures' },
      h('legend', {}, tr('figures.legend')),
      h('p', { class: 'studio-hint' }, tr('figures.hint')),
      h('p', { class: 'studio-error', id: 'f-figures-error' }),
      this.list,
      this.adder(),
      h('button', { type: 'button', onclick: () => this.add({ kind: 'result' }, true) }, tr('figures.addEmpty')),
    );
    this.render();
  }

  /** Adds a figure (from a selection, the list of the text's numbers, or an empty one) and opens it. */
  add(data: Record<string, unknown>, open = false): void {
    this.c.figures.push({ data, accepted: true, added: true });
    this.render();
    this.ctx.changed();
    const i = this.c.figures.length - 1;
    const item = this.list.children[i] as HTMLElement | undefined;
    if (open) item?.querySelector('details')?.setAttribute('open', '');
    item?.scrollIntoView({ block: 'nearest' });
    item?.querySelector<HTMLElement>(open ? `#fig-${i}-label` : `#fig-${i}-accept`)?.focus();
  }

  render(): void {
    const ctx = { ...this.ctx, c: this.c, render: () => this.render() };
    this.list.replaceChildren(...this.c.figures.map((f, i) => new FigureItemView(f, i, ctx).element));
  }

  /** The text's numbers that are not figures yet, to pick from by typing. */
  private adder(): HTMLElement {
    return combobox({
      id: 'f-add-figure',
      label: tr('figures.pick'),
      placeholder: tr('figures.pickPlaceholder'),
      none: tr('figures.pickNone'),
      find: async (typed) => {
        const taken = new Set(this.c.figures.map((f) => str(f.data.quote)));
        const found = await this.ctx.worker.figures({
          paragraphs: this.c.paragraphs,
          measures: this.c.measures,
          headings: this.c.headings,
        });
        return found
          .filter((f) => !taken.has(f.quote) && [f.quote, f.label, figureText(f)].some((t) => t.includes(typed.trim())))
          .slice(0, 20)
          .map(({ paragraph, ...f }) => ({
            id: JSON.stringify({ ...f, score: undefined }),
            label: `${f.label}：${figureText(f)}`,
            hint: tr('figures.inParagraph', { n: (paragraph ?? 0) + 1, quote: f.quote }),
          }));
      },
      pick: (choice) => this.add(JSON.parse(choice.id) as Record<string, unknown>),
    });
  }
}
