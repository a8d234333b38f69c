// An editor's main job, end to end: add a case from a new province's county, its source and raw
// bulletin, a new measure and the region to a copy of the site, build, and find them on every page
// that lists cases, measures or regions — with every count following the content, not today's.
// The copy is the shared hosted fixture site (tests/helpers/sites.ts), built once.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readCaseFiles, readMeasures } from '../helpers/content.ts';
import { builtSite } from '../helpers/fixtureSites.ts';
import { ADDED_MEASURE, addedCase, hostedSite } from '../helpers/sites.ts';
import { decodePageFacets, PAGE_FACETS_FILE, type PageFacetsFile } from '../../src/lib/search/index/pageFacets.ts';

const SLUG = addedCase.slug;
const added = addedCase;
const NEW_MEASURE = ADDED_MEASURE;
const COUNTY = added.region;
const PROVINCE = `${COUNTY.slice(0, 2)}0000`;

describe('adding a case, a region, a measure and a source', () => {
  let site: string;
  let build: { output: string };
  const page = (path: string) => readFileSync(join(site, 'dist', path), 'utf8');

  beforeAll(async () => {
    const built = await builtSite(hostedSite);
    site = built.root;
    build = built;
  }, 300_000);

  it('builds', () => {
    // builtSite throws when the build fails; this is its log of a build that passed.
    expect(build.output).toMatch(/\d+ case pages built, one per published case file/);
  });

  it('builds one page per case file, the new one included', () => {
    const files = readCaseFiles(site);
    expect(files.map((c) => c.slug)).toContain(SLUG);
    const pages = readdirSync(join(site, 'dist/cases'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && d.name !== 'page')
      .map((d) => d.name)
      .sort();
    expect(pages).toEqual(files.map((c) => c.slug));
    expect(page(`cases/${SLUG}/index.html`)).toContain(added.title);
  });

  it('gives the new measure a page that lists the case, and lists it with the others', () => {
    const measures = readMeasures(site);
    expect(measures.map((m) => m.id)).toContain(NEW_MEASURE);
    expect(page(`measures/${NEW_MEASURE}/index.html`)).toContain(`/cases/${SLUG}/`);
    const index = page('measures/index.html');
    for (const m of measures) expect(index, m.id).toContain(`/measures/${m.id}/`);
    for (const id of added.measures) expect(page(`measures/${id}/rss.xml`)).toContain(`/cases/${SLUG}/`);
  });

  it('gives the county and its province region pages, the county listing the case', () => {
    expect(page(`regions/${COUNTY}/index.html`)).toContain(`/cases/${SLUG}/`);
    expect(existsSync(join(site, 'dist/regions', PROVINCE, 'index.html'))).toBe(true);
    expect(page('regions/index.html')).toContain(`/regions/${COUNTY}/`);
  });

  it('counts the new case in the open data, the feed and the search terms', () => {
    const cases = readCaseFiles(site);
    const json = JSON.parse(page('data/cases.json')) as { cases: { id: string; regionCode: string }[] };
    expect(json.cases).toHaveLength(cases.length);
    expect(json.cases.find((c) => c.id === SLUG)?.regionCode).toBe(COUNTY);
    expect(page('rss.xml').split('<item>').length - 1).toBe(cases.length);
    expect(page('search-terms.json')).toContain(readMeasures(site).find((m) => m.id === NEW_MEASURE)!.name);
  });

  it('indexes the new case with its facets: every fragment of the index has its filter values', () => {
    const file = JSON.parse(page(PAGE_FACETS_FILE)) as PageFacetsFile;
    expect(Object.keys(file.values.measure ?? {})).toContain(NEW_MEASURE);
    expect(Object.keys(file.values.city ?? {})).toContain(COUNTY.slice(0, 4) + '00');
    const facets = decodePageFacets(file);
    const fragments = readdirSync(join(site, 'dist', 'pagefind', 'fragment'));
    expect(facets.filters.size).toBe(fragments.length);
    expect(fragments.map((f) => f.replace(/\.pf_fragment$/, '')).sort()).toEqual([...facets.filters.keys()].sort());
    const caseTypes = [...facets.filters.values()].filter((f) => f.type?.includes('case'));
    expect(caseTypes).toHaveLength(readCaseFiles(site).length);
    expect(caseTypes.filter((f) => f.measure?.includes(NEW_MEASURE)).length).toBeGreaterThan(0);
  });
});
