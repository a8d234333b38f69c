/**
 * /compare/ in the browser: the pickers (combobox over the index, src/lib/compare/pick.ts), the
 * URL (?a=…&b=…&c=…&measure=…, typed names accepted when one match is clearly best), the table
 * (./render.ts) and what leaves the page: 下载 CSV / XLSX (built here; the XLSX writer loads on
 * first use), 复制表格 and 复制链接.
 */
import { combobox, type Combobox, type Option } from './combobox.ts';
import { el, renderTable, shownFigures, type CompareView } from './render.ts';
import {
  confidentCandidate,
  findCandidates,
  type Candidate,
  type CaseEntry,
  type PlaceEntry,
} from '../../lib/compare/pick.ts';
import { COMPARE_KEYS, parseItemRef, queryFromRefs, readQuery, type ItemRef } from '../../lib/compare/view.ts';
import { toCsv } from '../../lib/export/csv.ts';
import { copyTable, copyText, flash } from '../share/clipboard.ts';
import type { CompareItem } from '../../data/compareData.ts';
import { translator } from '../../i18n/translate.ts';
import type { UiKey } from '../../i18n/zh-CN.ts';

interface Config {
  index: string;
  caseData: string;
  regionData: string;
  figureHeader: string[];
  sheetName: string;
  creator: string;
  /** The UI strings this script shows (src/pages/compare/index.astro picks them from the dictionary). */
  strings: Partial<Record<UiKey, string>>;
}
interface IndexFile {
  measures: [string, string][];
  metrics: [string, string, string][];
  cases: [string, string, string, string][];
  regions: [string, string, number, number, string][];
}
interface Index {
  file: IndexFile;
  places: PlaceEntry[];
  cases: CaseEntry[];
}

const form = document.getElementById('compare-form') as HTMLFormElement;
const status = document.getElementById('compare-status')!;
const result = document.getElementById('compare-result')!;
const measureSelect = form.querySelector<HTMLSelectElement>('select[name="measure"]')!;
const config = JSON.parse(form.dataset.config!) as Config;
const inputs = COMPARE_KEYS.map((key) => form.querySelector<HTMLInputElement>(`input[name="${key}"]`)!);
const t = translator<UiKey>(config.strings);
const getJson = <T>(url: string) =>
  fetch(url).then((r) => (r.ok ? (r.json() as Promise<T>) : Promise.reject(new Error(String(r.status)))));

let index: Promise<Index> | undefined;
let loaded: Index | undefined;
const loadIndex = () =>
  (index ??= getJson<IndexFile>(config.index).then((file) => {
    const places = file.regions.map(([id, path, own, total, reading]) => {
      const names = path.split(' ');
      return { id, name: names.at(-1)!, path: names, own, total, reading: reading.split(' ') };
    });
    const cases = file.cases.map(([id, title, region, date]) => ({ id, title, region, date }));
    return (loaded = { file, places, cases });
  }));

/** How a candidate reads in the input: the place's name (its path when another place has that name), or the title. */
function labelOf(c: Candidate, idx: Index): string {
  if (c.case) return c.case.title;
  const p = c.place!;
  return idx.places.some((o) => o !== p && o.name === p.name) ? p.path.join('') : p.name;
}
function optionOf(c: Candidate, idx: Index): Option<ItemRef> {
  const p = c.place;
  const detail = p
    ? t(p.total > p.own ? 'compare.optionRegionBelow' : 'compare.optionRegion', {
        path: p.path.join(' '),
        own: p.own,
        below: p.total - p.own,
      })
    : t('compare.optionCase', { region: c.case!.region, date: c.case!.date });
  return { value: c.ref, label: labelOf(c, idx), detail };
}
const optionsFor = (text: string) =>
  loaded ? findCandidates(text, loaded.places, loaded.cases).map((c) => optionOf(c, loaded!)) : [];

