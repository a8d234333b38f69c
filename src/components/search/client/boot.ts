/**
 * On every page, and nothing more: opens the quick-search dialog (header button, Ctrl/⌘+K,
 * `/`), closes it (Esc, native), keeps Tab inside it and gives focus back on close. The
 * search itself (dialog.ts → Pagefind) is imported only when the dialog is first opened;
 * the target-page highlighter only when the URL asks for it (?hl=…).
 */
import { answerHintPath } from '../../../lib/search/index/answerHint.ts';

const dialog = document.getElementById('search-dialog') as HTMLDialogElement | null;
let opener: Element | null = null;
let controller: Promise<unknown> | undefined;
/** The search's code has taken over the dialog (it fetches what it needs itself). */
let attached = false;
const fetched = new Set<string>();

/**
 * Fetches a file of the site now, for the search's code (loading meanwhile) to take: the
 * dictionary and the phrase list when the dialog opens, and the answer of what is typed before
 * the code is there.
 */
function fetchAhead(path: string | undefined): void {
  if (!path || fetched.has(path)) return;
  fetched.add(path);
  const href = import.meta.env.BASE_URL.replace(/\/?$/, '/') + path;
  document.head.append(
    Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href }),
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

function openSearch(): void {
  // On the search page the page's own box is the search.
  const pageInput = document.querySelector<HTMLInputElement>('[data-search-page-input]');
  if (pageInput) {
    pageInput.focus();
    pageInput.select();
    return;
  }
  if (!dialog || dialog.open) return;
  opener = document.activeElement;
  dialog.showModal();
  const input = dialog.querySelector<HTMLInputElement>('input[type="search"]');
  input?.focus();
  input?.select();
  if (!controller) {
    fetchAhead('search-terms.json');
    fetchAhead('search-phrases.json');
    input?.addEventListener('input', () => {
      if (!attached) fetchAhead(answerHintPath(input.value));
    });
    controller = import('./dialog.ts').then((m) => {
      attached = true;
      m.attachDialog(dialog);
    });
  }
}

if (dialog) {
  for (const link of document.querySelectorAll<HTMLElement>('[data-search-open]')) {
    link.addEventListener('click', (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return; // new tab/window: follow the link
      event.preventDefault();
      openSearch();
    });
  }
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey) return;
    const k = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !isTyping(event.target);
    if (k || slash) {
      event.preventDefault();
      openSearch();
    }
  });
  // Focus stays in the dialog: Tab from the last control wraps to the first and back.
  dialog.addEventListener('keydown', (event) => {
    // Esc closes at once (in a search field, Chromium would first only clear the text).
    if (event.key === 'Escape') {
      event.preventDefault();
      dialog.close();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [
      ...dialog.querySelectorAll<HTMLElement>(
        'a[href], button:not([disabled]):not([tabindex="-1"]), input, [tabindex]:not([tabindex="-1"])',
      ),
    ].filter((el) => el.offsetParent !== null || el === document.activeElement);
    if (!focusable.length) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  });
  // A click on the backdrop (outside the panel) closes.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) dialog.close();
  });
  dialog.addEventListener('close', () => {
    if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    opener = null;
  });
  for (const b of dialog.querySelectorAll<HTMLElement>('[data-search-close]'))
    b.addEventListener('click', () => dialog.close());
}

if (/[?&]hl=/.test(location.search)) {
  void import('./highlight.ts').then((m) => m.highlightPage());
}
