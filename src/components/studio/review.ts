/**
 * The review of one document: its text on one side (./sourcePane.ts), the draft of the current
 * case on the other — title, summary, reporting body, region, date, measures, figures, and the
 * source record — with the build's problems next to the fields they concern, checked as the
 * editor types.
 */
import type { StudioData } from '../../lib/studio/data.ts';
import { describe } from '../../lib/studio/messages.ts';
import { placeTrail, regionOf, type RegionChoice } from '../../lib/studio/regions.ts';
import { SOURCE_KINDS } from '../../schemas/source.ts';
import type { CheckContext } from '../../lib/studio/validate.ts';
import type { Region } from '../../lib/model/regions.ts';
import { combobox } from './combobox.ts';
import { field, h, tr } from './dom.ts';
import { quoteMarks } from './figureItem.ts';
import { FiguresPanel } from './figuresPanel.ts';
import { measuresPanel } from './measuresPanel.ts';
import { SourcePane } from './sourcePane.ts';
import { checkCase, checkSource, type CaseState, type Session } from './state.ts';
import type { IngestWorker } from './workerClient.ts';

export interface ReviewContext {
  data: StudioData;
  worker: IngestWorker;
  choices: readonly RegionChoice[];
  /** The casebook's regions (the folder's, or the site's), by code. */
  regions(): ReadonlyMap<string, Region>;
  /** The checks' context for the session (keys, regions including those the save adds). */
  checks(): CheckContext;
  /** Lines content/regions.yaml needs for a region code (none when the casebook has it). */
  regionLines(code: string): string[];
}

export interface Shown {
  field: string;
  text: string;
  /** Where to go to fix it. */
  target?: string;
  /** Which case (index) or the source record (-1). */
  owner: number;
}

const CASE_FIELDS: [key: keyof CaseState['fields'], area?: boolean][] = [
  ['title'],
  ['originalTitle'],
  ['summary', true],
  ['body'],
  ['author'],
  ['authorRole'],
  ['date'],
  ['dateNote'],
];

export class Review {
  readonly element: HTMLElement;
  private source: SourcePane;
  private form = h('div', { class: 'studio-draft' });
  private tabs = h('div', { class: 'studio-cases', role: 'group', 'aria-label': tr('review.cases') });
  private figures: FiguresPanel | undefined;
  private timer = 0;
  private shown: Shown[] = [];

  constructor(
    private session: Session,
    private ctx: ReviewContext,
    private onProblems: (shown: Shown[]) => void,
    /** A check is due (the shown problems may be out of date until `onProblems`). */
    private onPending: () => void = () => undefined,
  ) {
    this.source = new SourcePane({
      addFigure: (index, start, end) => void this.figureFromSelection(index, start, end),
      addToSummary: (text) => this.addToSummary(text),
    });
    const views = h('div', { class: 'studio-views', role: 'group', 'aria-label': tr('source.views') });
    const view = (label: string, full: boolean) => {
      const button = h('button', { type: 'button', 'aria-pressed': String(!full) }, label);
      button.addEventListener('click', () => {
        for (const b of views.children) b.setAttribute('aria-pressed', String(b === button));
        if (full && session.read) this.source.showDocument(session.read);
        else this.source.showCase(this.current.blocks);
      });
      return button;
    };
    views.append(view(tr('source.caseView'), false), ...(session.read ? [view(tr('source.fullView'), true)] : []));
    this.source.element.insertBefore(views, this.source.element.children[1] ?? null);
    this.element = h(
      'div',
      { class: 'studio-review' },
      this.tabs,
      h('div', { class: 'studio-grid' }, this.source.element, this.form),
    );
    this.render();
  }

  get current(): CaseState {
    return this.session.cases[this.session.current]!;
  }

  /** Renders the tabs and the current case. */
  render(): void {
    const { cases } = this.session;
    this.tabs.hidden = cases.length < 2;
    this.tabs.replaceChildren(
      h('span', { class: 'studio-label' }, tr('review.cases')),
      ...cases.map((c, i) => {
        const button = h(
          'button',
          { type: 'button', 'aria-current': i === this.session.current ? 'true' : false },
          c.fields.body || c.path,
        );
        button.addEventListener('click', () => {
          this.session.current = i;
          this.render();
        });
        return button;
      }),
    );
    this.source.showCase(this.current.blocks);
    this.figures = new FiguresPanel(this.current, {
      measures: this.ctx.data.measures,
      metrics: this.ctx.data.metrics,
      worker: this.ctx.worker,
      changed: () => this.changed(),
      mark: (marks) => this.source.mark(marks),
    });
    this.form.replaceChildren(...this.caseForm(this.current), this.sourceForm());
    this.validate();
  }

