/**
 * The search page's behaviour: restores the state from the URL, searches as you type,
 * applies filters with live counts, keeps the URL in step (shareable, back/forward work),
 * pages through results and shows related (partial) matches separately.
 */
import { t } from '../../../i18n/search.ts';
import { isEmptySelection } from '../../../lib/search/engine/facets.ts';
import { forgivingSearch, type ForgivingOutcome } from '../../../lib/search/query/forgive.ts';
import { chineseSegmenter } from '../../../lib/search/query/question.ts';
import { canonicalSelection, type FilterLabels } from '../../../lib/search/index/schema.ts';
import { parseState, stateToSearch, type SearchState, type SortOrder } from '../../../lib/search/query/url.ts';
import type { SearchEngine } from '../../../lib/search/engine/engine.ts';
import { boundQuery, MAX_QUERY_CHARS } from '../../../lib/search/query/bounds.ts';
import { escapeHtml } from '../../../lib/text/highlight.ts';
import { getEngine, getVocabulary, warm } from './runtime.ts';
import { hintHtml, hitHtml, noticeHtml, selectionText, statusText } from './render.ts';
import { requestCycle, watchQueryInput } from './requests.ts';
import { attachFilters } from './filters.ts';

const PAGE = 20;
/** Results read before the first are shown (the rest of the page follows): on a slow connection each is a request. */
const FIRST = 5;
/** Related (partial) results listed under the results. */
const RELATED = 10;
const DEBOUNCE_MS = 200;

