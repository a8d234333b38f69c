/**
 * Copying in the browser, with the fallbacks WeChat's and iOS's in-app browsers need: the
 * Clipboard API where it is allowed, else the text shown and selected so that the reader can copy
 * it by hand (the page then says so). Shared by 复制表格 and 复制链接.
 */
import { toHtmlTable, toTsv } from '../../lib/export/csv.ts';

export interface Table {
  header: string[];
  rows: unknown[][];
}

export type CopyOutcome = 'copied' | 'selected' | 'failed';

/** Selects the text of `target` (an input's value, or an element's text) for Ctrl+C. */
export function selectText(target: HTMLElement): void {
  if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) {
    target.focus();
    target.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(target);
  getSelection()?.removeAllRanges();
  getSelection()?.addRange(range);
}

/**
 * A table on the clipboard as TSV and as an HTML table (Excel and WPS take the HTML, text
 * editors the TSV). The table may still be loading: ClipboardItem takes the promise, so the copy
 * keeps the click's user activation (Safari requires it).
 */
export async function copyTable(table: Promise<Table>, fallback: HTMLTextAreaElement): Promise<CopyOutcome> {
  const blob = (type: string, make: (t: Table) => string) => table.then((t) => new Blob([make(t)], { type }));
  try {
    if (typeof ClipboardItem === 'undefined') throw new Error('no ClipboardItem');
    const item = new ClipboardItem({
      'text/plain': blob('text/plain', (t) => toTsv(t.header, t.rows)),
      'text/html': blob('text/html', (t) => toHtmlTable(t.header, t.rows)),
    });
    await navigator.clipboard.write([item]);
    return 'copied';
  } catch {
    try {
      const t = await table;
      fallback.value = toTsv(t.header, t.rows);
      fallback.hidden = false;
      selectText(fallback);
      return 'selected';
    } catch {
      return 'failed';
    }
  }
}

/** Plain text on the clipboard, else `shown` (an input holding it) selected for Ctrl+C. */
export async function copyText(text: string, shown: HTMLInputElement): Promise<CopyOutcome> {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    shown.value = text;
    shown.hidden = false;
    selectText(shown);
    return 'selected';
  }
}

const CLEAR_AFTER_MS = 5000;

/** Shows (and announces) a message in a status element, cleared after a while; again on every call. */
export function flash(status: HTMLElement, message: string): void {
  status.textContent = '';
  clearTimeout(Number(status.dataset.timer));
  setTimeout(() => (status.textContent = message), 50);
  status.dataset.timer = String(setTimeout(() => (status.textContent = ''), CLEAR_AFTER_MS));
}
