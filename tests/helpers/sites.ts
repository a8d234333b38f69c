/**
 * The fixture sites the tests share (built once, tests/helpers/fixtureSites.ts).
 *
 * `hostedSite`: the casebook as a bureau hosts it under a sub-path with its own address, plus what
 * an editor adds in a day's work (tests/fixtures/new-content: a case from a new province's county,
 * its source and raw bulletin, a new measure and the region), with the search index built in
 * small parts and merged. Read by tests/build/site-and-citations.test.ts, new-content.test.ts and
 * tests/e2e/base-path.spec.ts.
 */
import { appendFileSync, copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontMatter } from '../../src/lib/content/frontMatter.ts';
import type { FixtureSite } from './fixtureSites.ts';
import { projectRoot } from './tempSite.ts';

const newContent = join(projectRoot, 'tests/fixtures/new-content');

/** The case the new-content fixture adds, as its front matter states it. */
export const addedCase = {
  slug: 'test-anji-2025-03',
  ...readFrontMatter<{ title: string; region: string; source: string; measures: string[] }>(
    readFileSync(join(newContent, 'case.mdx'), 'utf8'),
  ).data,
};
/** The measure the fixture adds (tests/fixtures/new-content/measure.yaml). */
export const ADDED_MEASURE = 'teacher-housing';

export const HOST = 'https://edu.example.gov.cn';
export const BASE = '/casebook/';
/** Pages per search-index part in the hosted build: several parts, merged (src/lib/search/index/). */
export const PART_PAGES = 25;

export const hostedSite: FixtureSite = {
  name: 'hosted',
  env: { SITE_URL: HOST, BASE_PATH: BASE, CASEBOOK_INDEX_PART_PAGES: String(PART_PAGES) },
  fixtures: ['new-content'],
  prepare(dir) {
    copyFileSync(join(newContent, 'case.mdx'), join(dir, 'content/cases', `${addedCase.slug}.mdx`));
    copyFileSync(join(newContent, 'source.yaml'), join(dir, 'content/sources', `${addedCase.source}.yaml`));
    copyFileSync(join(newContent, 'seed.txt'), join(dir, 'seeds', `${addedCase.source}.txt`));
    appendFileSync(join(dir, 'content/taxonomy/measures.yaml'), readFileSync(join(newContent, 'measure.yaml'), 'utf8'));
    appendFileSync(join(dir, 'content/regions.yaml'), readFileSync(join(newContent, 'region.yaml'), 'utf8'));
  },
};
