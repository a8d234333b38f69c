/**
 * The comparison as a table: one column per item, rows of the same thing side by side — on one
 * measure, each place's passages (linked to the paragraph) and its figures aligned by metric in
 * one unit per metric; without a measure, an overview (dates, cases, measures, all figures).
 * On a phone each cell carries its column's name (CSS: .compare-table in global.css).
 */
import type { CompareFigure, CompareItem, ComparePassage } from '../../data/compareData.ts';
import { alignFigures, type AlignedRow } from '../../lib/compare/view.ts';
import { axisText, commonScale } from '../../lib/compare/metricRows.ts';
import type { Range } from '../../lib/text/highlight.ts';
import type { Params } from '../../i18n/translate.ts';
import type { UiKey } from '../../i18n/zh-CN.ts';

export interface CompareView {
  items: CompareItem[];
  measure: { id: string; name: string } | undefined;
  measureNames: Map<string, string>;
  metrics: Map<string, { name: string; unit: string }>;
  metricOrder: string[];
  /** The UI strings (i18n/translate.ts `translator` over the strings the page gives). */
  t: (key: UiKey, params?: Params) => string;
  /** This comparison limited to a measure (or, without one, to all measures). */
  measureHref: (measure: string | undefined) => string;
  /**
   * This comparison with a region below `from` as a column: in place of `from` when `replace`
   * (it has no cases of its own on what is compared, like a province), else added if there is room.
   */
  addHref: (region: string, from: CompareItem, replace: boolean) => string | undefined;
}

type Child = Node | string;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

/** Text with ranges in <mark>, built as nodes (never as HTML). */
function marked(text: string, marks: readonly Range[]): Child[] {
  const out: Child[] = [];
  let at = 0;
  for (const [a, b] of [...marks].sort((x, y) => x[0] - y[0])) {
    if (a < at) continue;
    out.push(text.slice(at, a), el('mark', {}, text.slice(a, b)));
    at = b;
  }
  out.push(text.slice(at));
  return out;
}

/** The figures the table shows: those of the measure, or all. */
export function shownFigures(view: CompareView): CompareFigure[][] {
  return view.items.map((item) => item.figures.filter((f) => !view.measure || f.measure === view.measure.id));
}

function figureCell(f: CompareFigure, scale: ReturnType<typeof commonScale> | undefined, view: CompareView) {
  const { t } = view;
  const stated = { value: f.value, unit: f.unit, display: f.display ?? undefined };
  const axis = scale ? axisText(stated, f.valueBase ?? undefined, scale) : { text: f.text, qualified: false };
  const meta = [f.label, f.period ?? ''].filter(Boolean).join(' · ');
  return el(
    'div',
    { class: 'compare-figure' },
    el('a', { href: f.url, class: 'nowrap font-semibold', title: `${t('case.figureQuote')}：“${f.quote}”` }, axis.text),
    ' ',
    el('span', { class: `kind-badge kind-badge-${f.kind}` }, t(`kind.${f.kind}` as UiKey)),
    el('span', { class: 'block text-xs text-muted' }, meta),
    ...(axis.text !== f.text
      ? [el('span', { class: 'block text-xs text-muted' }, t('metric.asStated', { text: f.text }))]
      : []),
  );
}

function passageCell(passages: ComparePassage[], item: CompareItem, view: CompareView, measure: string): Child {
  // No passage: the item does not practise the measure, or its text never names it (tagged by an editor).
  if (passages.length === 0) {
    const tagged = item.measures.some((m) => m.id === measure);
    return el('span', { class: 'text-muted' }, tagged ? view.t('compare.noPassage') : view.t('compare.none'));
  }
  return el(
    'div',
    {},
    ...passages.map((p) =>
      el(
        'blockquote',
        { class: 'compare-passage' },
        el('p', {}, ...marked(p.text, p.marks)),
        el(
          'p',
          { class: 'text-xs' },
          el(
            'a',
            { href: p.url },
            item.type === 'case'
              ? view.t('case.evidenceParagraph', { n: p.paragraph })
              : view.t('compare.passageSource', { title: p.title, n: p.paragraph }),
          ),
        ),
      ),
    ),
  );
}

/** A row: its name across the columns, then one cell per item (each naming its column on a phone). */
function row(body: HTMLElement, view: CompareView, label: string, cells: Child[], className = '') {
  const n = String(view.items.length);
  body.append(el('tr', { class: 'row-head' }, el('th', { scope: 'colgroup', colspan: n }, label)));
  body.append(
    el('tr', { class: className }, ...cells.map((c, i) => el('td', { 'data-label': view.items[i]!.title }, c))),
  );
}

