/**
 * The quick-search dialog's behaviour once opened: search as you type (top results, the
 * measure hint), arrow keys between the box and the results, Enter in the box goes to the
 * full search page with the query. Loaded on first open by boot.ts.
 */
import { t } from '../../../i18n/index.ts';
import { stateToSearch } from '../../../lib/search/url.ts';
import { getEngine, searchErrorKey, siteUrl } from './runtime.ts';
import { hintHtml, hitHtml, noticeHtml, statusText } from './render.ts';

const SHOWN = 8;
const DEBOUNCE_MS = 120;

export function attachDialog(dialog: HTMLDialogElement): void {
  const form = dialog.querySelector<HTMLFormElement>('form')!;
  const input = dialog.querySelector<HTMLInputElement>('input[type="search"]')!;
  const status = dialog.querySelector<HTMLElement>('[data-search-status]')!;
  const box = dialog.querySelector<HTMLElement>('[data-search-results]')!;
  const all = dialog.querySelector<HTMLAnchorElement>('[data-search-all]')!;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const enginePromise = getEngine(); // start loading Pagefind as soon as the dialog opens

  const searchPageUrl = (q: string) => siteUrl('search/') + stateToSearch({ q, selection: {}, sort: 'relevance' });

  async function run(): Promise<void> {
    const q = input.value.trim();
    const mine = ++seq;
    const started = performance.now();
    all.href = searchPageUrl(q);
    if (!q) {
      box.innerHTML = '';
      status.textContent = '';
      box.dataset['state'] = 'idle';
      return;
    }
    box.dataset['state'] = 'loading';
    box.setAttribute('aria-busy', 'true');
    try {
      const engine = await enginePromise;
      const outcome = await engine.query(q, {}, 'relevance', SHOWN, { counts: false });
      if (mine !== seq) return;
      const list = outcome.fallback ? outcome.related : outcome.results;
      const more = outcome.total > SHOWN ? `<p class="search-more"><a href="${all.href}">${t('search.allResults')} ›</a></p>` : '';
      box.innerHTML =
        outcome.hints.slice(0, 2).map(hintHtml).join('') +
        `<div class="search-notice">${noticeHtml(outcome, q)}</div>` +
        (list.length ? `<ol class="search-hits" aria-label="${t('search.resultsLabel')}">${list.slice(0, SHOWN).map((h) => hitHtml(h, engine, { chips: 3, first: outcome.hints.map((m) => m.name) })).join('')}</ol>` : '') +
        more;
      status.textContent = statusText(outcome, q, false);
      box.dataset['state'] = 'done';
      box.dataset['query'] = q;
      box.dataset['fallback'] = String(outcome.fallback);
      box.dataset['ms'] = String(Math.round(performance.now() - started));
    } catch (error) {
      if (mine !== seq) return;
      console.error(error);
      box.innerHTML = '';
      status.textContent = t(searchErrorKey(error));
      box.dataset['state'] = 'error';
    } finally {
      if (mine === seq) box.removeAttribute('aria-busy');
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (q) location.assign(searchPageUrl(q));
  });

  // Arrow keys: from the box into the results and back.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = [...box.querySelectorAll<HTMLAnchorElement>('[data-hit-link]')];
    if (!links.length) return;
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    event.preventDefault();
    if (event.key === 'ArrowDown') (at < 0 ? links[0]! : links[Math.min(at + 1, links.length - 1)]!).focus();
    else if (at <= 0) input.focus();
    else links[at - 1]!.focus();
  });

  dialog.addEventListener('close', () => clearTimeout(timer));
  if (input.value.trim()) void run();
}
