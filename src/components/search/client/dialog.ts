/**
 * The quick-search dialog's behaviour once opened: search as you type (never while an
 * input method is composing), top results, the measure hint, a correction as the first
 * entry when nothing matches; arrow keys between the box and the results; Enter in the
 * box goes to the full search page with the query. Loaded on first open by boot.ts.
 */
import { DIALOG_RESULTS } from '../../../data/limits.ts';
import { t } from '../../../i18n/search.ts';
import type { SearchEngine } from '../../../lib/search/engine/engine.ts';
import { forgivingSearch, type ForgivingOutcome } from '../../../lib/search/query/forgive.ts';
import { chineseSegmenter } from '../../../lib/search/query/question.ts';
import { stateToSearch } from '../../../lib/search/query/url.ts';
import { boundQuery, MAX_QUERY_CHARS } from '../../../lib/search/query/bounds.ts';
import { escapeHtml } from '../../../lib/text/highlight.ts';
import { getEngine, getVocabulary, siteUrl, warm } from './runtime.ts';
import { hintHtml, hitHtml, noticeHtml, statusText, suggestionItemHtml } from './render.ts';
import { requestCycle, watchQueryInput } from './requests.ts';

const DEBOUNCE_MS = 120;

const searchPageUrl = (q: string) => siteUrl('search/') + stateToSearch({ q, selection: {}, sort: 'relevance' });

/** The dialog's top results for `q`: the measure hint, a correction first when nothing matches, a link to all results. */
function resultsHtml(
  engine: SearchEngine,
  result: ForgivingOutcome,
  q: string,
  cutNote: string,
  allHref: string,
): string {
  const { outcome } = result;
  const list = outcome.fallback ? outcome.related : outcome.results;
  const more =
    outcome.total > DIALOG_RESULTS
      ? `<p class="search-more"><a href="${allHref}">${t('search.allResults')} ›</a></p>`
      : '';
  const items =
    suggestionItemHtml(result, searchPageUrl) +
    list
      .slice(0, DIALOG_RESULTS)
      .map((h) => hitHtml(h, engine, { chips: 3, first: outcome.hints.map((m) => m.id) }))
      .join('');
  return (
    outcome.hints.slice(0, 2).map(hintHtml).join('') +
    `<div class="search-notice">${cutNote}${noticeHtml(result, q, searchPageUrl, false)}</div>` +
    (items ? `<ol class="search-hits" aria-label="${t('search.resultsLabel')}">${items}</ol>` : '') +
    more
  );
}

/** Arrow keys: from the box into the results and back. */
function moveWithArrows(event: KeyboardEvent, box: HTMLElement, input: HTMLInputElement): void {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  if (event.isComposing) return; // the input method's own candidate list
  const links = [...box.querySelectorAll<HTMLAnchorElement>('[data-hit-link]')];
  if (!links.length) return;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  event.preventDefault();
  if (event.key === 'ArrowDown') (at < 0 ? links[0]! : links[Math.min(at + 1, links.length - 1)]!).focus();
  else if (at <= 0) input.focus();
  else links[at - 1]!.focus();
}

/** A click on a correction or alternative (data-search-query, no modifier key): its query into the box. */
function takeQueryLink(event: MouseEvent, input: HTMLInputElement): boolean {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-search-query]');
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return false;
  event.preventDefault();
  input.value = link.dataset['searchQuery'] ?? '';
  return true;
}

export function attachDialog(dialog: HTMLDialogElement): void {
  const form = dialog.querySelector<HTMLFormElement>('form')!;
  const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
  const box = dialog.querySelector<HTMLElement>('[data-search-results]')!;
  const all = dialog.querySelector<HTMLAnchorElement>('[data-search-all]')!;
  const requests = requestCycle({ box, status });
  const segment = chineseSegmenter();
  // The dictionary loads as soon as the dialog opens; the rest of the search (Pagefind) once the
  // first query is answered (a known term is answered without it) or, with nothing typed yet, at once.
  const enginePromise = getEngine();
  void enginePromise.then(() => {
    if (!input.value.trim()) warm();
  });

  const search = async (q: string) => {
    const engine = await enginePromise;
    const result = await forgivingSearch(engine, q, {
      need: DIALOG_RESULTS,
      counts: false, // no facets here: search-facets.json is not loaded
      related: false, // listed only when nothing matches whole: no pieces looked up otherwise
      segment,
      vocabulary: getVocabulary,
    });
    return { engine, result };
  };

  async function run(): Promise<void> {
    // A query is cut to MAX_QUERY_CHARS (bounds.ts), with a note.
    const { query: q, cut } = boundQuery(input.value.trim());
    const cutNote = cut ? `<p>${escapeHtml(t('search.queryCut', { n: MAX_QUERY_CHARS }))}</p>` : '';
    all.href = searchPageUrl(q);
    if (!q) return requests.idle();
    await requests.run(
      q,
      () => search(q),
      ({ engine, result }) => {
        box.innerHTML = resultsHtml(engine, result, q, cutNote, all.href);
        status.textContent = statusText(result.outcome, q, false);
        box.dataset['fallback'] = String(result.outcome.fallback);
      },
    );
    warm();
  }

  const cancelPending = watchQueryInput(input, () => void run(), DEBOUNCE_MS);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const { query: q } = boundQuery(input.value.trim());
    if (q) location.assign(searchPageUrl(q));
  });
  // A correction or alternative runs its search here.
  box.addEventListener('click', (event) => {
    if (!takeQueryLink(event, input)) return;
    input.focus();
    void run();
  });
  dialog.addEventListener('keydown', (event) => moveWithArrows(event, box, input));
  dialog.addEventListener('close', cancelPending);
  if (input.value.trim()) void run();
}
