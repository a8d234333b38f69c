/**
 * The whole casebook as the pages need it, computed once per build (not once per page):
 * collections, lookups, evidence per case, related-case index, counts.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { dateSortKey, formatDateZh, parsePartialDate, type PartialDate } from '../lib/model/dates.ts';
import { findEvidence, measureTerms, type MeasureEvidence } from '../lib/model/tagging.ts';
import { buildRelated } from '../lib/model/related.ts';
import { bodyBlocks } from '../lib/text/bodyText.ts';
import { caseBody } from '../lib/content/astroWorkarounds.ts';
import { loadMetrics } from '../lib/content/loadMetrics.ts';
import { figureBase, findMetric, type Metric } from '../lib/model/metrics.ts';
import type { BaseValue } from '../lib/model/units.ts';
import { draftOnlySources, publishedCases, showsDrafts } from '../lib/model/drafts.ts';

export type CaseEntry = CollectionEntry<'cases'>;
export type MeasureEntry = CollectionEntry<'measures'>;
export type ThemeEntry = CollectionEntry<'themes'>;
export type RegionEntry = CollectionEntry<'regions'>;
export type SourceEntry = CollectionEntry<'sources'>;

export interface CaseView {
  id: string;
  entry: CaseEntry;
  data: CaseEntry['data'];
  region: RegionEntry;
  /** The prefecture-level city the case belongs to (may be the region itself). */
  city?: RegionEntry | undefined;
  source: SourceEntry;
  date: PartialDate;
  dateText: string;
  year: number;
  measures: MeasureEntry[];
  paragraphs: string[];
  /** Evidence for the case's own measures, in the order of `measures`. */
  evidence: Map<string, MeasureEvidence | undefined>;
  /** Key figures with their metric, base value and paragraph. */
  figures: FigureView[];
  /** Unreviewed ingest output (only the dev server shows drafts). */
  draft: boolean;
}

export type Figure = CaseEntry['data']['figures'][number];

export interface FigureView {
  figure: Figure;
  kind: Figure['kind'];
  period: Figure['period'];
  metric?: Metric | undefined;
  /** Value in the metric's base unit (or the unit's base without a metric). */
  base?: BaseValue | undefined;
  /** Index of the paragraph the quote is in. */
  paragraph: number;
}

function byId<T extends { id: string }>(items: T[]): Map<string, T> {
  return new Map(items.map((i) => [i.id, i]));
}

function mustGet<T>(map: Map<string, T>, key: string, what: string, owner: string): T {
  const value = map.get(key);
  if (!value) throw new Error(`${owner}: unknown ${what} “${key}”`);
  return value;
}

export function partialDate(value: string): PartialDate {
  const d = parsePartialDate(value);
  if ('error' in d) throw new Error(d.error);
  return d;
}

/** The collections as the build shows them: drafts only in the dev server, sources newest first. */
async function readCollections() {
  const [allCases, measures, themes, regions, allSources] = await Promise.all([
    getCollection('cases'),
    getCollection('measures'),
    getCollection('themes'),
    getCollection('regions'),
    getCollection('sources'),
  ]);
  // Drafts exist only in the dev server; a source that only drafts cite waits with them.
  const { shown: caseEntries } = publishedCases(allCases, showsDrafts(import.meta.env.CASEBOOK_COMMAND));
  const draftOnly = draftOnlySources(
    allCases.map((c) => c.data),
    caseEntries.map((c) => c.data),
  );
  const sources = allSources.filter((s) => !draftOnly.has(s.id));
  // Stable order for lists: newest source first (load order varies between builds).
  sources.sort(
    (a, b) => dateSortKey(partialDate(b.data.date)) - dateSortKey(partialDate(a.data.date)) || a.id.localeCompare(b.id),
  );
  return { caseEntries, measures, themes, regions, sources };
}

/** What a case view is made from besides its entry. */
interface ViewContext {
  metrics: Metric[];
  measureById: Map<string, MeasureEntry>;
  regionById: Map<string, RegionEntry>;
  sourceById: Map<string, SourceEntry>;
}

