/**
 * The forgiving search: understands the query (understand.ts), runs the engine on what it
 * understood, and when nothing matches whole proposes corrections (suggest.ts). The
 * vocabulary is loaded only when needed — a Latin-letter word, or nothing found — so a
 * Chinese query that finds results costs no extra bytes.
 */
import type { SearchEngine } from '../engine/engine.ts';
import type { SearchOutcome } from '../engine/types.ts';
import { normalize } from './normalize.ts';
import type { Selection } from '../index/schema.ts';
import { mayBePinyin, understandQuery, type Understood } from './understand.ts';
import type { SortOrder } from './url.ts';
import type { VocabularyTools } from './vocabularyTools.ts';

export interface ForgivingOutcome {
  outcome: SearchOutcome;
  understood: Understood;
  /** Corrected queries to offer (did-you-mean), best first; empty when something matched. */
  suggestions: string[];
  /** Nothing matched what was typed, and one correction was sure: `outcome` is its search (县官校聘 → 县管校聘). */
  corrected?: { from: string; to: string };
}

export interface ForgivingOptions {
  selection?: Selection;
  sort?: SortOrder;
  need?: number;
  /** Filter counts (facets) wanted; the dialog shows none and skips loading them. @default true */
  counts?: boolean;
  /** Related pages beside the results, or only instead of them (engine.ts `QueryOptions`). @default true */
  related?: boolean;
  segment: (text: string) => Iterable<string>;
  /** Loads the vocabulary and its code (once); undefined when unavailable (the search still works). */
  vocabulary: () => Promise<VocabularyTools | undefined>;
}

export async function forgivingSearch(
  engine: SearchEngine,
  raw: string,
  options: ForgivingOptions,
): Promise<ForgivingOutcome> {
  const vocab = mayBePinyin(raw) ? await options.vocabulary() : undefined;
  const isTerm = (text: string) => engine.dictionary.byTerm.has(normalize(text, { compact: true }));
  const understood = understandQuery(raw, { segment: options.segment, isTerm, lookup: vocab?.lookup });
  const outcome = await engine.query(understood.query, options.selection, options.sort, options.need, {
    counts: options.counts ?? true,
    related: options.related ?? true,
  });
  let suggestions: string[] = [];
  if (outcome.fallback && outcome.query.words.length) {
    const v = vocab ?? (await options.vocabulary());
    // Quoted words are exact: never corrected (仍搜索 links quote the word typed).
    const typed = outcome.query.words.filter((w) => !w.quoted).map((w) => w.text);
    if (v && typed.length === outcome.query.words.length) {
      const sure = v.correct(typed);
      if (sure) {
        const corrected = await engine.query(sure, options.selection, options.sort, options.need, {
          counts: options.counts ?? true,
          related: options.related ?? true,
        });
        if (!corrected.fallback)
          return { outcome: corrected, understood, suggestions: [], corrected: { from: typed.join(' '), to: sure } };
      }
      suggestions = v.suggest(typed);
    }
  }
  return { outcome, understood, suggestions };
}