function figureRows(body: HTMLElement, view: CompareView) {
  const { t } = view;
  const aligned: AlignedRow<CompareFigure>[] = alignFigures(
    shownFigures(view).map((figures) => ({ figures })),
    view.metricOrder,
  );
  for (const r of aligned) {
    const info = r.metric ? view.metrics.get(r.metric) : undefined;
    const values = r.cells.flat().flatMap((f) => (f.valueBase === null ? [] : [f.valueBase]));
    const scale = info ? commonScale(values, info.unit) : undefined;
    const measure = r.measure ? (view.measureNames.get(r.measure) ?? r.measure) : t('compare.generalMeasure');
    const label = info
      ? view.measure
        ? t('compare.metricRowMeasure', { metric: info.name, unit: scale!.unit })
        : t('compare.metricRow', { measure, metric: info.name, unit: scale!.unit })
      : view.measure
        ? t('compare.unmatchedRowMeasure')
        : t('compare.unmatchedRow', { measure });
    const cells = r.cells.map((cell) =>
      cell.length
        ? el('div', {}, ...cell.map((f) => figureCell(f, scale, view)))
        : el('span', { class: 'text-muted' }, t('compare.none')),
    );
    row(body, view, label, cells);
  }
  return aligned.length;
}

/** The places below a region, each with a link that adds it as a column (when there is room). */
function belowList(item: CompareItem, view: CompareView, measure: string | undefined): Child[] {
  const places = item.below.filter((b) => !measure || b.measures.includes(measure));
  if (places.length === 0) return [];
  const links = places.flatMap((b, i) => {
    const add = view.addHref(b.id, item, measure ? !item.measures.some((m) => m.id === measure) : item.cases === 0);
    const name = `${b.name}${view.t('fmt.count', { n: b.cases })}`;
    return [i > 0 ? '、' : '', add ? el('a', { href: add, title: view.t('compare.addColumn') }, name) : name];
  });
  return [
    el(
      'span',
      { class: 'compare-below block text-sm text-muted' },
      view.t(measure ? 'compare.belowWith' : 'compare.casesBelow'),
      ...links,
    ),
  ];
}

function head(view: CompareView) {
  const cells = view.items.map((item) =>
    el(
      'th',
      { scope: 'col' },
      el('a', { href: item.url }, item.title),
      el(
        'span',
        { class: 'block text-xs font-normal text-muted' },
        `${view.t(`compare.kind.${item.type}`)} · ${item.region}`,
      ),
    ),
  );
  return el('thead', {}, el('tr', {}, ...cells));
}

function measureRows(body: HTMLElement, view: CompareView, measure: { id: string; name: string }) {
  const { t } = view;
  if (view.items.some((i) => i.type === 'region')) {
    row(
      body,
      view,
      t('compare.row.measureCases', { measure: measure.name }),
      view.items.map((item) => {
        const n = item.measures.find((m) => m.id === measure.id)?.cases ?? 0;
        const own =
          item.type === 'case'
            ? t('compare.kind.case')
            : n
              ? t('compare.measureCases', { n })
              : t('compare.measureNone');
        return el('div', {}, own, ...belowList(item, view, measure.id));
      }),
    );
  }
  row(
    body,
    view,
    t('compare.row.practice'),
    view.items.map((item) =>
      passageCell(
        item.passages.filter((p) => p.measure === measure.id),
        item,
        view,
        measure.id,
      ),
    ),
  );
}

function overviewRows(body: HTMLElement, view: CompareView) {
  const { t, items } = view;
  row(
    body,
    view,
    t('compare.row.date'),
    items.map((i) => el('span', { class: 'nowrap' }, i.date ?? t('compare.none'))),
  );
  if (items.some((i) => i.type === 'region'))
    row(
      body,
      view,
      t('compare.row.cases'),
      items.map((i) =>
        el(
          'div',
          {},
          i.type === 'region' ? t('compare.casesOwn', { n: i.cases }) : '1',
          ...belowList(i, view, undefined),
        ),
      ),
    );
  const shared = new Set(
    items[0]!.measures.map((m) => m.id).filter((id) => items.every((i) => i.measures.some((m) => m.id === id))),
  );
  const list = (i: CompareItem) =>
    el(
      'ul',
      { class: 'compare-measures' },
      ...[...i.measures]
        .sort((x, y) => Number(shared.has(y.id)) - Number(shared.has(x.id)))
        .map((m) =>
          el(
            'li',
            shared.has(m.id) && items.length > 1 ? { class: 'shared', title: t('compare.sharedMeasure') } : {},
            el('a', { href: view.measureHref(m.id) }, m.name),
          ),
        ),
    );
  row(body, view, t('compare.row.measures'), items.map(list));
}

export function renderTable(view: CompareView): HTMLTableElement {
  const table = el('table', { class: 'compare-table', 'data-columns': String(view.items.length) });
  table.append(head(view));
  const body = el('tbody');
  if (view.measure) measureRows(body, view, view.measure);
  else overviewRows(body, view);
  const n = String(view.items.length);
  body.append(
    el('tr', { class: 'row-group' }, el('th', { scope: 'colgroup', colspan: n }, view.t('compare.row.figures'))),
  );
  if (figureRows(body, view) === 0)
    body.append(el('tr', {}, el('td', { colspan: n, class: 'text-muted' }, view.t('compare.noFigures'))));
  table.append(body);
  return table;
}