/** The case's key figures with their metric, base value and paragraph. */
function figureViews(entry: CaseEntry, paragraphs: string[], metrics: Metric[]): FigureView[] {
  return entry.data.figures.map((figure) => {
    const metric = figure.metric ? findMetric(metrics, figure.measure, figure.metric) : undefined;
    return {
      figure,
      kind: figure.kind,
      period: figure.period,
      metric,
      base: figureBase(figure.value, figure.unit, metric),
      paragraph: paragraphs.findIndex((p) => p.includes(figure.quote)),
    };
  });
}

/** A case with its region, source, date, measures and the evidence for them in its text. */
function caseView(entry: CaseEntry, context: ViewContext): CaseView {
  const owner = entry.filePath ?? entry.id;
  const region = mustGet(context.regionById, entry.data.region, 'region', owner);
  const blocks = bodyBlocks(caseBody(entry.id).text);
  const paragraphs = blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
  const headings = blocks.flatMap((b) => (b.kind === 'heading' ? [b.text] : []));
  const caseMeasures = entry.data.measures.map((m) => mustGet(context.measureById, m, 'measure', owner));
  const found = findEvidence(
    paragraphs,
    caseMeasures.map((m) => ({
      id: m.id,
      name: m.data.name,
      aliases: m.data.aliases,
      aliasContext: m.data.aliasContext,
    })),
    headings,
  );
  const date = partialDate(entry.data.date);
  return {
    id: entry.id,
    entry,
    data: entry.data,
    region,
    city: region.data.city ? context.regionById.get(region.data.city) : undefined,
    source: mustGet(context.sourceById, entry.data.source, 'source', owner),
    date,
    dateText: formatDateZh(date),
    year: date.year,
    measures: caseMeasures,
    paragraphs,
    evidence: new Map(caseMeasures.map((m) => [m.id, found.find((e) => e.measure === m.id)])),
    figures: figureViews(entry, paragraphs, context.metrics),
    draft: entry.data.draft === true,
  };
}

/** The region and the regions above it, from the case's own region up. */
function* regionsUp(region: RegionEntry, regionById: Map<string, RegionEntry>): Generator<RegionEntry> {
  for (let r: RegionEntry | undefined = region; r; r = r.data.parent ? regionById.get(r.data.parent) : undefined)
    yield r;
}

/** Cases by measure, region (with the regions below it) and source; measures by theme. */
function groupCases(
  cases: CaseView[],
  collections: { measures: MeasureEntry[]; themes: ThemeEntry[]; regions: RegionEntry[] },
  regionById: Map<string, RegionEntry>,
) {
  const casesByMeasure = new Map<string, CaseView[]>(collections.measures.map((m) => [m.id, []]));
  for (const c of cases) for (const m of c.data.measures) casesByMeasure.get(m)!.push(c);

  /** A region's cases include those of the counties/districts below it. */
  const casesByRegion = new Map<string, CaseView[]>(collections.regions.map((r) => [r.id, []]));
  for (const c of cases) for (const r of regionsUp(c.region, regionById)) casesByRegion.get(r.id)!.push(c);

  const measuresByTheme = new Map<string, MeasureEntry[]>(collections.themes.map((t) => [t.id, []]));
  for (const m of collections.measures) measuresByTheme.get(m.data.theme)!.push(m);

  // Computed once, not per page: a source page per bulletin must not scan every case.
  const casesBySource = new Map<string, CaseView[]>();
  for (const c of cases) {
    const list = casesBySource.get(c.source.id);
    if (list) list.push(c);
    else casesBySource.set(c.source.id, [c]);
  }
  return { casesByMeasure, casesByRegion, measuresByTheme, casesBySource };
}