/** The item a typed value stands for: an id or code in the index, or a clearly best match. */
function resolve(value: string, idx: Index): { ref?: ItemRef; label?: string; options: Option<ItemRef>[] } {
  const typed = parseItemRef(value);
  const known = typed && (typed.type === 'region' ? idx.places : idx.cases).find((e) => e.id === typed.id);
  const candidates = known
    ? findCandidates(typed.id, idx.places, idx.cases)
    : findCandidates(value, idx.places, idx.cases);
  const best = known ? candidates.find((c) => c.ref.id === typed.id) : confidentCandidate(candidates);
  return { ref: best?.ref, label: best && labelOf(best, idx), options: candidates.map((c) => optionOf(c, idx)) };
}

const picked = new Map<HTMLInputElement, { label: string; ref: ItemRef }>();
const boxes = new Map<HTMLInputElement, Combobox<ItemRef>>();
for (const input of inputs) {
  const list = document.getElementById(input.getAttribute('data-listbox')!)!;
  boxes.set(
    input,
    combobox(input, list, optionsFor, (o) => picked.set(input, { label: o.label, ref: o.value })),
  );
  // The index loads on first focus; what was typed meanwhile gets its list when it arrives.
  input.addEventListener(
    'focus',
    () =>
      void loadIndex().then(
        () => document.activeElement === input && input.value.trim() && boxes.get(input)!.show(optionsFor(input.value)),
        () => {},
      ),
  );
}

const items = new Map<string, Promise<CompareItem>>();
const loadItem = (ref: ItemRef) => {
  const url = (ref.type === 'case' ? config.caseData : config.regionData).replace('{id}', encodeURIComponent(ref.id));
  let p = items.get(url);
  if (!p) items.set(url, (p = getJson<CompareItem>(url)));
  return p;
};