export function attachSearchPage(root: HTMLElement): void {
  const form = root.querySelector<HTMLFormElement>('[data-search-page-form]')!;
  const input = root.querySelector<HTMLInputElement>('[data-search-page-input]')!;
  const sortSelect = root.querySelector<HTMLSelectElement>('[data-search-sort]')!;
  const status = root.querySelector<HTMLElement>('[data-search-status]')!;
  const hints = root.querySelector<HTMLElement>('[data-search-hints]')!;
  const notice = root.querySelector<HTMLElement>('[data-search-notice]')!;
  const list = root.querySelector<HTMLElement>('[data-search-results]')!;
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]')!;
  const related = root.querySelector<HTMLElement>('[data-search-related]')!;
  const relatedNote = root.querySelector<HTMLElement>('[data-search-related-note]')!;
  const relatedList = root.querySelector<HTMLElement>('[data-search-related-list]')!;
  const filtersPanel = root.querySelector<HTMLDetailsElement>('[data-search-filters]')!;
  const resultsHeading = root.querySelector<HTMLElement>('#search-results-heading')!;
  const filters = attachFilters(root, {
    change: () => update(false),
    clear: () => update(false),
    // Opening the filters shows their counts (computed then, not with the first results).
    open: () => void run(state),
    toResults: () => resultsHeading.focus(),
  });

  const labels = JSON.parse(root.querySelector('[data-search-labels]')?.textContent ?? '{}') as FilterLabels;
  const selectionNote = document.createElement('p');
  selectionNote.className = 'search-selection';
  status.after(selectionNote);
  /** The query on screen was cut to MAX_QUERY_CHARS (bounds.ts): a note says so. */
  let queryCut = false;
  const bounded = (q: string) => {
    const { query, cut } = boundQuery(q);
    queryCut = cut;
    return query;
  };
  // Old shared URLs carry display names (?measure=县管校聘): read them as keys.
  const fromUrl = (search: string): SearchState => {
    const s = parseState(search);
    return { ...s, q: bounded(s.q), selection: canonicalSelection(s.selection, labels) };
  };
  const searchPageUrl = (q: string) => location.pathname + stateToSearch({ q, selection: {}, sort: 'relevance' });
  const requests = requestCycle({ box: list, status });
  const segment = chineseSegmenter();

  let state: SearchState = fromUrl(location.search);
  let limit = PAGE;
  let engine: SearchEngine | undefined;

  function readForm(): SearchState {
    return {
      q: bounded(input.value.trim()),
      selection: filters.read(),
      sort: sortSelect.disabled ? state.sort : (sortSelect.value as SortOrder),
    };
  }

  function writeForm(s: SearchState): void {
    input.value = s.q;
    sortSelect.value = s.sort;
    filters.write(s.selection);
  }

  function writeUrl(s: SearchState, push: boolean): void {
    const url = location.pathname + stateToSearch(s);
    if (url === location.pathname + location.search) return;
    history[push ? 'pushState' : 'replaceState'](null, '', url);
  }

  type Found = { result?: ForgivingOutcome; outcome: ForgivingOutcome['outcome'] };

  function render({ result, outcome }: Found, s: SearchState, engineRef: SearchEngine): void {
    const filtered = !isEmptySelection(s.selection);
    hints.innerHTML = outcome.hints.slice(0, 2).map(hintHtml).join('');
    notice.innerHTML =
      (queryCut ? `<p>${escapeHtml(t('search.queryCut', { n: MAX_QUERY_CHARS }))}</p>` : '') +
      (result ? noticeHtml(result, s.q, searchPageUrl) : '');
    const main = outcome.fallback ? outcome.related : outcome.results;
    const first = [...outcome.hints.map((m) => m.id), ...(s.selection.measure ?? [])];
    list.innerHTML = main
      .slice(0, limit)
      .map((h) => hitHtml(h, engineRef, { first }))
      .join('');
    const total = outcome.total;
    more.hidden = total <= limit && !outcome.truncated;
    const showRelated = !outcome.fallback && outcome.related.length > 0;
    related.hidden = !showRelated;
    relatedNote.textContent = showRelated ? t('search.relatedNote', { q: s.q }) : '';
    relatedList.innerHTML = showRelated
      ? outcome.related
          .slice(0, RELATED)
          .map((h) => hitHtml(h, engineRef, { first }))
          .join('')
      : '';
    status.textContent = statusText(outcome, s.q, filtered);
    selectionNote.textContent = selectionText(s.selection, labels);
    // Browsing lists the newest cases first; the order only applies to a query.
    sortSelect.disabled = outcome.browse;
    sortSelect.value = outcome.browse ? 'date' : s.sort;
    // No counts computed (the filters were folded): they are computed when the filters open.
    const counted = outcome.browse || outcome.total === 0 || Object.keys(outcome.counts).length > 0;
    filters.showCounts(counted ? outcome.counts : undefined, outcome.total);
    list.dataset['stages'] = outcome.stats.stages.join(' ');
    list.dataset['fallback'] = String(outcome.fallback);
  }

  /** Searches `s` for the first `need` results: the filter counts only while the filters are open (they load every page's facets). */
  function task(s: SearchState, need: number) {
    return async (): Promise<Found & { engine: SearchEngine }> => {
      const e = (engine ??= await getEngine());
      if (!s.q) return { engine: e, outcome: await e.browse(s.selection, need) };
      const result = await forgivingSearch(e, s.q, {
        selection: s.selection,
        sort: s.sort,
        need,
        counts: filtersPanel.open,
        segment,
        vocabulary: getVocabulary,
      });
      return { engine: e, result, outcome: result.outcome };
    };
  }

  /** Shows the first few results as soon as they are read, then the rest of the page. */
  async function run(s: SearchState): Promise<void> {
    await requests.run<Found & { engine: SearchEngine }>(
      s.q,
      async (early) => {
        const first = await task(s, Math.min(FIRST, limit))();
        const { outcome } = first;
        if (!outcome.truncated || (outcome.fallback ? outcome.related : outcome.results).length >= limit) return first;
        early(first);
        return task(s, limit)();
      },
      (found) => render(found, s, found.engine),
    );
  }

  function update(push: boolean, resetLimit = true): void {
    state = readForm();
    if (resetLimit) limit = PAGE;
    writeUrl(state, push);
    void run(state);
  }

  const cancelPending = watchQueryInput(input, () => update(false), DEBOUNCE_MS);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    cancelPending();
    update(true);
  });
  // A correction or alternative (data-search-query) runs its search in place.
  for (const area of [notice, list]) {
    area.addEventListener('click', (event) => {
      const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-search-query]');
      if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      input.value = link.dataset['searchQuery'] ?? '';
      update(true);
      input.focus({ preventScroll: true });
    });
  }
  sortSelect.addEventListener('change', () => update(false));
  more.addEventListener('click', () => {
    const firstNew = list.children.length;
    limit += PAGE;
    void run(state).then(() => list.children[firstNew]?.querySelector<HTMLElement>('[data-hit-link]')?.focus());
  });
  window.addEventListener('popstate', () => {
    state = fromUrl(location.search);
    limit = PAGE;
    writeForm(state);
    void run(state);
  });

  writeForm(state);
  // Once the first results are shown, the rest of what a search needs loads, for the next query.
  void run(state).finally(warm);
  // Keyboard users arriving without a query start in the box.
  if (!state.q && isEmptySelection(state.selection)) input.focus({ preventScroll: true });
}
