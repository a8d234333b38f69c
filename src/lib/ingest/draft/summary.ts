/**
 * Stage "summary": an extractive 摘要 of 1–3 sentences, every one copied verbatim from the
 * text. Sentences are ranked TextRank-style (a sentence that shares words with many others
 * is central), weighted by the measure terms and the figures it carries and by an early
 * position (bulletins lead with the gist); the chosen sentences are given in text order.
 * It is still a draft: the report asks the editor to review it.
 */
import { HAN } from '../../text/han.ts';
import { sentencesIn } from '../../text/sentences.ts';

export interface SummaryOptions {
  /** Measure terms found in the text (aliases the tagger matched). */
  terms?: readonly string[];
  /** Longest summary (the schema allows 300). @default 300 */
  maxLength?: number;
  /** Stop adding sentences once the summary is this long. @default 80 */
  enough?: number;
  /** @default 3 */
  maxSentences?: number;
  /** The copy a sentence is analysed in (simplified characters of a traditional text); @default the sentence */
  analyse?: (sentence: string) => string;
  /**
   * A regulation: its first article states what it is for and what it governs (`为了…，制定本条例`),
   * which is its gist; its article numbers are left out of the summary.
   */
  purposeFirst?: boolean;
}

export interface Sentence {
  text: string;
  /** 0-based paragraph index. */
  paragraph: number;
  /** Order in the text. */
  order: number;
}

export interface Summary {
  text: string;
  /** The sentences used, in text order. */
  sentences: Sentence[];
  /** True when no whole sentence fitted and the first sentence had to be cut (the editor must rewrite). */
  cut: boolean;
}

/** Candidates looked at (the gist is early; this bounds the quadratic ranking). */
const MAX_CANDIDATES = 300;
const MIN_SENTENCE = 12;
/** Words that make a sentence lean on the one before it. */
const DEPENDENT =
  /^(此外|同时|另外|其中|对此|为此|因此|但是|然而|而且|并且|此后|随后|这|该|其|他|她|它|一是|二是|三是|四是|五是|六是)/;
const FIGURE = /\d+(?:\.\d+)?\s*(?:%|万|亿|个|所|名|人|家|项|元|次|班|台|套|间|门|节|场|平方米|亩|倍|年)/g;

const ARTICLE_NUMBER = /^第[一二三四五六七八九十百零〇\d]+条\s*/;

/** Sentences of paragraphs: only finished ones (../../text/sentences.ts), each with its paragraph and order. */
export function sentencesOf(paragraphs: readonly string[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((p, paragraph) => {
    for (const text of sentencesIn(p)) out.push({ text, paragraph, order: out.length });
  });
  return out;
}

/** What a bigram is made of: Han characters, digits and Latin letters (punctuation and spaces left out). */
const NOT_WORD = new RegExp(`[^${HAN}\\dA-Za-z]`, 'gu');

function bigrams(s: string): Set<string> {
  const han = s.replace(NOT_WORD, '');
  const set = new Set<string>();
  for (let i = 0; i + 1 < han.length; i++) set.add(han.slice(i, i + 2));
  return set;
}

/** PageRank over sentence similarity (shared character bigrams, normalised by length). */
export function textRank(sentences: readonly string[], iterations = 30, damping = 0.85): number[] {
  const grams = sentences.map(bigrams);
  const n = sentences.length;
  const weights: Float64Array[] = grams.map(() => new Float64Array(n));
  const totals = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = grams[i]!;
      const b = grams[j]!;
      if (!a.size || !b.size) continue;
      let shared = 0;
      for (const g of a.size < b.size ? a : b) if ((a.size < b.size ? b : a).has(g)) shared++;
      if (!shared) continue;
      const w = shared / (Math.log(a.size + 1) + Math.log(b.size + 1));
      weights[i]![j] = w;
      weights[j]![i] = w;
      totals[i] = totals[i]! + w;
      totals[j] = totals[j]! + w;
    }
  }
  let rank: Float64Array<ArrayBufferLike> = new Float64Array(n).fill(1);
  for (let it = 0; it < iterations; it++) {
    const next = new Float64Array(n).fill(1 - damping);
    for (let j = 0; j < n; j++) {
      if (!totals[j]) continue;
      const share = (damping * rank[j]!) / totals[j]!;
      const row = weights[j]!;
      for (let i = 0; i < n; i++) if (row[i]) next[i] = next[i]! + row[i]! * share;
    }
    rank = next;
  }
  return [...rank];
}

/** The extractive summary of a case's paragraphs, or undefined when the text has no sentence. */
export function extractiveSummary(paragraphs: readonly string[], options: SummaryOptions = {}): Summary | undefined {
  const { terms = [], maxLength = 300, enough = 80, maxSentences = 3, analyse = (t: string) => t } = options;
  const all = sentencesOf(paragraphs.map((p) => (options.purposeFirst ? p.replace(ARTICLE_NUMBER, '') : p)));
  if (options.purposeFirst) {
    const purpose = all.find((s) => /^为(了)?/.test(s.text) && s.text.length <= maxLength);
    if (purpose) return { text: purpose.text, sentences: [purpose], cut: false };
  }
  const candidates = all
    .filter((s) => s.text.length >= MIN_SENTENCE && s.text.length <= maxLength)
    .slice(0, MAX_CANDIDATES);
  if (!candidates.length) {
    const first = all.find((s) => s.text.length >= MIN_SENTENCE) ?? all[0];
    if (!first) return undefined;
    const cut = first.text.slice(0, maxLength - 10);
    const comma = cut.lastIndexOf('，');
    return { text: `${cut.slice(0, comma > 100 ? comma : cut.length)}……`, sentences: [first], cut: true };
  }
  const ranks = textRank(candidates.map((s) => s.text));
  const uniqueTerms = [...new Set(terms)].filter((t) => t.length >= 2);
  const scored = candidates.map((s, k) => {
    const analysed = analyse(s.text);
    const termHits = uniqueTerms.filter((t) => analysed.includes(t)).length;
    const figures = Math.min(3, s.text.match(FIGURE)?.length ?? 0);
    const position = 1 + 0.6 / (1 + s.paragraph);
    const dependent = DEPENDENT.test(s.text) ? 0.7 : 1;
    return { s, score: ranks[k]! * (1 + 0.4 * termHits + 0.25 * figures) * position * dependent };
  });
  const chosen: Sentence[] = [];
  let length = 0;
  for (const { s } of [...scored].sort((a, b) => b.score - a.score || a.s.order - b.s.order)) {
    if (chosen.length >= maxSentences || length >= enough) break;
    if (length + s.text.length > maxLength) continue;
    chosen.push(s);
    length += s.text.length;
  }
  chosen.sort((a, b) => a.order - b.order);
  return { text: chosen.map((s) => s.text).join(''), sentences: chosen, cut: false };
}
