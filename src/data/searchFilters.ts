/**
 * What search needs from the casebook: Pagefind filters and meta of a case page, the
 * values the search page offers as filters, and the shipped search dictionary.
 */
import type { Casebook, CaseView } from './casebook.ts';
import { buildT2S, cjkCandidates, type SearchTerms } from '../lib/search/terms.ts';
import { href, routes } from '../href.ts';

/** Pagefind filters and meta of a case page: what the search page filters and shows. */
export function caseIndexFilters(view: CaseView, casebook: Casebook) {
  const themes = view.measures.map((m) => casebook.themeById.get(m.data.theme)!.data.name);
  return {
    filters: {
      measure: view.measures.map((m) => m.data.name),
      theme: themes,
      city: [(view.city ?? view.region).data.name],
      year: [String(view.year)],
      level: [view.region.data.level],
    },
    meta: {
      region: view.region.data.path.slice(1).join('') || view.region.data.name,
      body: view.data.body,
      date: view.dateText,
      summary: view.data.summary,
      measures: view.measures.map((m) => m.data.name).join('、'),
    },
    date: view.data.date,
  };
}

/** Filter values the search page lists, in display order, as they appear in the case filters. */
export function facetValues(casebook: Casebook) {
  const { cases, measures, themes } = casebook;
  const used = (values: string[]) => new Set(values);
  const measureNames = used(cases.flatMap((c) => c.measures.map((m) => m.data.name)));
  const themeNames = used(cases.flatMap((c) => c.measures.map((m) => casebook.themeById.get(m.data.theme)!.data.name)));
  const cities = new Map<string, string>();
  for (const c of cases) {
    const city = c.city ?? c.region;
    cities.set(city.data.name, city.id);
  }
  const levelOrder = ['省', '市', '县区'];
  const levels = new Set<string>(cases.map((c) => c.region.data.level));
  return {
    type: ['case', 'measure', 'theme', 'region', 'source'],
    measure: themes.flatMap((t) => measures.filter((m) => m.data.theme === t.id).map((m) => m.data.name)).filter((n) => measureNames.has(n)),
    theme: themes.map((t) => t.data.name).filter((n) => themeNames.has(n)),
    city: [...cities].sort((a, b) => a[1].localeCompare(b[1])).map(([name]) => name),
    year: [...new Set(cases.map((c) => String(c.year)))].sort().reverse(),
    level: levelOrder.filter((l) => levels.has(l)),
  };
}

/** Every character the casebook shows (for the traditional → simplified map). */
function corpusText(casebook: Casebook): string {
  const parts: string[] = [];
  for (const c of casebook.cases) {
    parts.push(c.data.title, c.data.originalTitle ?? '', c.data.summary, c.data.body, c.data.dateNote ?? '', ...c.paragraphs, c.entry.body ?? '');
    for (const f of c.data.figures) parts.push(f.label, f.unit, f.quote);
  }
  for (const m of casebook.measures) parts.push(m.data.name, m.data.definition, ...m.data.aliases);
  for (const t of casebook.themes) parts.push(t.data.name, t.data.description);
  for (const r of casebook.regions) parts.push(r.data.name, ...r.data.path);
  for (const s of casebook.sources) parts.push(s.data.title, s.data.summary, s.data.publication ?? '', s.data.publisher ?? '');
  return parts.join('');
}

/** The dictionary served as search-terms.json (opencc-js is loaded only for this file). */
export async function searchTerms(casebook: Casebook): Promise<SearchTerms> {
  const OpenCC = await import('opencc-js/t2cn');
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  const convertHk = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const convertTw = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const corpus = corpusText(casebook);
  const candidates = cjkCandidates();
  // Later maps fill characters the standard (OpenCC `t`) conversion leaves alone.
  const t2s = {
    ...buildT2S(corpus, candidates, convertTw),
    ...buildT2S(corpus, candidates, convertHk),
    ...buildT2S(corpus, candidates, convert),
  };
  return {
    version: 1,
    measures: casebook.measures.map((m) => ({
      id: m.id,
      name: m.data.name,
      aliases: m.data.aliases,
      url: href(routes.measure(m.id)),
      cases: casebook.casesByMeasure.get(m.id)?.length ?? 0,
      definition: m.data.definition,
    })),
    t2s,
  };
}
