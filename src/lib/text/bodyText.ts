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

/** Sentence ends: an excerpt prefers to start after one and to end with one. */
const SENTENCE_END = /[。！？；!?;]/;
/** Clause marks: the next best place to cut. */
const CLAUSE_END = /[，、：,:]/;
/** Characters of a number as texts write them: digits, decimal and thousands marks, %, 余/多, magnitudes. */
const NUMBER_PART = /[0-9０-９.．,，%％‰余多十百千万亿]/;
const DIGIT = /[0-9０-９]/;

/** The number run around offset `at` (digits and what belongs to them: 3.5万, 200余, 38.48%), or undefined. */
function numberRun(text: string, at: number): [number, number] | undefined {
  const isPart = (i: number) => i >= 0 && i < text.length && NUMBER_PART.test(text[i]!);
  if (!isPart(at) && !isPart(at - 1)) return undefined;
  let a = isPart(at) ? at : at - 1;
  let b = a;
  while (isPart(a - 1)) a--;
  while (isPart(b + 1)) b++;
  // Only a run with a digit is a number (十百千万 alone are words: 万人, 千方百计).
  for (let i = a; i <= b; i++) if (DIGIT.test(text[i]!)) return [a, b + 1];
  return undefined;
}

/**
 * Where to cut `text` near `wanted` within [lo, hi]: right after the sentence end nearest to
 * `wanted`, else after the nearest clause mark, else at `wanted` moved out of any number
 * (never 31000人次 → …000人次, 200余人 → …0余人) and out of a surrogate pair.
 */
export function cutPoint(text: string, wanted: number, lo: number, hi: number, side: 'start' | 'end'): number {
  const from = Math.max(0, lo);
  const to = Math.min(text.length, hi);
  for (const mark of [SENTENCE_END, CLAUSE_END]) {
    let best = -1;
    // A cut after the mark at i is offset i + 1.
    for (let i = from; i < to; i++) {
      if (mark.test(text[i]!) && (best < 0 || Math.abs(i + 1 - wanted) < Math.abs(best - wanted))) best = i + 1;
    }
    if (best >= 0) return best;
  }
  let cut = Math.max(0, Math.min(text.length, wanted));
  const run = cut > 0 && cut < text.length ? numberRun(text, cut) : undefined;
  // Inside a number: take all of it (start before it, end after it).
  if (run && run[0] < cut && cut < run[1]) cut = side === 'start' ? run[0] : run[1];
  if (/[\udc00-\udfff]/.test(text[cut] ?? '')) cut += side === 'start' ? -1 : 1;
  return cut;
}

/**
 * A short excerpt of `text` around the first occurrence of any of `terms`: about `radius`
 * characters either side (at most half as many again), cut after a sentence end or clause mark
 * where one is near and never inside a number; … marks where the paragraph goes on.
 */
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
  const stop = best + term.length;
  const slack = Math.ceil(radius / 2);
  const start = best - radius <= 0 ? 0 : cutPoint(text, best - radius, best - radius - slack, best, 'start');
  const end =
    stop + radius >= text.length ? text.length : cutPoint(text, stop + radius, stop, stop + radius + slack, 'end');
  return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
}
