/**
 * Where a Chinese sentence ends, said once for the ingest stages (the summary's sentences, a
 * figure's sentence, the joining of broken lines) and the search excerpt: at a full stop,
 * exclamation or question mark, full- or half-width; a semicolon ends a clause that can stand
 * where a sentence is looked for; closing quotes and brackets after the mark belong to the
 * sentence they close. Character-class bodies, for composing regular expressions.
 */

/** Marks that end a sentence. */
export const SENTENCE_END = '。！？!?';
/** Semicolons: they end a clause that stands as a sentence where a sentence break is looked for. */
export const CLAUSE_END = '；;';
/** Closing quotes and brackets that follow a sentence's end mark and belong to it. */
export const CLOSING = '”’」』）)》】\\]';

const FINISHED = new RegExp(`[^${SENTENCE_END}]+[${SENTENCE_END}]+[${CLOSING}]*`, 'g');
const BREAK = new RegExp(`[${SENTENCE_END}${CLAUSE_END}]`);

/**
 * The finished sentences of a text, trimmed, each up to and including its end marks and
 * closing quotes. A last piece without its end is no sentence of the text and is left out.
 */
export function sentencesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(FINISHED)) {
    const sentence = m[0].trim();
    if (sentence) out.push(sentence);
  }
  return out;
}

/**
 * Where the sentence (or clause standing as one) that holds `at` starts: just after the nearest
 * sentence or clause end before it, looking back at most `reach` characters (a bound on the work).
 */
export function sentenceStart(text: string, at: number, reach: number): number {
  let s = at;
  while (s > 0 && at - s < reach && !BREAK.test(text[s - 1]!)) s--;
  return s;
}

/** A line ends on a sentence end, a clause end, a colon (a lead-in) or an ellipsis. */
const TERMINAL = new RegExp(`[${SENTENCE_END}${CLAUSE_END}：:…]$`);
const CLOSERS = new RegExp(`[${CLOSING}]+$`);

/** Does a block of text end a sentence (so that a following block starts a new paragraph)? */
export function endsSentence(s: string): boolean {
  // Only the end matters; looking at a tail keeps this constant-time on a long paragraph.
  let t = s.slice(-64).trim();
  if (!t) return true;
  if (TERMINAL.test(t)) return true;
  // A closing signature such as `…增效。(区教育局)`.
  const sig = /[（(][^（）()]{1,30}[)）]$/.exec(t);
  if (sig) {
    const before = t.slice(0, sig.index).trim();
    if (!before || TERMINAL.test(before)) return true;
  }
  t = t.replace(CLOSERS, '');
  return TERMINAL.test(t);
}
