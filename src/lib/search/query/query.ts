/**
 * What a person typed, as words to verify literally. Whitespace separates words (all must
 * match: 郑州 二七); "double quotes" make one exact word (no alias expansion); leading and
 * trailing punctuation is dropped (“双减” → 双减). A word that is a measure name or alias
 * (官方带娃, 教师轮岗) carries the measure's other names as variants, and any word that is
 * or contains a measure name becomes a measure hint.
 */
import { normalize } from './normalize.ts';
import type { Dictionary } from './terms.ts';

export interface QueryWord {
  /** Normalised, without whitespace. */
  text: string;
  /** Typed in double quotes: exact, no variants. */
  quoted: boolean;
  /** Other literal forms that count as this word (a measure's name and aliases), longest first. */
  variants: string[];
  /** Ids of the measures this word names exactly (name or alias). */
  measures: string[];
}

export interface ParsedQuery {
  /** As typed. */
  raw: string;
  /** Normalised words joined by single spaces (for display and Pagefind). */
  normalized: string;
  words: QueryWord[];
  /** The words joined without space when there are several (1980 个 → 1980个); '' otherwise. */
  phrase: string;
  /** Normalisation changed the text (traditional or full-width characters): show what was searched. */
  converted: boolean;
  /** Measures the query names or contains, most specific first. */
  hints: string[];
}

/** Punctuation that wraps or ends a word without being part of what is looked for. */
const EDGE =
  /^[\s,.;:?!、。，；：？！…·'"“”‘’()（）《》〈〉【】[\]「」『』{}<>]+|[\s,.;:?!、。，；：？！…·'"“”‘’()（）《》〈〉【】[\]「」『』{}<>]+$/gu;

/** Shortest alias that may be found *inside* a longer query word to give a measure hint. */
const MIN_CONTAINED_ALIAS = 3;

export function parseQuery(raw: string, dict: Dictionary): ParsedQuery {
  const text = normalize(raw, { t2s: dict.t2s });
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  const add = (value: string, quoted: boolean) => {
    const w = normalize(quoted ? value : value.replace(EDGE, ''), { compact: true });
    if (!w || seen.has(w)) return;
    seen.add(w);
    const measures = quoted ? [] : (dict.byTerm.get(w) ?? []);
    const variants = [...new Set(measures.flatMap((id) => dict.termsOf(id)))]
      .filter((v) => v !== w)
      .sort((a, b) => b.length - a.length || a.localeCompare(b));
    words.push({ text: w, quoted, variants, measures: [...measures] });
  };
  for (const m of text.matchAll(/"([^"]*)"?|(\S+)/g)) {
    if (m[1] !== undefined) add(m[1], true);
    else add(m[2]!, false);
  }
  const hints: string[] = [];
  for (const w of words) for (const id of w.measures) if (!hints.includes(id)) hints.push(id);
  for (const w of words) {
    for (const m of dict.measures) {
      if (hints.includes(m.id)) continue;
      const terms = dict.termsOf(m.id);
      const name = normalize(m.name, { compact: true });
      if (terms.some((t) => (t === name ? t.length >= 2 : t.length >= MIN_CONTAINED_ALIAS) && w.text.includes(t)))
        hints.push(m.id);
    }
  }
  return {
    raw,
    normalized: words.map((w) => w.text).join(' '),
    words,
    phrase: words.length > 1 ? words.map((w) => w.text).join('') : '',
    converted:
      words.length > 0 &&
      text.replace(/\s/g, '') !== raw.toLowerCase().replace(/[\s\u200b-\u200d\u2060\ufeff\u00ad]/g, ''),
    hints,
  };
}
