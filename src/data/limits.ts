/**
 * How many items a listing shows before it hands over to pagination or the search page's
 * filters: a province-wide casebook has thousands of cases, and a page listing all of them
 * would weigh megabytes (docs/performance.md).
 */
export const CASES_PER_PAGE = 24;
/** Cases shown on a measure, theme or region page; the rest are one click away in search. */
export const CASES_ON_ENTITY_PAGE = 40;
/** Rows of a measure's figure comparison; the full table is data/figures.csv. */
export const COMPARISON_ROWS = 200;
/** Results the quick-search dialog lists (what fits a phone's screen; the search page has the rest): each one is a fragment read. */
export const DIALOG_RESULTS = 5;
