import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seedFileProblem } from '../../../src/lib/content/seeds.ts';
import { readCasebook } from '../../../src/lib/ingest/run/fileIO.ts';
import { planWrites, type WriteRequest } from '../../../src/lib/ingest/run/writePlan.ts';
import { isDraftCase } from '../../../src/lib/studio/caseFile.ts';
import { planSave, replaced, seedName, type SaveRequest } from '../../../src/lib/studio/savePlan.ts';
import { projectRoot } from '../../helpers/tempSite.ts';

const root = mkdtempSync(join(tmpdir(), 'studio-plan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const draft = readFileSync(join(projectRoot, 'tests/fixtures/ingest/formats/guangdong-year-plan.expected.mdx'), 'utf8');
const curated = draft.replace(/^# .*\n/gm, '').replace(/^draft: true\n/m, '');
const files: Record<string, string> = {
  'content/cases/futian-curated.mdx': curated.replace(/^source: .*$/m, 'source: s1'),
  'content/cases/futian-draft.mdx': draft.replace(/^source: .*$/m, 'source: s1'),
  'content/sources/s1.yaml': 'title: 一\nfile: seeds/a.txt\n',
  'content/sources/s2.yaml': 'title: 二\nfile: seeds/b.txt\n',
  'seeds/a.txt': 'A',
  'seeds/b.txt': 'B',
};
for (const [path, text] of Object.entries(files)) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** The same situation as the CLI's write plan sees it (disk) and as the studio sees it (bytes read through the folder). */
function both(requests: SaveRequest[], sourceKey: string, bodies: Map<string, string>) {
  const index = readCasebook(join(root, 'content'), [root]);
  const cli = planWrites(
    requests.map((r): WriteRequest => ({
      path: join(root, r.path),
      content: r.content,
      role: r.role === 'regions' ? 'seed' : r.role,
    })),
    {},
    { index, sourceKey, bodies },
  );
  const existing = new Map(
    requests.map((r) => {
      try {
        return [r.path, new Uint8Array(readFileSync(join(root, r.path)))] as const;
      } catch {
        return [r.path, undefined] as const;
      }
    }),
  );
  const cases = [...index.cases.values()].map((c) => ({
    file: c.slug,
    source: c.source,
    body: c.body,
    draft: c.draft,
  }));
  const studio = planSave(requests, existing, { cases, sources: Object.fromEntries(index.sources), sourceKey, bodies });
  return { cli, studio };
}

describe("a save into the casebook folder follows the CLI's write plan", () => {
  const body = '深圳市福田区教育局';
  const cases: [what: string, requests: SaveRequest[], sourceKey: string][] = [
    ['new files', [{ path: 'content/cases/new.mdx', content: 'x', role: 'case' }], 's3'],
    ['the same bytes again', [{ path: 'seeds/a.txt', content: 'A', role: 'seed' }], 's1'],
    ['a draft replaced', [{ path: 'content/cases/futian-draft.mdx', content: 'y', role: 'case' }], 's1'],
    ['a curated case replaced', [{ path: 'content/cases/futian-curated.mdx', content: 'y', role: 'case' }], 's1'],
    ['a second case for a curated body', [{ path: 'content/cases/futian-2.mdx', content: 'y', role: 'case' }], 's1'],
    [
      'a source record that curated cases cite',
      [{ path: 'content/sources/s1.yaml', content: 'z', role: 'source' }],
      's1',
    ],
    ["another source's raw file", [{ path: 'seeds/b.txt', content: 'C', role: 'seed' }], 's1'],
  ];
  for (const [what, requests, key] of cases) {
    it(what, () => {
      const bodies = new Map(
        requests.filter((r) => r.role === 'case').map((r) => [r.path.replace(/^.*\/|\.mdx$/g, ''), body]),
      );
      const { cli, studio } = both(requests, key, bodies);
      expect(studio.map((f) => f.state)).toEqual(cli.files.map((f) => f.state));
      expect(studio.map((f) => !!f.curated)).toEqual(cli.files.map((f) => !!f.curated));
      // The CLI refuses without --force exactly where the studio asks the editor.
      expect(replaced(studio).length > 0 || studio.some((f) => f.curated)).toBe(!!cli.refused);
    });
  }

  it('reads the draft mark as the CLI does', () => {
    const index = readCasebook(join(root, 'content'), [root]);
    for (const [slug, c] of index.cases) expect(isDraftCase(files[`content/cases/${slug}.mdx`]!), slug).toBe(c.draft);
  });
});

describe('raw file names', () => {
  it('are names the build accepts in seeds/, whatever the file was called', () => {
    const names = [
      '通知.docx',
      '../../etc/passwd',
      'C:\\Users\\me\\桌面\\简报 第3期.pdf',
      '.hidden.md',
      'a\u202eb.txt',
      'tab\tand\nnewline.txt',
      'what?*<>|:".html',
      '',
      '\u200b',
    ];
    for (const name of names) {
      const seed = seedName(name);
      writeFileSync(join(root, 'seeds', seed), 'x');
      expect(seedFileProblem(root, `seeds/${seed}`), JSON.stringify(name)).toBeUndefined();
    }
    expect(seedName('C:\\Users\\me\\桌面\\简报 第3期.pdf')).toBe('简报-第3期.pdf');
  });
});