  private textField(id: string, label: string, value: string, set: (v: string) => void, area = false, hint = '') {
    const described = `${id}-error${hint ? ` ${id}-hint` : ''}`;
    const control = area
      ? h('textarea', { id, rows: 4, 'aria-describedby': described })
      : h('input', { id, type: 'text', 'aria-describedby': described });
    control.value = value;
    control.addEventListener('input', () => {
      set(control.value);
      this.changed();
    });
    return field(id, label, control, hint);
  }

  private caseForm(c: CaseState): HTMLElement[] {
    const include = h('input', { type: 'checkbox', id: 'f-include', checked: c.include });
    include.addEventListener('change', () => {
      c.include = include.checked;
      this.changed();
    });
    return [
      h('h2', { id: 'studio-draft-heading' }, tr('draft.heading', { path: c.path })),
      this.session.cases.length > 1
        ? h('p', { class: 'studio-include' }, include, h('label', { for: 'f-include' }, tr('draft.include')))
        : null,
      h('p', { class: 'studio-error', id: 'f-general-error' }),
      ...CASE_FIELDS.map(([key, area]) =>
        this.textField(
          `f-${key}`,
          tr(`field.${key}`),
          c.fields[key],
          (v) => (c.fields[key] = v),
          area,
          tr(`hint.${key}`),
        ),
      ),
      this.regionField(c),
      measuresPanel(c, {
        measures: this.ctx.data.measures,
        worker: this.ctx.worker,
        changed: () => this.changed(),
        mark: (marks) => this.source.mark(marks),
      }),
      this.figures!.element,
    ].filter((x): x is HTMLElement => !!x);
  }

  private regionField(c: CaseState): HTMLElement {
    const current = h('p', { class: 'studio-region-current', id: 'f-region-current' });
    const show = () => {
      const region = this.ctx.regions().get(c.region) ?? this.regionByCode(c.region);
      const lines = this.ctx.regionLines(c.region);
      current.replaceChildren(
        region ? `${placeTrail(region.path)}（${region.id}）` : tr('region.none', { code: c.region || '—' }),
        lines.length ? h('span', { class: 'studio-hint' }, tr('region.adds', { lines: lines.join('；') })) : '',
      );
    };
    show();
    const suggested = this.placeInText(c);
    const suggestion = suggested
      ? h('button', { type: 'button', class: 'studio-link' }, tr('region.suggest', { place: suggested.path.join(' ') }))
      : null;
    suggestion?.addEventListener('click', () => {
      c.region = suggested!.code;
      suggestion.remove();
      show();
      this.changed();
    });
    const box = combobox({
      id: 'f-region',
      label: tr('field.region'),
      placeholder: tr('region.placeholder'),
      describedBy: 'f-region-current f-region-error',
      none: tr('region.noMatch'),
      find: async (typed) =>
        (await this.ctx.worker.find('region', typed, 15)).flatMap((code) => {
          const r = this.ctx.choices.find((x) => x.code === code);
          if (!r) return [];
          const label = placeTrail(r.path);
          return [{ id: code, label, hint: this.ctx.regions().has(code) ? tr('region.known') : tr('region.new') }];
        }),
      pick: (choice) => {
        c.region = choice.id;
        show();
        this.changed();
      },
    });
    return h(
      'div',
      { class: 'studio-field studio-region' },
      box,
      current,
      suggestion,
      h('p', { class: 'studio-error', id: 'f-region-error' }),
    );
  }

  /**
   * The place the text names when ingest put the case under an enclosing region the casebook has
   * (the place itself is not listed yet): the deepest region ingest proposed adding inside it.
   */
  private placeInText(c: CaseState): RegionChoice | undefined {
    if (!c.report || c.report.region.exact) return undefined;
    const inside = (this.session.proposedRegions ?? [])
      .map((line) => line.replace(/^-\s+/, '').split(' '))
      .map((path) => this.ctx.choices.find((r) => r.path.join(' ') === path.join(' ')))
      .filter((r): r is RegionChoice => !!r && r.code !== c.region && r.code.startsWith(c.region.replace(/0+$/, '')));
    return inside.sort((a, b) => b.path.length - a.path.length)[0];
  }

  private regionByCode(code: string): Region | undefined {
    const choice = this.ctx.choices.find((r) => r.code === code);
    return choice ? regionOf(choice.path, this.ctx.data.divisions) : undefined;
  }

