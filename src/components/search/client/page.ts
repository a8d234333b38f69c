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
import type { Hit } from '../../../lib/search/engine/types.ts';
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

/** The page's parts (SearchPage.astro). */
function pageElements(root: HTMLElement) {
  const one = <E extends Element>(selector: string) => root.querySelector<E>(selector)!;
  return {
    form: one<HTMLFormElement>('[data-search-page-form]'),
    input: one<HTMLInputElement>('[data-search-page-input]'),
    sortSelect: one<HTMLSelectElement>('[data-search-sort]'),
    status: one<HTMLElement>('[data-search-status]'),
    hints: one<HTMLElement>('[data-search-hints]'),
    notice: one<HTMLElement>('[data-search-notice]'),
    list: one<HTMLElement>('[data-search-results]'),
    more: one<HTMLButtonElement>('[data-search-more]'),
    related: one<HTMLElement>('[data-search-related]'),
    relatedNote: one<HTMLElement>('[data-search-related-note]'),
    relatedList: one<HTMLElement>('[data-search-related-list]'),
    filtersPanel: one<HTMLDetailsElement>('[data-search-filters]'),
    resultsHeading: one<HTMLElement>('#search-results-heading'),
  };
}

type Found = { result?: ForgivingOutcome; outcome: ForgivingOutcome['outcome'] };
type FoundBy = Found & { engine: SearchEngine };

/** One search page: its state (in step with the URL and the form), its searches and what they show. */
class SearchPage {
  readonly el: ReturnType<typeof pageElements>;
  readonly filters: ReturnType<typeof attachFilters>;
  readonly labels: FilterLabels;
  readonly selectionNote = document.createElement('p');
  readonly requests: ReturnType<typeof requestCycle>;
  readonly segment = chineseSegmenter();
  /** The query on screen was cut to MAX_QUERY_CHARS (bounds.ts): a note says so. */
  queryCut = false;
  state: SearchState;
  limit = PAGE;
  engine: SearchEngine | undefined;

  constructor(root: HTMLElement) {
    this.el = pageElements(root);
    this.filters = attachFilters(root, {
      change: () => this.update(false),
      clear: () => this.update(false),
      // Opening the filters shows their counts (computed then, not with the first results).
      open: () => void this.run(this.state),
      toResults: () => this.el.resultsHeading.focus(),
    });
    this.labels = JSON.parse(root.querySelector('[data-search-labels]')?.textContent ?? '{}') as FilterLabels;
    this.selectionNote.className = 'search-selection';
    this.el.status.after(this.selectionNote);
    this.requests = requestCycle({ box: this.el.list, status: this.el.status });
    this.state = this.fromUrl(location.search);
  }

  bounded(q: string): string {
    const { query, cut } = boundQuery(q);
    this.queryCut = cut;
    return query;
  }

  /** Old shared URLs carry display names (?measure=县管校聘): read them as keys. */
  fromUrl(search: string): SearchState {
    const s = parseState(search);
    return { ...s, q: this.bounded(s.q), selection: canonicalSelection(s.selection, this.labels) };
  }

  readForm(): SearchState {
    const { input, sortSelect } = this.el;
    return {
      q: this.bounded(input.value.trim()),
      selection: this.filters.read(),
      sort: sortSelect.disabled ? this.state.sort : (sortSelect.value as SortOrder),
    };
  }

  writeForm(s: SearchState): void {
    this.el.input.value = s.q;
    this.el.sortSelect.value = s.sort;
    this.filters.write(s.selection);
  }

  writeUrl(s: SearchState, push: boolean): void {
    const url = location.pathname + stateToSearch(s);
    if (url === location.pathname + location.search) return;
    history[push ? 'pushState' : 'replaceState'](null, '', url);
  }

  render({ result, outcome }: Found, s: SearchState, engine: SearchEngine): void {
    const { hints, notice, status, list } = this.el;
    hints.innerHTML = outcome.hints.slice(0, 2).map(hintHtml).join('');
    const searchPageUrl = (q: string) => location.pathname + stateToSearch({ q, selection: {}, sort: 'relevance' });
    notice.innerHTML =
      (this.queryCut ? `<p>${escapeHtml(t('search.queryCut', { n: MAX_QUERY_CHARS }))}</p>` : '') +
      (result ? noticeHtml(result, s.q, searchPageUrl) : '');
    const first = [...outcome.hints.map((m) => m.id), ...(s.selection.measure ?? [])];
    const main = outcome.fallback ? outcome.related : outcome.results;
    list.innerHTML = main
      .slice(0, this.limit)
      .map((h) => hitHtml(h, engine, { first }))
      .join('');
    this.el.more.hidden = outcome.total <= this.limit && !outcome.truncated;
    this.renderRelated(outcome, s, (h) => hitHtml(h, engine, { first }));
    status.textContent = statusText(outcome, s.q, !isEmptySelection(s.selection));
    this.selectionNote.textContent = selectionText(s.selection, this.labels);
    this.renderControls(outcome, s);
    list.dataset['stages'] = outcome.stats.stages.join(' ');
    list.dataset['fallback'] = String(outcome.fallback);
  }

