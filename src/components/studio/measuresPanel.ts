/**
 * Measures of the case under review: those ingest proposed and those the text mentions in
 * passing, each with its evidence (the paragraphs the site's tagger finds it in, the same
 * evidence the case page links to); marking it shows those passages in the text. The editor
 * keeps or drops each, and adds any measure of the taxonomy by its name, an alias or pinyin.
 */
import type { MeasureRecord } from '../../lib/content/contentFiles.ts';
import { findEvidence, measureTerms, type MeasureEvidence } from '../../lib/model/tagging.ts';
import { combobox } from './combobox.ts';
import { h, tr } from './dom.ts';
import type { Marks } from './sourcePane.ts';
import type { CaseState } from './state.ts';
import type { IngestWorker } from './workerClient.ts';

export interface MeasuresContext {
  measures: readonly MeasureRecord[];
  worker: IngestWorker;
  changed(): void;
  mark(marks: Marks | undefined): void;
}

/** Ranges of the measure's terms in the paragraphs where it is evidenced. */
function evidenceMarks(c: CaseState, measure: MeasureRecord, e: MeasureEvidence | undefined): Marks {
  const ranges = new Map<number, [number, number][]>();
  for (const p of e?.paragraphs ?? []) {
    const text = c.paragraphs[p.index] ?? '';
    const found: [number, number][] = [];
    for (const term of measureTerms(measure))
      for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + term.length))
        found.push([i, i + term.length]);
    ranges.set(p.index, found);
  }
  return { ranges, label: tr('measures.marked', { name: measure.name, n: e?.paragraphs.length ?? 0 }) };
}

/** What a measure is to this case: proposed (or in the file), mentioned in passing, added, unknown. */
function origin(c: CaseState, id: string, known: boolean, e: MeasureEvidence | undefined): string {
  if (!known) return tr('measures.unknown');
  // A draft's measures were proposed by ingest; an opened case's were the editor's before.
  if (c.proposed.includes(id)) return c.report ? tr('measures.proposed') : tr('measures.inFile');
  return e ? tr('measures.mentioned') : tr('measures.added');
}

/** The list of measures, each kept or dropped by its box, with its evidence and a button to mark it. */
class MeasureList {
  readonly element = h('ul', { class: 'studio-measures' });
  private byId: Map<string, MeasureRecord>;
  private evidence: Map<string, MeasureEvidence>;
  private pressed: HTMLButtonElement | undefined;

  constructor(
    private c: CaseState,
    private ctx: MeasuresContext,
  ) {
    this.byId = new Map(ctx.measures.map((m) => [m.id, m]));
    this.evidence = new Map(findEvidence(c.paragraphs, ctx.measures, c.headings).map((e) => [e.measure, e]));
    this.render();
  }

  /** The case's measures in their order, then the others the text proposes or mentions. */
  render(): void {
    const { c } = this;
    const others = [...new Set([...c.proposed, ...this.evidence.keys()])].filter((id) => !c.measures.includes(id));
    this.element.replaceChildren(
      ...[...c.measures, ...others.filter((id) => this.byId.has(id))].map((id) => this.row(id)),
    );
  }

  private row(id: string): HTMLElement {
    const { c, ctx } = this;
    // A key the taxonomy does not have (a curated file's typo) is listed too, to be dropped.
    const m: MeasureRecord = this.byId.get(id) ?? { id, name: id, aliases: [], theme: '', definition: '' };
    const e = this.evidence.get(id);
    const box = h('input', { type: 'checkbox', id: `m-${id}`, checked: c.measures.includes(id) });
    box.addEventListener('change', () => {
      c.measures = box.checked ? [...c.measures.filter((x) => x !== id), id] : c.measures.filter((x) => x !== id);
      ctx.changed();
    });
    const where = e?.paragraphs.length
      ? e.paragraphs.map((p) => tr('measures.paragraph', { n: p.index + 1, count: p.count })).join(tr('list.separator'))
      : tr('measures.noEvidence');
    const said = origin(c, id, this.byId.has(id), e);
    return h(
      'li',
      { class: 'studio-measure' },
      box,
      h('label', { for: `m-${id}` }, m.name),
      h('span', { class: 'studio-badge' }, e ? `${said} · ${tr(`confidence.${e.confidence}`)}` : said),
      h('span', { class: 'studio-evidence' }, where),
      this.markButton(m, e),
    );
  }

  /** Marks the measure's evidence in the text (one measure at a time). */
  private markButton(m: MeasureRecord, e: MeasureEvidence | undefined): HTMLButtonElement {
    const mark = h(
      'button',
      { type: 'button', class: 'studio-link', 'aria-pressed': 'false', disabled: !e?.paragraphs.length },
      tr('measures.mark'),
    );
    mark.addEventListener('click', () => {
      const on = mark.getAttribute('aria-pressed') !== 'true';
      this.pressed?.setAttribute('aria-pressed', 'false');
      mark.setAttribute('aria-pressed', String(on));
      this.pressed = on ? mark : undefined;
      this.ctx.mark(on ? evidenceMarks(this.c, m, e) : undefined);
    });
    return mark;
  }
}

export function measuresPanel(c: CaseState, ctx: MeasuresContext): HTMLElement {
  const list = new MeasureList(c, ctx);
  const byId = new Map(ctx.measures.map((m) => [m.id, m]));
  const adder = combobox({
    id: 'f-add-measure',
    label: tr('measures.add'),
    placeholder: tr('measures.addPlaceholder'),
    none: tr('measures.addNone'),
    find: async (typed) =>
      (await ctx.worker.find('measure', typed, 20))
        .filter((id) => !c.measures.includes(id))
        .flatMap((id) => byId.get(id) ?? [])
        .map((m) => ({ id: m.id, label: m.name, hint: m.aliases.slice(0, 3).join('、') })),
    pick: (choice) => {
      c.measures = [...c.measures, choice.id];
      list.render();
      ctx.changed();
      document.getElementById(`m-${choice.id}`)?.focus();
    },
  });
  return h(
    'fieldset',
    { class: 'studio-panel', 'data-field': 'measures', 'aria-describedby': 'f-measures-error' },
    h('legend', {}, tr('measures.legend')),
    h('p', { class: 'studio-hint' }, tr('measures.hint')),
    h('p', { class: 'studio-error', id: 'f-measures-error' }),
    list.element,
    adder,
  );
}
