/**
 * The search page's filter panel: checkboxes by facet with the count of results each would
 * keep, options without results folded behind a “显示全部” per facet, and, on a phone (where
 * the panel opens above the results), a “查看 N 条结果” that closes it and moves to the results.
 */
import { t } from '../../../i18n/search.ts';
import type { Facet, FacetCounts, Selection } from '../../../lib/search/engine/facets.ts';

export interface FilterPanel {
  /** The selected values, by facet. */
  read(): Selection;
  write(selection: Selection): void;
  /** Shows the counts of the results on screen (`counts` undefined: not computed, the panel is folded). */
  showCounts(counts: FacetCounts | undefined, total: number): void;
  /** Whether the counts on screen are those of the current results. */
  readonly counted: boolean;
}

/** Folds the options of a facet that keep no result (unless chosen, or the facet is unfolded). */
function fold(fieldset: HTMLFieldSetElement, counted: boolean): void {
  const toggle = fieldset.querySelector<HTMLButtonElement>('[data-show-all]')!;
  const expanded = toggle.getAttribute('aria-expanded') === 'true';
  let empty = 0;
  for (const li of fieldset.querySelectorAll<HTMLLIElement>('li')) {
    const box = li.querySelector('input')!;
    const none = counted && li.dataset['count'] === '0' && !box.checked;
    if (none) empty++;
    li.hidden = none && !expanded;
    li.querySelector('[data-facet-label]')!.classList.toggle('text-muted', none);
  }
  toggle.hidden = empty === 0;
  toggle.textContent = expanded ? t('search.showFewer') : t('search.showAll', { n: empty });
}

const facetOf = (b: HTMLInputElement) => b.dataset['facetValue'] as Facet;

/** Each option's count (none: not computed), shown and read out. */
function writeCounts(boxes: HTMLInputElement[], counts: FacetCounts | undefined): void {
  for (const b of boxes) {
    const n = counts ? (counts[facetOf(b)]?.[b.value] ?? 0) : undefined;
    const li = b.closest('li')!;
    li.dataset['count'] = n === undefined ? '' : String(n);
    li.querySelector('[data-count]')!.textContent = n === undefined ? '' : String(n);
    if (n === undefined) b.removeAttribute('aria-description');
    else b.setAttribute('aria-description', t('search.filterCount', { n }));
  }
}

type Handlers = { change: () => void; clear: () => void; open: () => void; toResults: () => void };

/** The panel's controls: the options, 显示全部 per facet, 清除, 查看 N 条结果, and opening the panel. */
function listen(root: HTMLElement, panel: HTMLDetailsElement, on: Handlers, counted: () => boolean): void {
  const boxes = root.querySelectorAll<HTMLInputElement>('input[data-facet-value]');
  for (const fieldset of panel.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')) {
    const toggle = fieldset.querySelector<HTMLButtonElement>('[data-show-all]')!;
    toggle.addEventListener('click', () => {
      toggle.setAttribute('aria-expanded', String(toggle.getAttribute('aria-expanded') !== 'true'));
      fold(fieldset, counted());
    });
  }
  for (const b of boxes) b.addEventListener('change', on.change);
  root.querySelector('[data-search-clear]')!.addEventListener('click', () => {
    for (const b of boxes) b.checked = false;
    on.clear();
  });
  root.querySelector('[data-search-apply]')!.addEventListener('click', () => {
    panel.open = false;
    on.toResults();
  });
  // Folded on small screens (results first), open beside the results on wide ones (that first
  // opening is not the reader's: the first search computes the counts of an open panel).
  let opening = matchMedia('(min-width: 64rem)').matches;
  panel.open = opening;
  panel.addEventListener('toggle', () => {
    if (opening) opening = false;
    else if (panel.open && !counted()) on.open();
  });
}

export function attachFilters(root: HTMLElement, on: Handlers): FilterPanel {
  const panel = root.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
  const summary = root.querySelector<HTMLElement>('[data-search-filter-summary]')!;
  const apply = root.querySelector<HTMLButtonElement>('[data-search-apply]')!;
  const boxes = [...root.querySelectorAll<HTMLInputElement>('input[data-facet-value]')];
  const fieldsets = [...panel.querySelectorAll<HTMLFieldSetElement>('fieldset[data-facet]')];
  let counted = false;
  listen(root, panel, on, () => counted);

  return {
    read() {
      const selection: Selection = {};
      for (const b of boxes) if (b.checked) (selection[facetOf(b)] ??= []).push(b.value);
      return selection;
    },
    write(selection) {
      for (const b of boxes) b.checked = selection[facetOf(b)]?.includes(b.value) ?? false;
    },
    showCounts(counts, total) {
      const active = boxes.filter((b) => b.checked).length;
      summary.textContent = active ? t('search.filtersActive', { n: active }) : '';
      apply.textContent = t('search.applyFiltersCount', { n: total });
      counted = counts !== undefined;
      writeCounts(boxes, counts);
      for (const fieldset of fieldsets) fold(fieldset, counted);
    },
    get counted() {
      return counted;
    },
  };
}
