/**
 * Related cases: cases that share measures with this one (rarer measures count more),
 * then cases from the same region or city. Built once over the whole collection with an
 * inverted index, so a casebook of thousands of cases does not compare every pair.
 */
export interface RelatableCase {
  id: string;
  measures: readonly string[];
  region: string;
  /** City code of the region (itself for a city); same-city cases are related too. */
  city?: string | undefined;
}

export interface Related<T> {
  item: T;
  shared: string[];
  sameRegion: boolean;
  sameCity: boolean;
  score: number;
}

/** Same order as `a.localeCompare(b)` (default locale), without building a collator per call. */
const compareIds = new Intl.Collator().compare;

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The inverted index: cases by measure and by city, and per measure the index of every case listing it. */
function indexCases<T extends RelatableCase>(cases: readonly T[]) {
  const byMeasure = new Map<string, T[]>();
  const byCity = new Map<string, T[]>();
  /** Per measure, the index of every case listing it (once per case, even if listed twice). */
  const postings = new Map<string, number[]>();
  const index = new Map<string, number>();
  cases.forEach((c, i) => {
    index.set(c.id, i);
    for (const m of c.measures) {
      pushTo(byMeasure, m, c);
      const post = postings.get(m);
      if (!post) postings.set(m, [i]);
      else if (post[post.length - 1] !== i) post.push(i);
    }
    if (c.city) pushTo(byCity, c.city, c);
  });
  return { byMeasure, byCity, postings, index };
}

/** Puts `candidate` into `best` (sorted by `better`) if it is among the best `limit`. */
function keepBest<R>(best: R[], candidate: R, limit: number, better: (a: R, b: R) => number): void {
  if (best.length >= limit && (limit <= 0 || better(candidate, best[best.length - 1]!) >= 0)) return;
  let at = best.length;
  while (at > 0 && better(candidate, best[at - 1]!) < 0) at--;
  best.splice(at, 0, candidate);
  if (best.length > limit) best.pop();
}

export function buildRelated<T extends RelatableCase>(cases: readonly T[]) {
  const { byMeasure, byCity, postings, index } = indexCases(cases);
  const weight = (m: string) => 1 / Math.log2(1 + (byMeasure.get(m)?.length ?? 1));
  const better = (a: Related<T>, b: Related<T>) => b.score - a.score || compareIds(a.item.id, b.item.id);

  // Scratch space reused by every call: the shared-measure score of each case, and which calls touched it.
  const partial = new Float64Array(cases.length);
  const stamp = new Int32Array(cases.length);
  let call = 0;

  /** The cases sharing a measure or the city with `target`, their shared-measure score in `partial`. */
  function candidates(target: T): number[] {
    call++;
    const touched: number[] = [];
    const touch = (i: number) => {
      if (stamp[i] !== call) {
        stamp[i] = call;
        partial[i] = 0;
        touched.push(i);
      }
    };
    // Summed in the order of target.measures, as `shared.reduce(…)` would: identical floats.
    for (const m of target.measures) {
      const w = weight(m);
      for (const i of postings.get(m) ?? []) {
        touch(i);
        partial[i]! += w;
      }
    }
    if (target.city) for (const c of byCity.get(target.city) ?? []) touch(index.get(c.id)!);
    return touched;
  }

  return function relatedTo(target: T, limit = 4): Related<T>[] {
    // Keep the best `limit` (by score, then id) without sorting every candidate.
    const best: Related<T>[] = [];
    for (const i of candidates(target)) {
      const item = cases[i]!;
      if (item.id === target.id) continue;
      const sameRegion = item.region === target.region;
      const sameCity = !!target.city && item.city === target.city;
      const score = partial[i]! + (sameRegion ? 1 : 0) + (sameCity ? 0.5 : 0);
      keepBest(best, { item, shared: [] as string[], sameRegion, sameCity, score }, limit, better);
    }
    for (const r of best) r.shared = target.measures.filter((m) => r.item.measures.includes(m));
    return best;
  };
}
