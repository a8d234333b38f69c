/**
 * Key figures of the case under review: each proposed figure with its quote (marked in the text
 * on request), kept or dropped, and every field editable — label, value, unit, the text's own
 * wording, kind, period, measure and metric. Figures are added by selecting a number in the
 * text (./sourcePane.ts), by picking one of the text's numbers here, or by hand.
 */
import type { MeasureRecord } from '../../lib/contentFiles.ts';
import { figureText, FIGURE_KINDS } from '../../lib/figures.ts';
import { metricsFor, unitFits, type Metric } from '../../lib/metrics.ts';
import { combobox } from './combobox.ts';
import { field, h, tr } from './dom.ts';
import type { Marks } from './sourcePane.ts';
import type { CaseState, FigureItem } from './state.ts';
import type { IngestWorker } from './workerClient.ts';

export interface FiguresContext {
  measures: readonly MeasureRecord[];
  metrics: readonly Metric[];
  worker: IngestWorker;
  changed(): void;
  mark(marks: Marks | undefined): void;
}

const str = (v: unknown) => (v === undefined || v === null ? '' : String(v));
/** What the editor typed, as the file holds it: a number where it reads as one. */
const asNumber = (v: string) => (/^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : v.trim());

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
    this.list.replaceChildren(...this.c.figures.map((f, i) => this.item(f, i)));
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

  private item(f: FigureItem, i: number): HTMLElement {
    const d = f.data;
    const id = (name: string) => `fig-${i}-${name}`;
    const summary = h('span', { class: 'studio-figure-summary' });
    const quoted = h('p', { class: 'studio-figure-quote' });
    const setSummary = () => {
      const kind = str(d.kind);
      summary.textContent = `${str(d.label) || tr('figures.noLabel')}：${str(d.display) || `${str(d.value)}${str(d.unit)}`}${kind ? `（${tr(`kind.${kind}`)}）` : ''}`;
      quoted.textContent = str(d.quote) ? `“${str(d.quote)}”` : '';
    };
    setSummary();
    const update = (key: string, value: unknown) => {
      if (value === '' || value === undefined) delete d[key];
      else d[key] = value;
      setSummary();
      this.ctx.changed();
    };
    const text = (name: string, label: string, hint?: string, area = false) => {
      const control = area
        ? h('textarea', {
            id: id(name),
            rows: 2,
            'aria-describedby': `${id(name)}-error${hint ? ` ${id(name)}-hint` : ''}`,
          })
        : h('input', {
            id: id(name),
            type: 'text',
            'aria-describedby': `${id(name)}-error${hint ? ` ${id(name)}-hint` : ''}`,
          });
      control.value = str(d[name]);
      control.addEventListener('input', () => update(name, name === 'value' ? asNumber(control.value) : control.value));
      return field(id(name), label, control, hint);
    };
    const period = d.period && typeof d.period === 'object' ? (d.period as Record<string, unknown>) : {};
    const year = (name: 'from' | 'to', label: string) => {
      const control = h('input', {
        id: id(`period-${name}`),
        type: 'text',
        inputmode: 'numeric',
        size: 6,
        'aria-describedby': `${id('period')}-error`,
      });
      control.value = str(period[name]);
      control.addEventListener('input', () => {
        const next = { ...((d.period as Record<string, unknown>) ?? {}) };
        if (control.value.trim()) next[name] = asNumber(control.value);
        else delete next[name];
        update('period', Object.keys(next).length ? next : undefined);
      });
      return h('label', {}, label, control);
    };
    const select = (name: string, label: string, options: [string, string][]) => {
      const control = h(
        'select',
        { id: id(name), 'aria-describedby': `${id(name)}-error` },
        ...options.map(([v, t]) => h('option', { value: v }, t)),
      );
      control.value = str(d[name]);
      control.addEventListener('change', () => {
        if (name === 'measure') {
          // A metric belongs to a measure: one the new measure does not have goes with the old.
          const valid = metricsFor(this.ctx.metrics, control.value || undefined).some((m) => m.id === d.metric);
          if (!valid) delete d.metric;
        }
        update(name, control.value);
        if (name === 'measure') this.render();
      });
      return field(id(name), label, control);
    };
    const name = (id: string) => this.ctx.measures.find((x) => x.id === id)?.name ?? id;
    // The figure's own measure and metric are listed even when no longer valid, so the form shows what the file holds.
    const measure = str(d.measure);
    const measureOptions: [string, string][] = [
      ['', tr('figures.noMeasure')],
      ...this.c.measures.map((m): [string, string] => [m, name(m)]),
      ...(measure && !this.c.measures.includes(measure)
        ? [[measure, tr('figures.notTaken', { name: name(measure) })] as [string, string]]
        : []),
    ];
    const metrics: [string, string][] = metricsFor(this.ctx.metrics, measure || undefined)
      .filter((m) => unitFits(str(d.unit), m))
      .map((m) => [m.id, m.name]);
    const metric = str(d.metric);
    if (metric && !metrics.some(([id]) => id === metric))
      metrics.push([metric, tr('figures.notTaken', { name: metric })]);
    const accept = h('input', { type: 'checkbox', id: id('accept'), checked: f.accepted });
    const details = h(
      'details',
      {},
      h('summary', {}, tr('figures.edit')),
      text('label', tr('figures.label')),
      h('div', { class: 'studio-row' }, text('value', tr('figures.value')), text('unit', tr('figures.unit'))),
      text('display', tr('figures.display'), tr('figures.displayHint')),
      select('kind', tr('figures.kind'), [
        ['', tr('figures.chooseKind')],
        ...FIGURE_KINDS.map((k): [string, string] => [k, tr(`kind.${k}`)]),
      ]),
      h(
        'div',
        { class: 'studio-field', role: 'group', 'aria-labelledby': id('period-label') },
        h('span', { id: id('period-label'), class: 'studio-label' }, tr('figures.period')),
        h('div', { class: 'studio-row' }, year('from', tr('figures.from')), year('to', tr('figures.to'))),
        h('p', { class: 'studio-hint' }, tr('figures.periodHint')),
        h('p', { class: 'studio-error', id: `${id('period')}-error` }),
      ),
      select('measure', tr('figures.measure'), measureOptions),
      select('metric', tr('figures.metric'), [['', tr('figures.noMetric')], ...metrics]),
      text('quote', tr('figures.quote'), tr('figures.quoteHint'), true),
    );
    accept.addEventListener('change', () => {
      f.accepted = accept.checked;
      item.classList.toggle('is-rejected', !f.accepted);
      this.ctx.changed();
    });
    const mark = h('button', { type: 'button', class: 'studio-link' }, tr('figures.mark'));
    mark.addEventListener('click', () => this.ctx.mark(quoteMarks(this.c, str(d.quote), str(d.label))));
    const item = h(
      'li',
      { class: `studio-figure${f.accepted ? '' : ' is-rejected'}`, 'data-figure': i },
      h(
        'div',
        { class: 'studio-figure-head' },
        accept,
        h('label', { for: id('accept') }, h('span', { class: 'sr-only' }, tr('figures.accept')), summary),
        mark,
      ),
      quoted,
      h('p', { class: 'studio-error', id: `${id('item')}-error` }),
      details,
    );
    return item;
  }
}
