/**
 * Names in a list as a reader expects them: each place once, in the order first met, with what
 * it stands for gathered under it (周口市、郑州市、洛阳市、郑州市 → 周口市、郑州市（2）、洛阳市).
 * Grouped by a key, not by the name: two places of one name (鼓楼区) stay two.
 */
export interface Group<T> {
  key: string;
  items: T[];
}

export function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string): Group<T>[] {
  const groups = new Map<string, Group<T>>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.items.push(item);
    else groups.set(key, { key, items: [item] });
  }
  return [...groups.values()];
}
