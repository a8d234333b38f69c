/**
 * The search dictionary: measure names and aliases (so 官方带娃 leads to 课后服务) and the
 * traditional → simplified map for the corpus's characters. Built once at build time
 * (src/pages/search-terms.json.ts) and shipped as JSON; `buildDictionary` indexes it in
 * the browser.
 */
import { isIndexedTerm } from '../index/indexText.ts';
import type { PublicBundles } from '../pagefind/publicIndex.ts';
import { normalize, type CharMap } from './normalize.ts';

/** One measure as the search needs it. */
export interface TermMeasure {
  /** Measure key (URL slug). */
  id: string;
  /** Display name, e.g. 课后服务. */
  name: string;
  /** Aliases/keywords from the taxonomy, e.g. 官方带娃. */
  aliases: string[];
  /** URL of the measure page (base already applied). */
  url: string;
  /** Number of cases tagged with the measure. */
  cases: number;
  /** The measure's short definition. */
  definition: string;
}

/** The JSON emitted at build time. */
export interface SearchTerms {
  version: 1;
  measures: TermMeasure[];
  /** Place names as people type them (region names, full and short: 郑州市, 郑州), indexed whole like the measures' names. */
  places?: string[];
  /** Traditional → simplified, only for characters whose simplified form is in the corpus. */
  t2s: Record<string, string>;
  /**
   * The search index of this build, added by the index step (siteIndex.ts): its tag (in its file
   * names and in the answers, answers.ts) and the files of `pagefind/` every search loads first,
   * so the browser can fetch them at once rather than one after another.
   */
  index?: {
    tag: string;
    start: string[];
    /** Only when the index is not merged (pagefind/version.ts): the other bundles for Pagefind's `mergeIndex`. */
    public?: PublicBundles;
  };
}

export interface Dictionary {
  t2s: CharMap;
  measures: TermMeasure[];
  byId: ReadonlyMap<string, TermMeasure>;
  /** Normalised name or alias → ids of the measures it names. */
  byTerm: ReadonlyMap<string, string[]>;
  /** Normalised name and aliases of a measure, longest first. */
  termsOf(id: string): string[];
  /** The measures' names and aliases and the place names the index holds as whole words (indexText.ts `indexContent`): each one lookup. */
  indexedTerms: ReadonlySet<string>;
}

/** Indexes the shipped terms for lookups by normalised name/alias. */
export function buildDictionary(terms: SearchTerms): Dictionary {
  const byId = new Map(terms.measures.map((m) => [m.id, m]));
  const byTerm = new Map<string, string[]>();
  const termsById = new Map<string, string[]>();
  for (const m of terms.measures) {
    const all = [...new Set([m.name, ...m.aliases].map((t) => normalize(t, { compact: true })).filter(Boolean))];
    all.sort((a, b) => b.length - a.length || a.localeCompare(b));
    termsById.set(m.id, all);
    for (const term of all) {
      const ids = byTerm.get(term) ?? [];
      if (!ids.includes(m.id)) ids.push(m.id);
      byTerm.set(term, ids);
    }
  }
  return {
    t2s: terms.t2s,
    measures: terms.measures,
    byId,
    byTerm,
    termsOf: (id) => termsById.get(id) ?? [],
    indexedTerms: new Set(
      [...byTerm.keys(), ...(terms.places ?? []).map((p) => normalize(p, { compact: true }))].filter(isIndexedTerm),
    ),
  };
}

/** A dictionary with nothing in it (search still works, without aliases). */
export const emptyDictionary: Dictionary = buildDictionary({ version: 1, measures: [], t2s: {} });

/** The characters of a corpus given in parts (never joined: at 10,000 cases they are 120 million characters). */
export function corpusChars(parts: Iterable<string>): Set<string> {
  const chars = new Set<string>();
  for (const part of parts) for (const ch of part) chars.add(ch);
  return chars;
}

/**
 * The traditional → simplified map for the characters of `corpus` (its text, or its characters:
 * `corpusChars`): every character `T` whose conversion is a single character `S` ≠ `T` that
 * occurs in the corpus. `convert` converts a string of candidate characters separated by
 * newlines (opencc-js).
 */
export function buildT2S(
  corpus: string | ReadonlySet<string>,
  candidates: string[],
  convert: (text: string) => string,
): Record<string, string> {
  const wanted = typeof corpus === 'string' ? new Set(corpus) : corpus;
  const out: Record<string, string> = {};
  const converted = convert(candidates.join('\n')).split('\n');
  candidates.forEach((from, i) => {
    const to = converted[i];
    if (to && to !== from && [...to].length === 1 && wanted.has(to)) out[from] = to;
  });
  return out;
}

/** Every CJK unified ideograph (basic block and extension A): the candidates for buildT2S. */
export function cjkCandidates(): string[] {
  const out: string[] = [];
  for (let cp = 0x3400; cp <= 0x4dbf; cp++) out.push(String.fromCodePoint(cp));
  for (let cp = 0x4e00; cp <= 0x9fff; cp++) out.push(String.fromCodePoint(cp));
  return out;
}
