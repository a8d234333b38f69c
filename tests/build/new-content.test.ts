// An editor's main job, end to end: add a case from a new province's county, its source and raw
// bulletin, a new measure and the region to a copy of the site, build, and find them on every page
// that lists cases, measures or regions — with every count following the content, not today's.
import { appendFileSync, copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/lib/content/frontMatter.ts';
import { readCaseFiles, readMeasures } from '../helpers/content.ts';
import { buildSite, makeTempSite, projectRoot, removeTempSite } from '../helpers/tempSite.ts';
import { decodePageFacets, PAGE_FACETS_FILE, type PageFacetsFile } from '../../src/lib/search/index/pageFacets.ts';

const fixture = join(projectRoot, 'tests/fixtures/new-content');
const SLUG = 'test-anji-2025-03';
const { data: added } = readFrontMatter<{ title: string; region: string; source: string; measures: string[] }>(
  readFileSync(join(fixture, 'case.mdx'), 'utf8'),
);
const NEW_MEASURE = 'teacher-housing';
const COUNTY = added.region;
const PROVINCE = `${COUNTY.slice(0, 2)}0000`;

describe('adding a case, a region, a measure and a source', () => {
  let site: string;
  let build: { status: number | null; output: string };
  const page = (path: string) => readFileSync(join(site, 'dist', path), 'utf8');

  beforeAll(async () => {
    site = makeTempSite('casebook-new-content-');
    copyFileSync(join(fixture, 'case.mdx'), join(site, 'content/cases', `${SLUG}.mdx`));
    copyFileSync(join(fixture, 'source.yaml'), join(site, 'content/sources', `${added.source}.yaml`));
    copyFileSync(join(fixture, 'seed.txt'), join(site, 'seeds', `${added.source}.txt`));
    appendFileSync(join(site, 'content/taxonomy/measures.yaml'), readFileSync(join(fixture, 'measure.yaml'), 'utf8'));
    appendFileSync(join(site, 'content/regions.yaml'), readFileSync(join(fixture, 'region.yaml'), 'utf8'));
    // With a site address, so the feeds (left out without one) are built too.
    build = await buildSite(site, { SITE_URL: 'https://casebook.test' });
  }, 240_000);
  afterAll(() => site && removeTempSite(site));

  it('builds', () => {
    expect(build.status, build.output).toBe(0);
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
