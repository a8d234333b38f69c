/** The open-data export: one record per case with metadata, measures and figures. */
import type { Casebook } from './casebook.ts';

export function caseRecords(casebook: Casebook, pageUrl: (id: string) => string) {
  return casebook.cases.map((c) => ({
    id: c.id,
    url: pageUrl(c.id),
    title: c.data.title,
    originalTitle: c.data.originalTitle ?? null,
    summary: c.data.summary,
    regionCode: c.region.id,
    region: c.region.data.name,
    regionPath: c.region.data.path.join(' '),
    regionLevel: c.region.data.level,
    city: (c.city ?? c.region).data.name,
    body: c.data.body,
    author: c.data.author ?? null,
    date: c.data.date,
    source: c.source.id,
    sourceTitle: c.source.data.title,
    publication: c.source.data.publication ?? null,
    issue: c.source.data.issue ?? null,
    measures: c.measures.map((m) => ({ id: m.id, name: m.data.name, theme: casebook.themeById.get(m.data.theme)!.data.name })),
    figures: c.data.figures.map((f) => ({
      label: f.label,
      value: f.value,
      unit: f.unit,
      display: f.display ?? null,
      year: f.year ?? null,
      measure: f.measure ?? null,
      quote: f.quote,
    })),
  }));
}

export type CaseRecord = ReturnType<typeof caseRecords>[number];