function download(name: string, blob: Blob) {
  const a = el('a', { href: URL.createObjectURL(blob), download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
}

/** 下载 CSV / XLSX, 复制表格, 复制链接 for what the table shows. */
function toolbar(view: CompareView) {
  const rows = shownFigures(view)
    .flat()
    .map((f) => f.row);
  const name = [t('compare.fileName'), ...view.items.map((i) => i.title), view.measure?.name ?? '']
    .filter(Boolean)
    .join('-');
  const state = el('span', { class: 'table-export-status', role: 'status', 'aria-live': 'polite' });
  const text = el('textarea', {
    class: 'table-export-text',
    readonly: '',
    'aria-label': t('table.copyText'),
    hidden: '',
  });
  const link = el('input', { class: 'compare-link', readonly: '', 'aria-label': t('compare.linkLabel'), hidden: '' });
  const button = (label: string, run: () => void | Promise<void>) => {
    const b = el('button', { type: 'button', class: 'table-action' }, label);
    b.addEventListener('click', () => void run());
    return b;
  };
  const table = { header: config.figureHeader, rows };
  return el(
    'div',
    { class: 'table-export no-print' },
    el('span', { class: 'text-muted' }, t('table.export')),
    button(t('table.csv'), () =>
      download(`${name}.csv`, new Blob([toCsv(table.header, rows)], { type: 'text/csv;charset=utf-8' })),
    ),
    button(t('table.xlsx'), async () => {
      const { workbook } = await import('../../lib/export/xlsx.ts');
      const bytes = await workbook(
        [{ name: config.sheetName, header: table.header, rows: rows as never }],
        config.creator,
      );
      download(
        `${name}.xlsx`,
        new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
      );
    }),
    button(t('table.copy'), async () =>
      flash(state, t(`table.${await copyTable(Promise.resolve(table), text as HTMLTextAreaElement)}`)),
    ),
    button(t('compare.copyLink'), async () => {
      const outcome = await copyText(location.href, link as HTMLInputElement);
      flash(state, t(outcome === 'copied' ? 'compare.linkCopied' : 'compare.linkSelected'));
    }),
    state,
    text,
    link,
  );
}

function viewOf(refs: ItemRef[], loadedItems: CompareItem[], idx: Index, measureId: string | undefined): CompareView {
  const measureNames = new Map(idx.file.measures);
  const measure =
    measureId && measureNames.has(measureId) ? { id: measureId, name: measureNames.get(measureId)! } : undefined;
  const url = (r: ItemRef[], m: string | undefined) => `?${queryFromRefs(r, m)}`;
  return {
    items: loadedItems,
    measure,
    measureNames,
    metrics: new Map(idx.file.metrics.map(([key, name, unit]) => [key, { name, unit }])),
    metricOrder: idx.file.metrics.map(([key]) => key),
    t,
    measureHref: (m) => url(refs, m),
    addHref: (region, from, replace) => {
      const ref: ItemRef = { type: 'region', id: region };
      if (refs.some((r) => r.id === region)) return undefined;
      if (replace)
        return url(
          refs.map((r) => (r.id === from.id ? ref : r)),
          measure?.id,
        );
      return refs.length < COMPARE_KEYS.length ? url([...refs, ref], measure?.id) : undefined;
    },
  };
}

async function render(refs: ItemRef[], measureId: string | undefined) {
  result.replaceChildren();
  if (refs.length === 0) return void (status.textContent = t('compare.empty'));
  status.textContent = t('compare.loading');
  let idx: Index;
  let loadedItems: CompareItem[];
  try {
    [idx, ...loadedItems] = await Promise.all([loadIndex(), ...refs.map(loadItem)]);
  } catch {
    return void (status.textContent = t('compare.error'));
  }
  const view = viewOf(refs, loadedItems, idx, measureId);
  const heading = el(
    'h2',
    { id: 'compare-result-heading', class: 'text-xl font-bold mb-3' },
    view.measure ? t('compare.heading', { measure: view.measure.name }) : t('compare.headingAll'),
  );
  const reset = view.measure
    ? [
        el(
          'p',
          { class: 'text-sm mb-3 no-print' },
          el('a', { href: view.measureHref(undefined) }, t('compare.allMeasures')),
        ),
      ]
    : [];
  result.replaceChildren(heading, ...reset, el('div', { class: 'compare-scroll' }, renderTable(view)), toolbar(view));
  status.textContent = refs.length < 2 ? t('compare.addMore') : '';
}

/** The index, or undefined with the failure said in the status line. */
const indexOrError = () =>
  loadIndex().catch(() => {
    status.textContent = t('compare.error');
    return undefined;
  });

/** Fills the form from the URL and shows what it asks for; names that match nothing are reported. */
async function showQuery() {
  const { values, measure } = readQuery(location.search);
  measureSelect.value = measure && [...measureSelect.options].some((o) => o.value === measure) ? measure : '';
  inputs.forEach((input) => (input.value = ''));
  if (values.length === 0) return render([], measure);
  const idx = await indexOrError();
  if (!idx) return;
  const refs: ItemRef[] = [];
  values.forEach((value, i) => {
    const { ref, label } = resolve(value, idx);
    inputs[i]!.value = label ?? value;
    if (ref && label && !refs.some((r) => r.id === ref.id)) {
      refs.push(ref);
      picked.set(inputs[i]!, { label, ref });
    }
  });
  await render(refs, measure);
  const missing = values.find((v) => !resolve(v, idx).ref);
  if (missing) status.textContent = t('compare.notFound', { q: missing });
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const idx = await indexOrError();
  if (!idx) return;
  const refs: ItemRef[] = [];
  for (const input of inputs) {
    const value = input.value.trim();
    if (!value) continue;
    const chosen = picked.get(input);
    const found = chosen?.label === value ? { ref: chosen.ref, label: value, options: [] } : resolve(value, idx);
    if (!found.ref) {
      status.textContent = found.options.length
        ? t('compare.choose', { q: value, n: found.options.length })
        : t('compare.notFound', { q: value });
      input.focus();
      boxes.get(input)!.show(found.options);
      return;
    }
    input.value = found.label!;
    picked.set(input, { label: found.label!, ref: found.ref });
    if (!refs.some((r) => r.id === found.ref!.id)) refs.push(found.ref);
  }
  const measure = measureSelect.value || undefined;
  history.pushState(null, '', `?${queryFromRefs(refs, measure)}`);
  await render(refs, measure);
});
addEventListener('popstate', () => void showQuery());
void showQuery();
