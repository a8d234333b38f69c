/** “Did you mean …?” for mistyped keys: the closest candidate by edit distance, if close enough. */
import { swapDistance } from '../text/editDistance.ts';

/** The candidate closest to `word` (case-insensitive), when at most about a third of it differs. */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = swapDistance(word.toLowerCase(), candidate.toLowerCase(), limit);
    if (distance <= limit && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
