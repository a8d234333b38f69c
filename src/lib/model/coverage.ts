/**
 * What the casebook covers: the entries of a vocabulary (measures) that have cases, and those that
 * have none yet. Lists and counts show the first as what the casebook holds; the others are named
 * apart, as a gap, never with a “（0）” as if they were practice.
 */
export interface Coverage<T> {
  practised: T[];
  without: T[];
}

export function coverage<T>(entries: Iterable<T>, cases: (entry: T) => number): Coverage<T> {
  const practised: T[] = [];
  const without: T[] = [];
  for (const entry of entries) (cases(entry) > 0 ? practised : without).push(entry);
  return { practised, without };
}
