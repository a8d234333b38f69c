// Drafts from every input format build: copy the format fixtures into seeds/ of a site copy,
// run `npm run ingest`, add the region lines the report asks for (the only edit it asks
// for), build, and find every case page. Refused inputs write nothing.
import { appendFileSync, copyFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputReport } from '../../src/lib/ingest/report.ts';
import { buildSite, makeTempSite, projectRoot, removeTempSite, runNode } from '../helpers/tempSite.ts';

const dir = join(projectRoot, 'tests/fixtures/ingest/formats');
const WRITTEN = [
  'chengdu-wechat-zhaosheng.md',
  'nanjing-bureau-page.html',
  'guangdong-year-plan.docx',
  'zhejiang-compilation.pdf',
];
const REFUSED = [
  'scanned-notice.pdf',
  'encrypted-compilation.pdf',
  'encrypted-notice.docx',
  'list-page-no-article.html',
];

describe('every format → drafts that build', () => {
  let site: string;
  let reports: InputReport[];
  let status: number | null;
  let build: { status: number | null; output: string };
  let casesBefore: number;

  beforeAll(async () => {
    site = makeTempSite('casebook-formats-');
    casesBefore = readdirSync(join(site, 'content/cases')).length;
    for (const f of [...WRITTEN, ...REFUSED]) copyFileSync(join(dir, f), join(site, 'seeds', f));
    const run = await runNode(
      'node_modules/tsx/dist/cli.mjs',
      ['scripts/ingest.ts', ...[...WRITTEN, ...REFUSED].map((f) => `seeds/${f}`), '--json'],
      { cwd: site },
    );
    status = run.status;
    reports = JSON.parse(run.stdout) as InputReport[];
    const lines = [...new Set(reports.flatMap((r) => r.proposedRegions))];
    appendFileSync(join(site, 'content/regions.yaml'), `${lines.join('\n')}\n`);
    build = await buildSite(site);
    if (build.status !== 0) console.log(build.output.slice(-3000));
  }, 300_000);
  afterAll(() => site && removeTempSite(site));

  it('writes the readable inputs and refuses the others (exit 1 for the refusals)', () => {
    expect(status).toBe(1);
    expect(reports.map((r) => r.status)).toEqual([...WRITTEN.map(() => 'ok'), ...REFUSED.map(() => 'rejected')]);
    expect(readdirSync(join(site, 'content/cases')).length).toBe(casesBefore + reports.flatMap((r) => r.cases).length);
  });

  it('builds, with a page for every drafted case', () => {
    expect(build.output).not.toMatch(/Case content check failed|InvalidContentEntryDataError/);
    expect(build.status).toBe(0);
    const slugs = reports.flatMap((r) => r.cases.map((c) => c.slug));
    expect(slugs.length).toBeGreaterThanOrEqual(WRITTEN.length);
    for (const slug of slugs) expect(existsSync(join(site, 'dist/cases', slug, 'index.html'))).toBe(true);
  });
});
