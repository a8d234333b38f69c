/**
 * The size of Pagefind's index chunks for one index part (`PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`;
 * Pagefind's default is 20,000). Pagefind measures a chunk in units: for every page a word is on,
 * its positions there plus one.
 *
 * A query fetches, for each of its words and each part, the chunk holding the word: the word's
 * own postings plus, on average, half a chunk of its neighbours. Every chunk also costs an entry
 * in the part's `pf_meta`, which every query fetches. With `c` units per chunk, `U` units in the
 * part, `k` words per query, `b` bytes per unit fetched and `m` bytes per meta entry, a query
 * pays about k·c/2·b + (U/c)·m, least at c = √(2·m·U / (k·b)). Measured on the bench's
 * 2,000-case site (docs/performance.md): b ≈ 1.4 B, m ≈ 8.8 B, and a measure name is k = 3
 * bigrams, so c ≈ √(4.2·U).
 */
const BYTES_PER_META_ENTRY = 8.8;
const BYTES_PER_UNIT = 1.4;
const WORDS_PER_QUERY = 3;
const MIN = 1_000;
const MAX = 20_000;

/** Units per chunk for a part of `units` units (index words plus distinct words, over its pages). */
export function chunkSize(units: number): number {
  const best = Math.sqrt((2 * BYTES_PER_META_ENTRY * Math.max(0, units)) / (WORDS_PER_QUERY * BYTES_PER_UNIT));
  return Math.round(Math.min(MAX, Math.max(MIN, best)));
}
