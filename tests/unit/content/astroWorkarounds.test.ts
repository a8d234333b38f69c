import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ASTRO_CHECKED,
  ASTRO_WORKAROUNDS,
  astroInternalsProblems,
  caseBody,
  installedAstroDir,
  installedAstroVersion,
  keepCaseBodies,
  keptCaseBody,
  markdownRenderer,
} from '../../../src/lib/content/astroWorkarounds.ts';

const recheck = () =>
  `re-check every Astro workaround of src/lib/content/astroWorkarounds.ts, then move ASTRO_CHECKED:\n${ASTRO_WORKAROUNDS.map(
    (w) => `- ${w.name} (${w.where}; ${w.upstream}): ${w.recheck}`,
  ).join('\n')}`;

describe('the Astro the workarounds were checked against', () => {
  it('is the Astro package.json pins and the one installed', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.astro, `package.json pins astro ${pkg.dependencies.astro}: ${recheck()}`).toBe(ASTRO_CHECKED.range);
    expect(installedAstroVersion(), `astro ${installedAstroVersion()} is installed: ${recheck()}`).toBe(ASTRO_CHECKED.version);
  });

  it('cites an upstream issue and says what to re-check for every workaround', () => {
    for (const w of ASTRO_WORKAROUNDS) {
      expect(w.upstream).toMatch(/^(https:\/\/github\.com\/withastro\/|none found: )/);
      expect(w.recheck.length).toBeGreaterThan(10);
    }
  });
});

describe('astroInternalsProblems', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** A copy of the files of the installed Astro the check reads, with `edit` applied to one. */
  function astroCopy(file: string, edit: (text: string) => string): string {
    const dir = mkdtempSync(join(tmpdir(), 'astro-internals-'));
    dirs.push(dir);
    const from = installedAstroDir();
    for (const f of ['package.json', 'dist/content/mutable-data-store.js', 'dist/content/consts.js', 'dist/content/content-layer.js']) {
      cpSync(join(from, f), join(dir, f), { recursive: true });
    }
    writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
    return dir;
  }

  it('finds every internal the workarounds rely on in the installed Astro', () => {
    expect(astroInternalsProblems(installedAstroDir())).toEqual([]);
  });

  it('names the data-store workaround when Astro saves its store another way', () => {
    const dir = astroCopy('dist/content/mutable-data-store.js', (text) => text.replaceAll('.tmp`', '.partial`'));
    const problems = astroInternalsProblems(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/“settle the data store”.*data-store\.json\.tmp.*withastro\/astro\/issues\/13310/);
  });

  it('names the renderer workaround when loaders get no entryTypes', () => {
    const dir = astroCopy('dist/content/content-layer.js', (text) => text.replaceAll('entryTypes', 'contentEntryKinds'));
    const problems = astroInternalsProblems(dir);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/“the Markdown renderer from entryTypes”.*withastro\/astro\/issues\/14205/);
  });
});

describe('markdownRenderer', () => {
  it('fails by name when Astro gives the loader no Markdown entry type', async () => {
    const context = { config: {}, entryTypes: new Map() } as unknown as LoaderContext;
    await expect(markdownRenderer(context)).rejects.toThrow(/“the Markdown renderer from entryTypes”/);
  });

  it('takes the render function of the .md entry type', async () => {
    const render = async () => ({ html: '' });
    const entryTypes = new Map([['.md', { getRenderFunction: async () => render }]]);
    const context = { config: {}, entryTypes } as unknown as LoaderContext;
    expect(await markdownRenderer(context)).toBe(render);
  });
});

describe('case bodies outside the data store', () => {
  const body = { digest: 'd1', text: '正文', html: '<p>正文</p>', headings: [] };

  it('keeps the bodies of the last load and reuses one only for the same file', () => {
    keepCaseBodies(new Map([['a', body]]));
    expect(caseBody('a')).toBe(body);
    expect(keptCaseBody('a', 'd1')).toBe(body);
    expect(keptCaseBody('a', 'd2')).toBeUndefined();
    keepCaseBodies(new Map());
    expect(keptCaseBody('a', 'd1')).toBeUndefined();
  });

  it('names the workaround when a page asks for a body no loader kept', () => {
    keepCaseBodies(new Map());
    expect(() => caseBody('missing')).toThrow(/case “missing”.*“case bodies outside the data store”/);
  });
});
