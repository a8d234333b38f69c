/**
 * Did-you-mean: for a query word that finds nothing, the nearest known terms of the
 * vocabulary (vocabulary.ts). A term is near when it reads the same (a homophone typo, the
 * input method's wrong pick: 县官校聘 → 县管校聘, 双剑 → 双减), or differs by one character
 * (two for longer terms), or — inside a longer word — a known term of three characters or
 * more differs from a piece of it by one character (县官校聘改革 → 县管校聘改革). A
 * Latin word is compared by its letters against the terms' pinyin (shaungjian → 双减).
 */
import { normalizePinyin, readingOf } from './pinyin.ts';
import type { VocabEntry, Vocabulary } from './vocabulary.ts';
import { editDistance } from '../../text/editDistance.ts';

/** Most character edits for a word of `n` characters. */
function allowedEdits(n: number): number {
  return n >= 6 ? 2 : n >= 2 ? 1 : 0;
}

interface Scored {
  text: string;
  /** 0 a homophone, 0.75 a homophone piece, 1.5 one edit, 2 an edited piece, 3 two edits; lower is nearer. */
  cost: number;
  entry: VocabEntry;
}

const better = (a: Scored, b: Scored) =>
  a.cost - b.cost || Number(b.entry.named) - Number(a.entry.named) || a.entry.rank - b.entry.rank;

/** Corrections of one word (normalised), nearest first; never the word itself. */
export function suggestWord(word: string, vocab: Vocabulary, limit = 3): string[] {
  return scoredCorrections(word, vocab)
    .slice(0, limit)
    .map((s) => s.text);
}

/** Highest cost of a correction made without asking: the word reads the same (a homophone, or a homophone piece). */
const CONFIDENT = 0.75;

/**
 * The correction of a word that is sure enough to show its results at once: the word reads as
 * exactly one term (the input method's wrong pick, 县官校聘 → 县管校聘), no other as near.
 */
export function confidentWord(word: string, vocab: Vocabulary): string | undefined {
  const [best, next] = scoredCorrections(word, vocab);
  return best && best.cost <= CONFIDENT && (!next || next.cost > best.cost) ? best.text : undefined;
}

/** The corrected query when every word that needs one has a confident correction (and one does). */
export function confidentQuery(words: readonly string[], vocab: Vocabulary): string | undefined {
  const corrected = words.map((w) => (vocab.byTerm.has(w) ? w : confidentWord(w, vocab)));
  return corrected.every(Boolean) && corrected.some((c, i) => c !== words[i]) ? corrected.join(' ') : undefined;
}

function scoredCorrections(word: string, vocab: Vocabulary): Scored[] {
  if (!word || vocab.byTerm.has(word)) return [];
  const found = new Map<string, Scored>();
  const offer = (s: Scored) => {
    if (s.text === word) return;
    const had = found.get(s.text);
    if (!had || better(s, had) < 0) found.set(s.text, s);
  };
  const latin = normalizePinyin(word);
  if (latin) {
    const max = latin.length >= 9 ? 2 : latin.length >= 5 ? 1 : 0;
    if (max)
      for (const entry of vocab.entries) {
        if (!entry.compact) continue;
        const d = editDistance(latin, entry.compact, max);
        if (d <= max) offer({ text: entry.term, cost: d, entry });
      }
  } else {
    const chars = [...word];
    const reading = readingOf(word, vocab.chars)?.join(' ');
    const max = allowedEdits(chars.length);
    for (const entry of vocab.entries) {
      const len = [...entry.term].length;
      if (reading && entry.syllables.join(' ') === reading) offer({ text: entry.term, cost: 0, entry });
      else if (max && Math.abs(len - chars.length) <= max) {
        const d = editDistance(word, entry.term, max);
        if (d <= max) offer({ text: entry.term, cost: d === 1 ? 1.5 : 3, entry });
      }
      // A known term inside a longer word, one character off: correct that piece.
      if (len >= 3 && len < chars.length) {
        for (let at = 0; at + len <= chars.length; at++) {
          const piece = chars.slice(at, at + len).join('');
          if (piece === entry.term) break;
          if (editDistance(piece, entry.term, 1) === 1 && hamming1(piece, entry.term)) {
            const text = chars.slice(0, at).join('') + entry.term + chars.slice(at + len).join('');
            const homophone = readingOf(piece, vocab.chars)?.join(' ') === entry.syllables.join(' ');
            // After whole-word corrections of the same kind: correcting a piece is a bolder guess.
            offer({ text, cost: homophone ? 0.75 : 2, entry });
          }
        }
      }
    }
  }
  return [...found.values()].sort(better);
}

/** Same length, exactly one character different. */
function hamming1(a: string, b: string): boolean {
  const x = [...a];
  const y = [...b];
  return x.length === y.length && x.filter((c, i) => c !== y[i]).length === 1;
}

/**
 * Corrected queries for `words` (a query's words, normalised): each word that is not a
 * known term replaced by its nearest correction; the best combinations first.
 */
export function suggestQuery(words: readonly string[], vocab: Vocabulary, limit = 3): string[] {
  if (!words.length) return [];
  const options = words.map((w) => suggestWord(w, vocab, limit));
  if (options.every((o) => !o.length)) return [];
  const out: string[] = [];
  for (let k = 0; k < limit; k++) {
    const q = words.map((w, i) => options[i]![Math.min(k, options[i]!.length - 1)] ?? w).join(' ');
    if (!out.includes(q)) out.push(q);
  }
  return out;
}
