/**
 * The size of Pagefind's index chunks for one index part (`PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE`:
 * word positions per chunk file; Pagefind's default is 20,000).
 *
 * A query fetches, for each of its words and each part, the chunk holding the word: the word's
 * own postings plus, on average, half a chunk of its neighbours. Every chunk also costs an entry
 * in the part's `pf_meta`, which every query fetches. With `c` positions per chunk, `P` positions
 * in the part, `k` words per query, `b` bytes per position fetched and `m` bytes per meta entry,
 * a query pays about k·c/2·b + (P/c)·m, least at c = √(2·m·P / (k·b)). Measured on the
 * bench's 2,000-case site (docs/performance.md): b ≈ 1.4 B, m ≈ 8.8 B, and a measure name is
 * k = 3 bigrams, so c ≈ √(4.2·P).
 */
const BYTES_PER_META_ENTRY = 8.8;
const BYTES_PER_POSITION = 1.4;
const WORDS_PER_QUERY = 3;
const MIN = 1_000;
const MAX = 20_000;

/** Positions per chunk for a part whose records have `positions` index words in all. */
export function chunkSize(positions: number): number {
  const best = Math.sqrt((2 * BYTES_PER_META_ENTRY * Math.max(0, positions)) / (WORDS_PER_QUERY * BYTES_PER_POSITION));
  return Math.round(Math.min(MAX, Math.max(MIN, best)));
}
