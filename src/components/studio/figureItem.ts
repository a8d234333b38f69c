/**
 * One figure of the case under review (./figuresPanel.ts): kept or dropped, its quote, and a
 * form for every field — label, value, unit, the text's wording, kind, period, measure, metric,
 * quote — that writes what the editor types into the figure as the file will hold it.
 */
import type { MeasureRecord } from '../../lib/content/contentFiles.ts';
import { FIGURE_KINDS } from '../../lib/model/figures.ts';
import { metricsFor, unitFits, type Metric } from '../../lib/model/metrics.ts';
import { field, h, tr } from './dom.ts';
import type { Marks } from './sourcePane.ts';
import type { CaseState, FigureItem } from './state.ts';

export interface FigureItemContext {
  c: CaseState;
  measures: readonly MeasureRecord[];
  metrics: readonly Metric[];
  changed(): void;
  mark(marks: Marks | undefined): void;
  /** Draws the list again (a new measure changes the metrics a figure may have). */
  render(): void;
}

export const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
/** What the editor typed, as the file holds it: a number where it reads as one. */
const asNumber = (v: string) => (/^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : v.trim());

type Options = [value: string, label: string][];

/** Where a figure's quote stands in the text. */
export function quoteMarks(c: CaseState, quote: string, label: string): Marks {
  const ranges = new Map<number, [number, number][]>();
  const index = quote ? c.paragraphs.findIndex((p) => p.includes(quote)) : -1;
  if (index >= 0) {
    const at = c.paragraphs[index]!.indexOf(quote);
    ranges.set(index, [[at, at + quote.length]]);
  }
  return { ranges, label: index >= 0 ? tr('figures.marked', { label, n: index + 1 }) : tr('figures.notFound') };
}

export class FigureItemView {
  readonly element: HTMLLIElement;
  private summary = h('span', { class: 'studio-figure-summary' });
  private quoted = h('p', { class: 'studio-figure-quote' });

  constructor(
    private f: FigureItem,
    private i: number,
    private ctx: FigureItemContext,
  ) {
    this.showSummary();
    this.element = h(
      'li',
      { class: `studio-figure${f.accepted ? '' : ' is-rejected'}`, 'data-figure': i },
      this.head(),
      this.quoted,
      h('p', { class: 'studio-error', id: `${this.id('item')}-error` }),
      this.details(),
    );
  }

  private get d(): Record<string, unknown> {
    return this.f.data;
  }

  private id(name: string): string {
    return `fig-${this.i}-${name}`;
  }

  private showSummary(): void {
    const d = this.d;
    const kind = str(d.kind);
    const value = str(d.display) || `${str(d.value)}${str(d.unit)}`;
    this.summary.textContent = `${str(d.label) || tr('figures.noLabel')}：${value}${kind ? `（${tr(`kind.${kind}`)}）` : ''}`;
    this.quoted.textContent = str(d.quote) ? `“${str(d.quote)}”` : '';
  }

  private update(key: string, value: unknown): void {
    if (value === '' || value === undefined) delete this.d[key];
    else this.d[key] = value;
    this.showSummary();
    this.ctx.changed();
  }

  /** Keep or drop, what it says, and where it stands in the text. */
  private head(): HTMLElement {
    const accept = h('input', { type: 'checkbox', id: this.id('accept'), checked: this.f.accepted });
    accept.addEventListener('change', () => {
      this.f.accepted = accept.checked;
      this.element.classList.toggle('is-rejected', !this.f.accepted);
      this.ctx.changed();
    });
    const mark = h('button', { type: 'button', class: 'studio-link' }, tr('figures.mark'));
    mark.addEventListener('click', () => this.ctx.mark(quoteMarks(this.ctx.c, str(this.d.quote), str(this.d.label))));
    return h(
      'div',
      { class: 'studio-figure-head' },
      accept,
      h('label', { for: this.id('accept') }, h('span', { class: 'sr-only' }, tr('figures.accept')), this.summary),
      mark,
    );
  }

