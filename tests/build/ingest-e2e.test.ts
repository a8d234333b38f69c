// End to end: drop raw bulletins in seeds/ of a copy of the site, run `npm run ingest`, build.
// The five seeds must give drafts that build with no edit but removing the draft flag, and a bulletin full of
// {code}, <script>, export lines and <Components /> must render as literal text.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputReport } from '../../src/lib/ingest/run/report.ts';
import { readCaseFiles, readSourceFiles } from '../helpers/content.ts';
import { buildSite, makeTempSite, removeTempSite, runNode } from '../helpers/tempSite.ts';
import { fixtures, SEEDS } from '../unit/ingest/context.ts';

describe('ingest → build', () => {
  let site: string;
  let reports: InputReport[];
  let build: { status: number | null; output: string };

  beforeAll(async () => {
    site = makeTempSite('casebook-ingest-');
    copyFileSync(join(fixtures, 'unsafe.txt'), join(site, 'seeds/unsafe.txt'));
    const inputs = ['seeds/unsafe.txt', ...Object.values(SEEDS)];
    // The seeds already have curated source records and cases: --force alone refuses to touch
    // them; --force-replace-curated lets the drafts replace the records (same keys), so curated
    // and drafted cases build side by side.
    const run = await runNode(
      'node_modules/tsx/dist/cli.mjs',
      ['scripts/ingest.ts', ...inputs, '--force-replace-curated', '--json'],
      { cwd: site },
    );
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.status).toBe(0);
    reports = JSON.parse(run.stdout) as InputReport[];
    // The editor publishes the reviewed drafts by removing their flag (drafts have no page).
    for (const c of reports.flatMap((r) => r.cases)) {
      const file = join(site, 'content', c.path);
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^draft: true\n/m, ''));
    }
    build = await buildSite(site);
  }, 240_000);
  afterAll(() => site && removeTempSite(site));

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
