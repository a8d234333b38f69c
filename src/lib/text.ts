/**
 * Reading a case body (the MDX source under the front matter) as plain blocks:
 * headings and paragraphs, with MDX escapes removed. Case bodies are plain
 * paragraphs and headings by rule (content/README.md), so a line-based reading is exact.
 */
export type Block =
  { kind: 'heading'; depth: number; text: string } | { kind: 'paragraph'; index: number; text: string };

/** Removes MDX/Markdown backslash escapes (`\{` → `{`, `\&` → `&`). */
export function unescapeMdx(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!<>|~&])/g, '$1');
}

/** Splits a body into headings and numbered paragraphs (index counts paragraphs only). */
export function bodyBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let index = 0;
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const raw = chunk.trim();
    if (!raw) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(raw);
    if (heading) {
      blocks.push({ kind: 'heading', depth: heading[1]!.length, text: unescapeMdx(heading[2]!.trim()) });
    } else {
      blocks.push({ kind: 'paragraph', index: index++, text: unescapeMdx(raw.replace(/\s*\n\s*/g, '')) });
    }
  }
  return blocks;
}

/** The paragraphs of a body, in order; `paragraphs(body)[i]` is the element with id `p-(i+1)`. */
export function paragraphs(body: string): string[] {
  return bodyBlocks(body).flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
}

/**
 * Lines of a body with markup that would not render as text: a `<`, `>`, `{` or `}` not
 * escaped by a backslash (HTML or code), or a Markdown link or image `[…](…)`.
 */
export function unescapedMarkup(body: string): string[] {
  return body
    .split(/\r?\n/)
    .filter((line) => /(^|[^\\])(\\\\)*[<>{}]/.test(line) || /(^|[^\\])\[[^\]]*\]\(/.test(line));
}

/** A short excerpt of `text` around the first occurrence of any of `terms`. */
export function excerptAround(text: string, terms: string[], radius = 60): string | undefined {
  let best = -1;
  let term = '';
  for (const t of terms) {
    const at = text.indexOf(t);
    if (at >= 0 && (best < 0 || at < best)) {
      best = at;
      term = t;
    }
  }
  if (best < 0) return undefined;
  const start = Math.max(0, best - radius);
  const end = Math.min(text.length, best + term.length + radius);
  return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
}
