/**
 * The search index schema: the one owner of what pages put into the Pagefind index
 * (IndexMeta.astro) and what the search reads back (engine, renderer, URL state, tests).
 *
 * - page types (`type` filter);
 * - filter keys and what their values are: stable keys, never display names — measure and
 *   theme ids, region codes (GB/T 2260), years, region levels — so renaming a measure changes
 *   neither the index nor a shared URL; labels come from the taxonomy (`FilterLabels`);
 * - meta keys (shown with a result, or matched as the page's own metadata);
 * - sort keys.
 */

/** Kinds of indexed page, in the order results list them (cases first). */
export const PAGE_TYPES = ['case', 'measure', 'theme', 'region', 'source'] as const;
export type PageType = (typeof PAGE_TYPES)[number];

/** Page types that carry the `date` sort key (Pagefind drops pages without it from a sorted search). */
export const DATED_TYPES: ReadonlySet<PageType> = new Set(['case', 'source']);

export function isPageType(value: string): value is PageType {
  return (PAGE_TYPES as readonly string[]).includes(value);
}

/**
 * A page's result id (mergeIndex.ts names the pages so): a letter for its kind, the tag of the
 * index's content, its number in the index in base 36. Cases and other pages are told apart by
 * the letter, before any page is read and without a filter listing them; search-facets.json
 * lists pages by number (pageFacets.ts).
 */
export function pageId(letter: string, tag: string, number: number): string {
  return `${letter}${tag}${number.toString(36)}`;
}

const CASE_ID_LETTER = 'c';
const OTHER_ID_LETTER = 'p';

/** The first letter of the result id of a page of this type. */
export function idLetter(type: string | undefined): string {
  return type === 'case' ? CASE_ID_LETTER : OTHER_ID_LETTER;
}

/** Whether a result id is a case page's. */
export function isCaseId(id: string): boolean {
  return id.startsWith(CASE_ID_LETTER);
}

/** Position of a page type in result order (unknown types last). */
export function typeRank(type: string): number {
  const i = (PAGE_TYPES as readonly string[]).indexOf(type);
  return i < 0 ? PAGE_TYPES.length : i;
}

/**
 * Filter keys (facets) and what their values are:
 * `type` a PageType, `measure` a measure id, `theme` a theme id, `city` the region code of
 * the prefecture-level city, `year` YYYY, `level` the region level (省 / 市 / 县区, the
 * region schema's own enum).
 */
export const FILTER_KEYS = ['type', 'measure', 'theme', 'city', 'year', 'level'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

/**
 * Meta keys. `title` comes from the page's <h1>; `region` (name path), `body` (reporting
 * body) and `author` are the page's own metadata, matched by the search like text but never
 * used as excerpts; `date` is for display, `datekey` the sortable date (YYYY[-MM[-DD]]);
 * `summary` a fallback excerpt.
 */
export const META_KEYS = ['title', 'region', 'body', 'author', 'date', 'datekey', 'summary'] as const;
export type MetaKey = (typeof META_KEYS)[number];

/** Meta keys a query word may match instead of the text (a case is found by its own region and body). */
export const MATCHED_META_KEYS = ['region', 'body', 'author'] as const satisfies readonly MetaKey[];

/** Meta of an indexed page, as Pagefind returns it (`result.data().meta`). */
export type PageMeta = Partial<Record<MetaKey, string>>;

/** Filters of an indexed page, as Pagefind returns them. */
export type PageFilters = Partial<Record<FilterKey, string[]>>;

/** Sort keys. */
export const SORT_KEYS = ['date'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** What one page puts into the index (IndexMeta.astro renders it). */
export interface IndexRecord {
  type: PageType;
  filters?: Partial<Record<Exclude<FilterKey, 'type'>, string[]>>;
  meta?: Partial<Record<Exclude<MetaKey, 'title' | 'datekey'>, string | undefined>>;
  /** Sortable date, YYYY[-MM[-DD]]: the `date` sort key and the `datekey` meta. */
  date?: string | undefined;
}

/** Pagefind attribute values for a record: `data-pagefind-filter`, `-meta`, `-sort`. */
export function indexAttributes(record: IndexRecord): { filters: string[]; meta: string[]; sort: string[] } {
  const filters = [`type:${record.type}`];
  for (const key of FILTER_KEYS) {
    if (key === 'type') continue;
    for (const v of new Set(record.filters?.[key] ?? [])) if (v) filters.push(`${key}:${v}`);
  }
  const meta: string[] = [];
  for (const key of META_KEYS) {
    const v = key === 'datekey' ? record.date : key === 'title' ? undefined : record.meta?.[key];
    if (v) meta.push(`${key}:${v}`);
  }
  return { filters, meta, sort: record.date ? [`date:${record.date}`] : [] };
}

/** Display labels per filter value (built from the taxonomy at build time). */
export type FilterLabels = Partial<Record<FilterKey, Readonly<Record<string, string>>>>;

/** Selected values per facet. */
export type Selection = Partial<Record<FilterKey, string[]>>;

/**
 * A selection with stable keys: a value that is not a key but the label of one (an old
 * shared URL, `?measure=县管校聘`) becomes that key; unknown values are kept (they match
 * nothing, which the page says).
 */
export function canonicalSelection(selection: Selection, labels: FilterLabels): Selection {
  const out: Selection = {};
  for (const key of FILTER_KEYS) {
    const values = selection[key];
    if (!values?.length) continue;
    const table = labels[key] ?? {};
    const byLabel = new Map(Object.entries(table).map(([k, label]) => [label, k]));
    out[key] = [...new Set(values.map((v) => (v in table ? v : (byLabel.get(v) ?? v))))];
  }
  return out;
}

/** Label of a filter value (the value itself when unknown). */
export function filterLabel(labels: FilterLabels, key: FilterKey, value: string): string {
  return labels[key]?.[value] ?? value;
}