  private details(): HTMLElement {
    return h(
      'details',
      {},
      h('summary', {}, tr('figures.edit')),
      this.text('label', tr('figures.label')),
      h('div', { class: 'studio-row' }, this.text('value', tr('figures.value')), this.text('unit', tr('figures.unit'))),
      this.text('display', tr('figures.display'), tr('figures.displayHint')),
      this.select('kind', tr('figures.kind'), [
        ['', tr('figures.chooseKind')],
        ...FIGURE_KINDS.map((k): [string, string] => [k, tr(`kind.${k}`)]),
      ]),
      this.period(),
      this.select('measure', tr('figures.measure'), this.measureOptions()),
      this.select('metric', tr('figures.metric'), this.metricOptions()),
      this.text('quote', tr('figures.quote'), tr('figures.quoteHint'), true),
    );
  }

  private text(name: string, label: string, hint?: string, area = false): HTMLElement {
    const id = this.id(name);
    const props = { id, 'aria-describedby': `${id}-error${hint ? ` ${id}-hint` : ''}` };
    const control = area ? h('textarea', { ...props, rows: 2 }) : h('input', { ...props, type: 'text' });
    control.value = str(this.d[name]);
    control.addEventListener('input', () =>
      this.update(name, name === 'value' ? asNumber(control.value) : control.value),
    );
    return field(id, label, control, hint);
  }

  private period(): HTMLElement {
    const year = (name: 'from' | 'to', label: string) => {
      const control = h('input', {
        id: this.id(`period-${name}`),
        type: 'text',
        inputmode: 'numeric',
        size: 6,
        'aria-describedby': `${this.id('period')}-error`,
      });
      const period =
        this.d.period && typeof this.d.period === 'object' ? (this.d.period as Record<string, unknown>) : {};
      control.value = str(period[name]);
      control.addEventListener('input', () => {
        const next = { ...((this.d.period as Record<string, unknown>) ?? {}) };
        if (control.value.trim()) next[name] = asNumber(control.value);
        else delete next[name];
        this.update('period', Object.keys(next).length ? next : undefined);
      });
      return h('label', {}, label, control);
    };
    return h(
      'div',
      { class: 'studio-field', role: 'group', 'aria-labelledby': this.id('period-label') },
      h('span', { id: this.id('period-label'), class: 'studio-label' }, tr('figures.period')),
      h('div', { class: 'studio-row' }, year('from', tr('figures.from')), year('to', tr('figures.to'))),
      h('p', { class: 'studio-hint' }, tr('figures.periodHint')),
      h('p', { class: 'studio-error', id: `${this.id('period')}-error` }),
    );
  }

  private select(name: string, label: string, options: Options): HTMLElement {
    const id = this.id(name);
    const control = h(
      'select',
      { id, 'aria-describedby': `${id}-error` },
      ...options.map(([value, text]) => h('option', { value }, text)),
    );
    control.value = str(this.d[name]);
    control.addEventListener('change', () => {
      // A metric belongs to a measure: one the new measure does not have goes with the old.
      if (
        name === 'measure' &&
        !metricsFor(this.ctx.metrics, control.value || undefined).some((m) => m.id === this.d.metric)
      )
        delete this.d.metric;
      this.update(name, control.value);
      if (name === 'measure') this.ctx.render();
    });
    return field(id, label, control);
  }

  /** The case's measures; and the figure's own, even when the case no longer has it (the form shows what the file holds). */
  private measureOptions(): Options {
    const name = (id: string) => this.ctx.measures.find((m) => m.id === id)?.name ?? id;
    const measure = str(this.d.measure);
    const taken = this.ctx.c.measures;
    return [
      ['', tr('figures.noMeasure')],
      ...taken.map((m): [string, string] => [m, name(m)]),
      ...(measure && !taken.includes(measure)
        ? [[measure, tr('figures.notTaken', { name: name(measure) })] as [string, string]]
        : []),
    ];
  }

  /** Metrics of the figure's measure its unit converts to; and its own, even when not one of them. */
  private metricOptions(): Options {
    const options: Options = metricsFor(this.ctx.metrics, str(this.d.measure) || undefined)
      .filter((m) => unitFits(str(this.d.unit), m))
      .map((m) => [m.id, m.name]);
    const metric = str(this.d.metric);
    if (metric && !options.some(([id]) => id === metric))
      options.push([metric, tr('figures.notTaken', { name: metric })]);
    return [['', tr('figures.noMetric')], ...options];
  }
}
