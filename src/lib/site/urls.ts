/** Site-internal URLs that respect Astro's `base` (the site may live under /casebook/). */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return b + path.replace(/^\/+/, '');
}

export const routes = {
  home: () => '',
  cases: () => 'cases/',
  case: (id: string) => `cases/${id}/`,
  measures: () => 'measures/',
  measure: (id: string) => `measures/${id}/`,
  themes: () => 'themes/',
  theme: (id: string) => `themes/${id}/`,
  regions: () => 'regions/',
  region: (id: string) => `regions/${id}/`,
  sources: () => 'sources/',
  source: (id: string) => `sources/${id}/`,
  search: () => 'search/',
  compare: () => 'compare/',
  /** The data /compare/ loads: an index of what can be picked, and one small file per case or region. */
  compareIndex: () => 'compare/index.json',
  compareCase: (id: string) => `compare/case/${id}.json`,
  compareRegion: (id: string) => `compare/region/${id}.json`,
  /** A measure's or region's figures table as a file: `csv` or `xlsx` (src/data/tableFiles.ts). */
  measureFigures: (id: string, format: string) => `measures/${id}/figures.${format}`,
  regionFigures: (id: string, format: string) => `regions/${id}/figures.${format}`,
} as const;
