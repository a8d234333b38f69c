// Drafts from every input format validate and stay out of the public site: copy the format and
// shape fixtures into seeds/ of a site copy, run `npm run ingest`, add the region lines the report
// asks for (the only edit it asks for), publish one draft by removing its `draft: true`, and build
// once. Every draft passes the build's content checks; the drafts are named in the build's output
// and absent from dist/ (no page, no list, feed, search term or export names them); the published
// one has its page. Refused inputs write nothing.
import { appendFileSync, copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputReport } from '../../src/lib/ingest/run/report.ts';
import { buildSite, makeTempSite, projectRoot, removeTempSite, runNode } from '../helpers/tempSite.ts';

const fixtures = join(projectRoot, 'tests/fixtures/ingest');
const WRITTEN = [
  'formats/chengdu-wechat-zhaosheng.md',
  'formats/nanjing-bureau-page.html',
  'formats/guangdong-year-plan.docx',
  'formats/zhejiang-compilation.pdf',
  'shapes/traditional-news.md',
  'shapes/regulation-history.md',
  'shapes/pkulaw-notice.txt',
  'shapes/plan-attachments.docx',
];
const REFUSED = [
  'formats/scanned-notice.pdf',
  'formats/encrypted-compilation.pdf',
  'formats/encrypted-notice.docx',
  'formats/list-page-no-article.html',
];
/** The draft an editor reviews and publishes (traditional text, figures quoted as printed: 萬個). */
const PUBLISHED = 'shapes/traditional-news.md';

const base = (f: string) => f.replace(/^.*\//, '');

/** Every text file under dist/ (pages, feeds, sitemaps, JSON, CSV), as one string per file. */
function distTexts(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(html|xml|json|csv|txt|ris|bib)$/.test(f))
    .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));
}

describe('every format → drafts that validate and stay out of the public build', () => {
  let site: string;
  let reports: InputReport[];
  let status: number | null;
  let build: { status: number | null; output: string };
  let casesBefore: number;
  let published: string;
  let drafts: string[];

  beforeAll(async () => {
    site = makeTempSite('casebook-formats-');
    casesBefore = readdirSync(join(site, 'content/cases')).length;
    for (const f of [...WRITTEN, ...REFUSED]) copyFileSync(join(fixtures, f), join(site, 'seeds', base(f)));
    const run = await runNode(
      'node_modules/tsx/dist/cli.mjs',
      ['scripts/ingest.ts', ...[...WRITTEN, ...REFUSED].map((f) => `seeds/${base(f)}`), '--json'],
      { cwd: site },
    );
    status = run.status;
    reports = JSON.parse(run.stdout) as InputReport[];
    const lines = [...new Set(reports.flatMap((r) => r.proposedRegions))];
    appendFileSync(join(site, 'content/regions.yaml'), `${lines.join('\n')}\n`);
    // The editor's review ends by removing the flag.
    const slugs = reports.flatMap((r) => r.cases.map((c) => c.slug));
    published = reports[WRITTEN.indexOf(PUBLISHED)]!.cases[0]!.slug;
    drafts = slugs.filter((s) => s !== published);
    const file = join(site, 'content/cases', `${published}.mdx`);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^draft: true\n/m, ''));
    build = await buildSite(site);
    if (build.status !== 0) console.log(build.output.slice(-3000));
  }, 360_000);
  afterAll(() => site && removeTempSite(site));

  it('writes the readable inputs as drafts and refuses the others (exit 1 for the refusals)', () => {
    expect(status).toBe(1);
    expect(reports.map((r) => r.status)).toEqual([...WRITTEN.map(() => 'ok'), ...REFUSED.map(() => 'rejected')]);
    expect(readdirSync(join(site, 'content/cases')).length).toBe(casesBefore + reports.flatMap((r) => r.cases).length);
    for (const slug of drafts)
      expect(readFileSync(join(site, 'content/cases', `${slug}.mdx`), 'utf8')).toMatch(/^draft: true$/m);
  });

  it('builds: every draft passes the content checks, and the build names the drafts it did not publish', () => {
    expect(build.output).not.toMatch(/Case content check failed|InvalidContentEntryDataError/);
    expect(build.status).toBe(0);
    const line = /(\d+) drafts? not published: ([^\n(]+)/.exec(build.output);
    expect(line, 'the build names its drafts').not.toBeNull();
    expect(Number(line![1])).toBe(drafts.length);
    expect(
      line![2]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .sort(),
    ).toEqual([...drafts].sort());
  });

  it('leaves drafts out of every page, list, feed and export; the published draft has its page', () => {
    expect(drafts.length).toBeGreaterThanOrEqual(WRITTEN.length);
    for (const slug of drafts) expect(existsSync(join(site, 'dist/cases', slug))).toBe(false);
    const texts = distTexts(join(site, 'dist'));
    for (const slug of drafts) {
      const leaks = texts.filter((t) => t.text.includes(`/cases/${slug}/`) || t.text.includes(`"${slug}"`));
      expect(
        leaks.map((l) => l.file),
        `${slug} is named in dist`,
      ).toEqual([]);
    }
    expect(existsSync(join(site, 'dist/cases', published, 'index.html'))).toBe(true);
    const page = readFileSync(join(site, 'dist/cases', published, 'index.html'), 'utf8');
    expect(page).toContain('深圳擴建公辦學位');
    expect(page).not.toContain('待审核');
  });
});