  private sourceForm(): HTMLElement {
    const s = this.session.source;
    const kinds = h(
      'select',
      { id: 's-kind', 'aria-describedby': 's-kind-error' },
      // The record's own value is listed even when the schema does not know it (its error says so).
      ...[...new Set([...SOURCE_KINDS, s.fields.kind].filter(Boolean))].map((k) => h('option', { value: k }, k)),
    );
    kinds.value = s.fields.kind;
    kinds.addEventListener('change', () => {
      s.fields.kind = kinds.value;
      this.changed();
    });
    const text = (key: keyof typeof s.fields, area = false) =>
      this.textField(`s-${key}`, tr(`source.field.${key}`), s.fields[key], (v) => (s.fields[key] = v), area);
    return h(
      'details',
      { class: 'studio-panel studio-source-record' },
      h('summary', {}, tr('source.record', { path: s.path })),
      h('p', { class: 'studio-error', id: 's-general-error' }),
      text('title'),
      text('publication'),
      text('issue'),
      text('publisher'),
      text('author'),
      text('date'),
      text('url'),
      field('s-kind', tr('source.field.kind'), kinds),
      text('summary', true),
    );
  }

  private async figureFromSelection(index: number, start: number, end: number): Promise<void> {
    const c = this.current;
    const [figure] = await this.ctx.worker.figures({
      paragraphs: c.paragraphs,
      measures: c.measures,
      headings: [c.fields.title, c.fields.originalTitle, ...c.headings].filter(Boolean),
      selection: { index, start, end },
    });
    if (!figure) {
      this.source.mark({ ranges: new Map(), label: tr('source.noNumber') });
      return;
    }
    this.figures?.add({ ...figure });
    this.source.mark(quoteMarks(c, figure.quote, figure.label));
  }

  private addToSummary(text: string): void {
    const c = this.current;
    c.fields.summary = c.fields.summary.trim() ? `${c.fields.summary.trim()}${text}` : text;
    const box = document.getElementById('f-summary') as HTMLTextAreaElement | null;
    if (box) box.value = c.fields.summary;
    this.changed();
  }

  /** Something changed: check again shortly (not on every keystroke). */
  changed(): void {
    this.session.dirty = true;
    window.clearTimeout(this.timer);
    this.onPending();
    this.timer = window.setTimeout(() => this.validate(), 150);
  }

  /** Runs the build's checks on every case to be saved and on the source record, and shows the problems. */
  validate(): Shown[] {
    window.clearTimeout(this.timer);
    const checks = this.ctx.checks();
    const shown: Shown[] = [];
    this.session.cases.forEach((c, owner) => {
      if (!c.include) return;
      for (const p of checkCase(c, checks)) shown.push({ ...describe(p, (k, v) => tr(`problem.${k}`, v)), owner });
    });
    for (const p of checkSource(this.session.source, checks))
      shown.push({ ...describe(p, (k, v) => tr(`problem.${k}`, v)), owner: -1 });
    this.shown = shown.map((s) => ({ ...s, target: this.targetOf(s) }));
    this.showErrors();
    this.onProblems(this.shown);
    return this.shown;
  }

  /** The error element of a problem's field in the form. */
  private targetOf(s: Shown): string {
    if (s.owner === -1) {
      const key = s.field.split('.')[0];
      return key && document.getElementById(`s-${key}`) ? `s-${key}` : 's-general';
    }
    const [key, index, sub] = s.field.split('.');
    if (key === 'figures' && index !== undefined) {
      const accepted = this.session.cases[s.owner]!.figures.flatMap((f, i) => (f.accepted ? [i] : []));
      const item = accepted[Number(index)];
      if (item === undefined) return 'f-figures';
      const name = sub === 'period' ? 'period' : sub;
      return name && document.getElementById(`fig-${item}-${name}-error`) ? `fig-${item}-${name}` : `fig-${item}-item`;
    }
    if (key === 'measures') return 'f-measures';
    return key && document.getElementById(`f-${key}-error`) ? `f-${key}` : 'f-general';
  }

  private showErrors(): void {
    for (const el of this.form.querySelectorAll<HTMLElement>('.studio-error')) el.textContent = '';
    for (const el of this.form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    for (const s of this.shown) {
      if (s.owner !== this.session.current && s.owner !== -1) continue;
      const error = document.getElementById(`${s.target}-error`);
      if (!error) continue;
      error.textContent = error.textContent ? `${error.textContent} ${s.text}` : s.text;
      document.getElementById(s.target ?? '')?.setAttribute('aria-invalid', 'true');
      error.closest('details')?.setAttribute('open', '');
    }
  }

  /** Shows a problem's field (switching to its case) and puts the focus there. */
  focus(s: Shown): void {
    if (s.owner >= 0 && s.owner !== this.session.current) {
      this.session.current = s.owner;
      this.render();
    }
    const target = this.shown.find((x) => x.field === s.field && x.owner === s.owner)?.target ?? s.target ?? '';
    const error = document.getElementById(`${target}-error`);
    error?.closest('details')?.setAttribute('open', '');
    const control =
      document.getElementById(target) ??
      error
        ?.closest('.studio-field, .studio-panel, .studio-figure')
        ?.querySelector<HTMLElement>('input, textarea, select');
    (control ?? error)?.scrollIntoView({ block: 'center' });
    control?.focus();
  }
}
