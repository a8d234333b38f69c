/**
 * The true counts the search must show, computed without the index: every built case page
 * is read (the text the index gets, src/lib/search/index/pageRecord.ts) and checked with the same
 * rules the UI states: a case is a result when each query word occurs in its text, or another
 * name of the word's measure does, or the case is tagged with that measure.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageRecord } from '../../src/lib/search/index/pageRecord.ts';
import { normalize } from '../../src/lib/search/query/normalize.ts';
import { parseQuery } from '../../src/lib/search/query/query.ts';
import { buildDictionary, type SearchTerms } from '../../src/lib/search/query/terms.ts';

export interface TrueCount {
  query: string;
  /** Cases that are results (literal, alias or tag). */
  trueCount: number;
  /** Cases whose text contains every word literally. */
  trueLiteral: number;
}

export function trueCounts(dist: string, queries: string[]): TrueCount[] {
  const terms = JSON.parse(readFileSync(join(dist, 'search-terms.json'), 'utf8')) as SearchTerms;
  const dict = buildDictionary(terms);
  const parsed = queries.map((q) => parseQuery(q, dict));
  const out = queries.map((query) => ({ query, trueCount: 0, trueLiteral: 0 }));
  const casesDir = join(dist, 'cases');
  for (const slug of readdirSync(casesDir)) {
    if (slug === 'page' || slug === 'index.html') continue;
    let html: string;
    try {
      html = readFileSync(join(casesDir, slug, 'index.html'), 'utf8');
    } catch {
      continue;
    }
    const record = pageRecord(html);
    if (!record || record.filters['type']?.[0] !== 'case') continue;
    const text = normalize(record.text, { t2s: terms.t2s, compact: true });
    const tagged = new Set(record.filters['measure'] ?? []);
    parsed.forEach((q, i) => {
      if (!q.words.length) return;
      if (q.words.every((w) => text.includes(w.text))) out[i]!.trueLiteral++;
      const whole = q.words.every(
        (w) =>
          text.includes(w.text) ||
          w.variants.some((v) => text.includes(v)) ||
          w.measures.some((id) => tagged.has(dict.byId.get(id)?.name ?? '\u0000')),
      );
      if (whole) out[i]!.trueCount++;
    });
  }
  return out;
}
