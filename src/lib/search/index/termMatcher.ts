/**
 * Every known term in a text in one pass (Aho–Corasick over UTF-16 code units, as `indexOf`
 * compares): the index step looks for each known term and frequent phrase in each page, which
 * as one `indexOf` loop per term is tens of millions of scans of the text at 10,000 cases.
 */

export interface TermMatcher {
  /**
   * How often each term occurs in `text`, counted as an `indexOf` loop counts — left to right,
   * an occurrence not overlapping the one counted before it — and at most `max`. Only the terms
   * found are in the map.
   */
  count(text: string, max: number): Map<string, number>;
}

export function termMatcher(terms: Iterable<string>): TermMatcher {
  const list = [...new Set(terms)].filter(Boolean);
  const next: Array<Map<number, number>> = [new Map()];
  const ends: number[][] = [[]];
  for (const [id, term] of list.entries()) {
    let state = 0;
    for (let i = 0; i < term.length; i++) {
      const c = term.charCodeAt(i);
      let to = next[state]!.get(c);
      if (to === undefined) {
        to = next.length;
        next.push(new Map());
        ends.push([]);
        next[state]!.set(c, to);
      }
      state = to;
    }
    ends[state]!.push(id);
  }
  // Failure links, breadth first; each state also reports the terms ending at its failure state.
  const fail = new Int32Array(next.length);
  const queue = [...next[0]!.values()];
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head]!;
    for (const [c, to] of next[state]!) {
      let f = fail[state]!;
      while (f && !next[f]!.has(c)) f = fail[f]!;
      const g = next[f]!.get(c);
      fail[to] = g !== undefined && g !== to ? g : 0;
      if (ends[fail[to]!]!.length) ends[to] = [...ends[to]!, ...ends[fail[to]!]!];
      queue.push(to);
    }
  }
  const lengths = list.map((t) => t.length);
  return {
    count(text, max) {
      const counts = new Map<number, number>();
      const lastEnd = new Map<number, number>();
      let state = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        while (state && !next[state]!.has(c)) state = fail[state]!;
        state = next[state]!.get(c) ?? 0;
        for (const id of ends[state]!) {
          const n = counts.get(id) ?? 0;
          if (n >= max || i + 1 - lengths[id]! < (lastEnd.get(id) ?? 0)) continue;
          counts.set(id, n + 1);
          lastEnd.set(id, i + 1);
        }
      }
      return new Map([...counts].map(([id, n]) => [list[id]!, n]));
    },
  };
}