/** The region pages' questions: a region's trail and what its page shows. */
function regionQueries(
  regions: RegionEntry[],
  measures: MeasureEntry[],
  regionById: Map<string, RegionEntry>,
  casesByRegion: Map<string, CaseView[]>,
) {
  /** The region and the regions above it, from the province down. */
  const regionChain = (region: RegionEntry): RegionEntry[] => [...regionsUp(region, regionById)].reverse();
  return {
    regionChain,
    /** What a region page shows: its trail, the regions below it, its cases and their measures. */
    regionOverview(region: RegionEntry) {
      const cases = casesByRegion.get(region.id)!;
      const measureIds = new Set(cases.flatMap((c) => c.data.measures));
      return {
        chain: regionChain(region),
        children: regions.filter((r) => r.data.parent === region.id),
        cases,
        measures: measures.filter((m) => measureIds.has(m.id)),
        // The search filters by city (its region code): a county's cases are found under its city.
        cityId: region.data.city ?? region.id,
      };
    },
  };
}

/** Cases of a theme (computed once per theme), of a source, related to a case; figures across cases. */
function caseQueries(cases: CaseView[], groups: ReturnType<typeof groupCases>) {
  const { casesByMeasure, measuresByTheme, casesBySource } = groups;
  const casesByTheme = new Map<string, CaseView[]>();
  const relatable = new Map(
    cases.map((c) => [c.id, { id: c.id, measures: c.data.measures, region: c.region.id, city: c.city?.id, view: c }]),
  );
  const relatedIndex = buildRelated([...relatable.values()]);
  return {
    /** Cases of a theme: those practising any of its measures. */
    casesOfTheme(themeId: string): CaseView[] {
      let found = casesByTheme.get(themeId);
      if (!found) {
        const ids = new Set((measuresByTheme.get(themeId) ?? []).map((m) => m.id));
        casesByTheme.set(themeId, (found = cases.filter((c) => c.data.measures.some((m) => ids.has(m)))));
      }
      return [...found];
    },
    casesOfSource(sourceId: string): CaseView[] {
      return [...(casesBySource.get(sourceId) ?? [])];
    },
    related(c: CaseView, limit = 4) {
      return relatedIndex(relatable.get(c.id)!, limit).map((r) => ({ ...r, view: r.item.view }));
    },
    /** Key figures tagged with a measure, across cases, for the comparison tables. */
    figuresOf(measureId: string): FigureRow[] {
      return (casesByMeasure.get(measureId) ?? []).flatMap((view) =>
        view.figures.filter((f) => f.figure.measure === measureId).map((f) => ({ ...f, view })),
      );
    },
    /** Key figures of no one measure (a city's education spending), for region pages and /compare/. */
    generalFigures(within: CaseView[]): FigureRow[] {
      return within.flatMap((view) =>
        view.figures.filter((f) => f.figure.measure === undefined).map((f) => ({ ...f, view })),
      );
    },
    termsOf(m: MeasureEntry): string[] {
      return measureTerms({ id: m.id, name: m.data.name, aliases: m.data.aliases });
    },
  };
}

async function load() {
  const { caseEntries, measures, themes, regions, sources } = await readCollections();
  const metrics = loadMetrics(measures.map((m) => m.id));
  const measureById = byId(measures);
  const themeById = byId(themes);
  const regionById = byId(regions);
  const sourceById = byId(sources);
  const cases = caseEntries.map((entry) => caseView(entry, { metrics, measureById, regionById, sourceById }));
  cases.sort((a, b) => dateSortKey(b.date) - dateSortKey(a.date) || a.id.localeCompare(b.id));
  const groups = groupCases(cases, { measures, themes, regions }, regionById);
  return {
    cases,
    measures,
    themes,
    regions,
    sources,
    metrics,
    measureById,
    themeById,
    regionById,
    sourceById,
    casesByMeasure: groups.casesByMeasure,
    casesByRegion: groups.casesByRegion,
    measuresByTheme: groups.measuresByTheme,
    ...regionQueries(regions, measures, regionById, groups.casesByRegion),
    ...caseQueries(cases, groups),
  };
}

/** A figure with its case, as comparison tables list it. */
export interface FigureRow extends FigureView {
  view: CaseView;
}

let cached: ReturnType<typeof load> | undefined;

/** The casebook, loaded once and shared by every page of the build. */
export function getCasebook() {
  cached ??= load();
  return cached;
}

export type Casebook = Awaited<ReturnType<typeof load>>;
