// Ingest, then build, in one copy of the site (one build for both stories):
// - The seeds, end to end: drop raw bulletins in seeds/, run `npm run ingest`, build. The five seeds
//   must give drafts that build with no edit but removing the draft flag, and a bulletin full of
//   {code}, <script>, export lines and <Components /> must render as literal text.
// - Every input format: copy the format and shape fixtures into seeds/, run `npm run ingest`, add the
//   region lines the report asks for (the only edit it asks for), publish one draft by removing its
//   `draft: true`. Every draft passes the build's content checks; the drafts are named in the build's
//   output and absent from dist/ (no page, no list, feed, search term or export names them); the
//   published one has its page. Refused inputs write nothing.
import { appendFileSync, copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputReport } from '../../src/lib/ingest/run/report.ts';
import { readCaseFiles, readSourceFiles } from '../helpers/content.ts';
import { buildSite, makeTempSite, removeTempSite, runNode } from '../helpers/tempSite.ts';
import { fixtures, SEEDS } from '../unit/ingest/context.ts';

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

/** Runs the ingest CLI in the site copy with `--json`. */
async function ingest(site: string, args: string[]) {
  const run = await runNode('node_modules/tsx/dist/cli.mjs', ['scripts/ingest.ts', ...args, '--json'], { cwd: site });
  return { ...run, reports: JSON.parse(run.stdout) as InputReport[] };
}

/** Removes the draft flag of `slug`, as an editor does after the review. */
function publish(site: string, path: string): void {
  const file = join(site, 'content', path);
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^draft: true\n/m, ''));
}

let site: string;
let build: { status: number | null; output: string };
/** The seeds' run. */
const seeds = { reports: [] as InputReport[], stdout: '', stderr: '', status: null as number | null };
/** The formats' run. */
const formats = {
  reports: [] as InputReport[],
  status: null as number | null,
  casesBefore: 0,
  published: '',
  drafts: [] as string[],
};

async function ingestSeeds(): Promise<void> {
  copyFileSync(join(fixtures, 'unsafe.txt'), join(site, 'seeds/unsafe.txt'));
  // The seeds already have curated source records and cases: --force alone refuses to touch
  // them; --force-replace-curated lets the drafts replace the records (same keys), so curated
  // and drafted cases build side by side.
  const run = await ingest(site, ['seeds/unsafe.txt', ...Object.values(SEEDS), '--force-replace-curated']);
  Object.assign(seeds, run);
  // The editor publishes the reviewed drafts by removing their flag (drafts have no page).
  for (const c of run.reports.flatMap((r) => r.cases)) publish(site, c.path);
}

async function ingestFormats(): Promise<void> {
  formats.casesBefore = readdirSync(join(site, 'content/cases')).length;
  for (const f of [...WRITTEN, ...REFUSED]) copyFileSync(join(fixtures, f), join(site, 'seeds', base(f)));
  const run = await ingest(
    site,
    [...WRITTEN, ...REFUSED].map((f) => `seeds/${base(f)}`),
  );
  formats.status = run.status;
  formats.reports = run.reports;
  const lines = [...new Set(run.reports.flatMap((r) => r.proposedRegions))];
  appendFileSync(join(site, 'content/regions.yaml'), `${lines.join('\n')}\n`);
  // The editor's review ends by removing the flag.
  const slugs = run.reports.flatMap((r) => r.cases.map((c) => c.slug));
  formats.published = run.reports[WRITTEN.indexOf(PUBLISHED)]!.cases[0]!.slug;
  formats.drafts = slugs.filter((s) => s !== formats.published);
  publish(site, `cases/${formats.published}.mdx`);
}

beforeAll(async () => {
  site = makeTempSite('casebook-ingest-');
  await ingestSeeds();
  await ingestFormats();
  build = await buildSite(site);
  if (build.status !== 0) console.log(build.output.slice(-3000));
}, 480_000);
afterAll(() => site && removeTempSite(site));

describe('ingest → build', () => {
  let reports: InputReport[];
  beforeAll(() => {
    expect(seeds.stderr).not.toMatch(/Error/);
    expect(seeds.status).toBe(0);
    reports = seeds.reports;
  });

  it('writes every draft into content/ of the site, recording the seed path', () => {
    expect(reports.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'ok']);
    // One draft for the unsafe bulletin, and one per reporting body found in each seed; every
    // reporting body the editors curated a case of from a seed is one of those (whatever the number
    // of cases curated from it).
    expect(reports[0]!.cases).toHaveLength(1);
    for (const r of reports.slice(1)) {
      expect(r.bodies.length, r.input).toBeGreaterThan(0);
      expect(r.cases, r.input).toHaveLength(new Set(r.bodies).size);
    }
    const seedSources = new Set(
      readSourceFiles()
        .filter((s) => Object.values<string>(SEEDS).includes(s.file))
        .map((s) => s.key),
    );
    const curated = readCaseFiles().filter((c) => seedSources.has(c.data.source));
    expect(curated.length).toBeGreaterThan(0);
    for (const c of curated) {
      const report = reports.find((r) => r.source?.key === c.data.source);
      expect(report?.bodies, `${c.slug}: ${c.data.body}`).toContain(c.data.body);
    }
    for (const r of reports) {
      expect(r.source!.file).toBe(r.input);
      expect(existsSync(join(site, 'content', r.source!.path))).toBe(true);
    }
  });

  it('builds without edits', () => {
    expect(build.output).not.toMatch(/Case content check failed|InvalidContentEntryDataError/);
    expect(build.status).toBe(0);
    for (const c of reports.flatMap((r) => r.cases)) {
      expect(existsSync(join(site, 'dist/cases', c.slug, 'index.html'))).toBe(true);
    }
  });

  it('shows code-like text literally and runs none of it', () => {
    const slug = reports[0]!.cases[0]!.slug;
    const html = readFileSync(join(site, 'dist/cases', slug, 'index.html'), 'utf8');
    // Nothing became markup: no script element, no Foo element, no ESM statement ran.
    expect(html).not.toContain('<script>alert(1)');
    expect(html).not.toMatch(/<Foo\b/);
    // …and all of it is shown as text (entity-escaped in the HTML).
    const body = /<div class="prose-zh">([\s\S]*?)<\/div>/.exec(html)?.[1] ?? html;
    const text = body
      .replace(/<[^>]+>/g, '')
      .replace(/&(#x3C|lt);/gi, '<')
      .replace(/&(#x3E|gt);/gi, '>')
      .replace(/&(#x26|amp);/gi, '&');
    expect(body).toMatch(/(&#x3C;|&lt;)script>alert\(1\)(&#x3C;|&lt;)\/script>/);
    expect(text).toContain('教师展示了这样一段代码：{process.exit(1)}，用来讲解');
    expect(text).toContain('粘贴了<script>alert(1)</script>这样的代码');
    expect(text).toContain('export const x = 1是智慧课堂培训课件中的一行示例代码');
    expect(text).toContain('课件中还有<Foo />这样的组件标记，以及&和{之类的字符');
    expect(text).toContain('一、关于{process.exit(1)}和<Foo />的说明');
    expect(build.output).not.toMatch(/Foo.*(not defined|missing)|Expected component/i);
  });
});

describe('every format → drafts that validate and stay out of the public build', () => {
  let reports: InputReport[];
  let status: number | null;
  let casesBefore: number;
  let published: string;
  let drafts: string[];
  beforeAll(() => {
    ({ reports, status, casesBefore, published, drafts } = formats);
  });

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
