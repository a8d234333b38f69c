/**
 * What the dialog and the search page share around a search: IME-safe input (no search
 * while an input method is composing; search on commit and on ordinary input, debounced)
 * and the request cycle (latest wins, busy state, errors, timing for the bench).
 */
import { t } from '../../../i18n/search.ts';
import { createSequencer } from '../../../lib/search/engine/sequence.ts';
import { searchErrorKey } from './runtime.ts';

/**
 * Calls `onQuery` after `delayMs` of quiet on ordinary input and after an input method
 * commits (compositionend) — never for text still being composed (`xian guan` before the
 * characters are chosen). Returns a function that drops a pending call.
 */
export function watchQueryInput(input: HTMLInputElement, onQuery: () => void, delayMs: number): () => void {
  let composing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => clearTimeout(timer);
  const schedule = () => {
    cancel();
    timer = setTimeout(onQuery, delayMs);
  };
  input.addEventListener('compositionstart', () => {
    composing = true;
    cancel();
  });
  input.addEventListener('compositionend', () => {
    composing = false;
    schedule();
  });
  input.addEventListener('input', (event) => {
    if (composing || (event as InputEvent).isComposing) return;
    schedule();
  });
  return cancel;
}

export interface RequestView {
  /** The results container: carries data-state (idle/loading/done/error), data-query, data-ms, aria-busy. */
  box: HTMLElement;
  status: HTMLElement;
}

/** Runs searches for a view, the latest one winning; `show` renders a result that is still current. */
export function requestCycle(view: RequestView) {
  const sequence = createSequencer();
  return {
    /** `task` may `show` a first part of its result (the view stays busy until it resolves). */
    async run<T>(
      query: string,
      task: (early: (value: T) => void) => Promise<T>,
      show: (value: T) => void,
    ): Promise<void> {
      const current = sequence.start();
      const started = performance.now();
      const { box, status } = view;
      box.dataset['state'] = 'loading';
      box.setAttribute('aria-busy', 'true');
      if (!status.textContent) status.textContent = t('search.loading');
      try {
        const value = await task((early) => {
          if (current()) show(early);
        });
        if (!current()) return;
        show(value);
        box.dataset['state'] = 'done';
        box.dataset['query'] = query;
        // Time to results (ms), read by scripts/search-bench.ts.
        box.dataset['ms'] = String(Math.round(performance.now() - started));
      } catch (error) {
        if (!current()) return;
        console.error(error);
        box.innerHTML = '';
        status.textContent = t(searchErrorKey(error));
        box.dataset['state'] = 'error';
      } finally {
        if (current()) box.removeAttribute('aria-busy');
      }
    },
    /** Back to idle (empty box): running searches are dropped. */
    idle(): void {
      sequence.cancel();
      view.box.innerHTML = '';
      view.status.textContent = '';
      view.box.dataset['state'] = 'idle';
      view.box.removeAttribute('aria-busy');
    },
  };
}