  /** Related (partial) results under the results, when there are whole results too. */
  renderRelated(outcome: Found['outcome'], s: SearchState, html: (hit: Hit) => string): void {
    const show = !outcome.fallback && outcome.related.length > 0;
    this.el.related.hidden = !show;
    this.el.relatedNote.textContent = show ? t('search.relatedNote', { q: s.q }) : '';
    this.el.relatedList.innerHTML = show ? outcome.related.slice(0, RELATED).map(html).join('') : '';
  }

  /** The order and the filters' counts, as the outcome allows. */
  renderControls(outcome: Found['outcome'], s: SearchState): void {
    const { sortSelect } = this.el;
    // Browsing lists the newest cases first; the order only applies to a query.
    sortSelect.disabled = outcome.browse;
    sortSelect.value = outcome.browse ? 'date' : s.sort;
    // No counts computed (the filters were folded): they are computed when the filters open.
    const counted = outcome.browse || outcome.total === 0 || Object.keys(outcome.counts).length > 0;
    this.filters.showCounts(counted ? outcome.counts : undefined, outcome.total);
  }

  /** Searches `s` for the first `need` results: the filter counts only while the filters are open (they load every page's facets). */
  async search(s: SearchState, need: number): Promise<FoundBy> {
    const e = (this.engine ??= await getEngine());
    if (!s.q) return { engine: e, outcome: await e.browse(s.selection, need) };
    const result = await forgivingSearch(e, s.q, {
      selection: s.selection,
      sort: s.sort,
      need,
      counts: this.el.filtersPanel.open,
      segment: this.segment,
      vocabulary: getVocabulary,
    });
    return { engine: e, result, outcome: result.outcome };
  }

  /** Shows the first few results as soon as they are read, then the rest of the page. */
  async run(s: SearchState): Promise<void> {
    await this.requests.run<FoundBy>(
      s.q,
      async (early) => {
        const first = await this.search(s, Math.min(FIRST, this.limit));
        const { outcome } = first;
        const shown = (outcome.fallback ? outcome.related : outcome.results).length;
        if (!outcome.truncated || shown >= this.limit) return first;
        early(first);
        return this.search(s, this.limit);
      },
      (found) => this.render(found, s, found.engine),
    );
  }

  update(push: boolean, resetLimit = true): void {
    this.state = this.readForm();
    if (resetLimit) this.limit = PAGE;
    this.writeUrl(this.state, push);
    void this.run(this.state);
  }

  /** Typing, submitting, the order, corrections and alternatives, more results, back and forward. */
  listen(): void {
    const { form, input, notice, list, sortSelect, more } = this.el;
    const cancelPending = watchQueryInput(input, () => this.update(false), DEBOUNCE_MS);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      cancelPending();
      this.update(true);
    });
    // A correction or alternative (data-search-query) runs its search in place.
    for (const area of [notice, list]) area.addEventListener('click', (event) => this.followQueryLink(event));
    sortSelect.addEventListener('change', () => this.update(false));
    more.addEventListener('click', () => {
      const firstNew = list.children.length;
      this.limit += PAGE;
      void this.run(this.state).then(() =>
        list.children[firstNew]?.querySelector<HTMLElement>('[data-hit-link]')?.focus(),
      );
    });
    window.addEventListener('popstate', () => {
      this.state = this.fromUrl(location.search);
      this.limit = PAGE;
      this.writeForm(this.state);
      void this.run(this.state);
    });
  }

  followQueryLink(event: MouseEvent): void {
    const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-search-query]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    this.el.input.value = link.dataset['searchQuery'] ?? '';
    this.update(true);
    this.el.input.focus({ preventScroll: true });
  }

  start(): void {
    this.listen();
    this.writeForm(this.state);
    // Once the first results are shown, the rest of what a search needs loads, for the next query.
    void this.run(this.state).finally(warm);
    // Keyboard users arriving without a query start in the box.
    if (!this.state.q && isEmptySelection(this.state.selection)) this.el.input.focus({ preventScroll: true });
  }
}

export function attachSearchPage(root: HTMLElement): void {
  new SearchPage(root).start();
}
