/**
 * Raw text never becomes code. MDX reads `{…}` as JavaScript, `<…>` as JSX/HTML, and a
 * block starting with `import`/`export` as a module statement; Markdown reads `*`, `_`,
 * backticks, `[…]`, `~`, and line-start markers (`#`, `- `, `1. `) as formatting. Every such
 * character is backslash-escaped so that it renders literally, and `unescapeMdx` in
 * ../../text/bodyText.ts (what the build uses to read bodies back) turns the escaped text into exactly
 * the original: `unescapeMdx(escapeMdxText(t)) === t`.
 */

/** Characters escaped anywhere in running text (all are undone by `unescapeMdx`). */
const ALWAYS = /[\\`*_{}[\]<>~]/g;

/** Escapes running text (no line-start rules). */
export function escapeMdxText(text: string): string {
  // `&` only where it would start a character reference (`&amp;`, `&#123;`).
  return text.replace(ALWAYS, (c) => `\\${c}`).replace(/&(?=#?[a-z0-9]+;)/gi, '\\&');
}

/**
 * Escapes one body block (a paragraph or a heading's text), including what Markdown and MDX
 * read at the start of a block. A block starting with `import`/`export` gets one leading
 * space: MDX only treats an unindented block as ESM, and reading the body back trims it.
 */
export function escapeMdxBlock(text: string): string {
  let out = escapeMdxText(text);
  out = out
    .replace(/^#/, '\\#')
    .replace(/^([-+])(?=\s|$|[-+])/, '\\$1')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
  if (/^(import|export)\b/.test(out)) out = ` ${out}`;
  return out;
}
