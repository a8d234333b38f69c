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

export function buildRelated<T extends RelatableCase>(cases: readonly T[]) {
  const byMeasure = new Map<string, T[]>();
  const byCity = new Map<string, T[]>();
  for (const c of cases) {
    for (const m of c.measures) byMeasure.set(m, [...(byMeasure.get(m) ?? []), c]);
    if (c.city) byCity.set(c.city, [...(byCity.get(c.city) ?? []), c]);
  }
  const weight = (m: string) => 1 / Math.log2(1 + (byMeasure.get(m)?.length ?? 1));

  return function relatedTo(target: T, limit = 4): Related<T>[] {
    const candidates = new Map<string, T>();
    for (const m of target.measures) for (const c of byMeasure.get(m) ?? []) candidates.set(c.id, c);
    if (target.city) for (const c of byCity.get(target.city) ?? []) candidates.set(c.id, c);
    candidates.delete(target.id);

    const scored: Related<T>[] = [];
    for (const item of candidates.values()) {
      const shared = target.measures.filter((m) => item.measures.includes(m));
      const sameRegion = item.region === target.region;
      const sameCity = !!target.city && item.city === target.city;
      const score = shared.reduce((s, m) => s + weight(m), 0) + (sameRegion ? 1 : 0) + (sameCity ? 0.5 : 0);
      scored.push({ item, shared, sameRegion, sameCity, score });
    }
    return scored.sort((a, b) => b.score - a.score || a.item.id.localeCompare(b.item.id)).slice(0, limit);
  };
}
