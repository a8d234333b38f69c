/**
 * The fixture sites the tests share (built once, tests/helpers/fixtureSites.ts).
 *
 * `plainSite`: the casebook as `npm run build` makes it with no SITE_URL or BASE_PATH. Playwright
 * serves it (tests/helpers/serveSite.ts); tests/build/site-and-citations.test.ts checks that it
 * names no made-up host.
 *
 * `frozenSite`: the frozen casebook (tests/fixtures/casebook: content and seeds as they were when the
 * search's ranking table was written) in place of content/ and seeds/, plus hostile content that the
 * build lets through as text (script-like titles, summaries and escaped markup, an HTML page and an
 * SVG as seeds), derived from its first case and source. One site for both, as a build is the suite's
 * largest cost: the table compares rankings among the frozen cases only. Read by the tests that
 * name cases (tests/e2e/search.spec.ts: the ranking table and a few result tests; browse.spec.ts:
 * the teacher's story; print.spec.ts), tests/build/hostile-site.test.ts and hostile-content.spec.ts.
 *
 * `hostedSite`: the casebook as a bureau hosts it under a sub-path with its own address, plus what
 * an editor adds in a day's work (tests/fixtures/new-content: a case from a new province's county,
 * its source and raw bulletin, a new measure and the region), with the search index built in
 * small parts and merged. Read by tests/build/site-and-citations.test.ts, new-content.test.ts and
 * tests/e2e/base-path.spec.ts.
 */
import { appendFileSync, copyFileSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFrontMatter } from '../../src/lib/content/frontMatter.ts';
import type { FixtureSite } from './fixtureSites.ts';
import { projectRoot } from './tempSite.ts';

const newContent = join(projectRoot, 'tests/fixtures/new-content');
const frozenCasebook = join(projectRoot, 'tests/fixtures/casebook');

/** The case the new-content fixture adds, as its front matter states it. */
export const addedCase = {
  slug: 'test-anji-2025-03',
  ...readFrontMatter<{ title: string; region: string; source: string; measures: string[] }>(
    readFileSync(join(newContent, 'case.mdx'), 'utf8'),
  ).data,
};
/** The measure the fixture adds (tests/fixtures/new-content/measure.yaml). */
export const ADDED_MEASURE = 'teacher-housing';

export const plainSite: FixtureSite = {
  name: 'plain',
  env: { SITE_URL: '', BASE_PATH: '' },
  fixtures: [],
  prepare() {},
};

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

export const SCRIPT_TITLE = '<script>alert("title")</script>案例&amp;标题]]>';
export const HOSTILE_CASE = 'hostile-inert';
export const HOSTILE_SEEDS = {
  'hostile-html': {
    file: 'hostile-page.html',
    bytes: '<!doctype html><title>x</title><script>alert("seed html")</script><img src=x onerror="alert(2)">',
  },
  'hostile-svg': {
    file: 'hostile-image.svg',
    bytes: '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert("seed svg")</script></svg>',
  },
} as const;

export const frozenSite: FixtureSite = {
  name: 'frozen',
  // Feeds need an absolute site address.
  env: { SITE_URL: HOST, BASE_PATH: '' },
  fixtures: ['casebook'],
  prepare(dir) {
    for (const folder of ['content/cases', 'content/sources', 'content/taxonomy'])
      rmSync(join(dir, folder), { recursive: true, force: true });
    for (const seed of readdirSync(join(dir, 'seeds'))) if (seed !== 'README.md') rmSync(join(dir, 'seeds', seed));
    cpSync(frozenCasebook, dir, { recursive: true, filter: (path) => !path.endsWith('README.md') });
    const first = (folder: string, ext: string) =>
      readdirSync(join(dir, folder))
        .filter((f) => f.endsWith(ext))
        .sort()[0]!;
    const sourceText = readFileSync(join(dir, 'content/sources', first('content/sources', '.yaml')), 'utf8');
    for (const [id, seed] of Object.entries(HOSTILE_SEEDS)) {
      writeFileSync(join(dir, 'seeds', seed.file), seed.bytes);
      const yaml = sourceText
        .replace(/^file: .*$/m, `file: seeds/${seed.file}`)
        .replace(/^title: .*$/m, `title: '<img src=x onerror=alert("source")> ${id}'`)
        .replace(/^summary: .*$/m, `summary: '"><script>alert("summary")</script> javascript:alert(1)'`);
      writeFileSync(
        join(dir, 'content/sources', `${id}.yaml`),
        `url: "https://example.org/x'onmouseover='alert(3)'?a=1&b=2'&c=%22%3E%3Cscript%3Ealert(4)%3C/script%3E"\n${yaml}`,
      );
    }
    const caseText = readFileSync(join(dir, 'content/cases', first('content/cases', '.mdx')), 'utf8')
      .replace(/^title: .*$/m, `title: '${SCRIPT_TITLE}'`)
      .replace(/^source: .*$/m, 'source: hostile-html')
      .trimEnd();
    writeFileSync(
      join(dir, 'content/cases', `${HOSTILE_CASE}.mdx`),
      `${caseText}\n\n\\<script\\>alert("body")\\</script\\> \\<img src=x onerror=alert(1)\\> javascript:alert(1)\n`,
    );
  },
};
