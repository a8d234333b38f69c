import type { Casebook, CaseView } from './casebook.ts';

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
