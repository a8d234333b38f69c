/**
 * The answer file (answers.ts) a box's text would take, guessed before the search's code has
 * loaded, so that the browser can fetch it with that code rather than after it: the text as
 * typed, trimmed, NFKC, lower case, without quotation marks and zero-width characters — a known
 * term typed plainly. (The search page does the same for `?q=` in a few inline lines of
 * src/pages/search.astro; a wrong guess only costs a small request.) Kept out of the `search`
 * chunk (astro.config.mjs): the quick-search boot script of every page uses it.
 */
export function answerHintPath(typed: string): string | undefined {
  if (!typed || typed.length > 64) return undefined;
  const q = typed
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad"'“”‘’《》〈〉「」『』〖〗·•]/g, '')
    .trim();
  if (!q || /\s/.test(q)) return undefined;
  return `search-answers/${[...new TextEncoder().encode(q)].map((b) => b.toString(16).padStart(2, '0')).join('')}.json`;
}
