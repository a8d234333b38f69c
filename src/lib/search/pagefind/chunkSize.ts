/**
 * How many bytes of index words go into one chunk of the merged index (mergeIndex.ts
 * `chunkBytes`), from the size of the index. A lookup fetches the chunk that holds its word: on
 * average half a chunk of other words besides its own. `pf_meta`, which every first query
 * loads, lists every chunk. With chunks of c raw bytes (compressed to r ≈ 45 %) over R raw bytes
 * of words, m ≈ 10.5 bytes of `pf_meta` a chunk on the wire and one lookup a query (a known term
 * is one word, most other words a bigram or two), a first query pays about c·r/2 + m·R/c: least
 * at c = √(2·m·R / r). R is about 1.46 times the compressed size of the parts' chunks that
 * Pagefind wrote (measured at 10,000 cases: parts without their weight markers and meta arrays,
 * ~1.9 raw bytes a compressed byte), so c ≈ √(68·G).
 *
 * Capped at 96 kB: 86 kB at 10,000 cases (≈ 2,000 chunks, `pf_meta` 60 kB). A small casebook
 * gets small chunks: a few kB for the ten real cases, where one 96 kB chunk held most of the index.
 * Known terms' words are looked up alone and often: their chunks are a quarter of that, so a
 * frequent term has a chunk of its own.
 */
const MAX = 96_000;
const MIN = 2_000;
const BYTES_PER_COMPRESSED_BYTE = 68;

/** Chunk sizes for an index whose parts' chunks take `partChunkBytes` on disk (compressed). */
export function chunkSizes(partChunkBytes: number): { words: number; terms: number } {
  const words = Math.round(Math.min(MAX, Math.max(MIN, Math.sqrt(BYTES_PER_COMPRESSED_BYTE * partChunkBytes))));
  return { words, terms: Math.max(MIN / 2, Math.round(words / 4)) };
}
