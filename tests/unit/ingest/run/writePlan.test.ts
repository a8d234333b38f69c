// The write plan: all files of an input or none, never an overwrite without --force, never a
// curated case replaced without --force-replace-curated, never a clobber by a concurrent ingest.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCasebook } from '../../../../src/lib/ingest/run/fileIO.ts';
import { applyPlan, planWrites, type PlanFs, type WriteRequest } from '../../../../src/lib/ingest/run/writePlan.ts';
import { filesUnder as files, tempDirs } from '../../../helpers/tempDirs.ts';

const tmp = tempDirs('write-plan-');

const DRAFT = (title: string, source = 'k1', body = '某区教育局') =>
  `---\n# Draft by \`npm run ingest\` from seeds/a.txt — review before publishing:\ndraft: true\ntitle: ${title}\nbody: ${body}\nsource: ${source}\n---\n\n正文。\n`;
const CURATED = (title: string, source = 'k1', body = '某区教育局') =>
  `---\ntitle: ${title}\nbody: ${body}\nsource: ${source}\n---\n\n正文。\n`;

function requests(out: string, title = '标题', seed = '原文'): WriteRequest[] {
  return [
    { path: join(out, 'cases/a.mdx'), content: DRAFT(title), role: 'case' },
    { path: join(out, 'sources/k1.yaml'), content: 'title: 来源\nfile: seeds/a.txt\n', role: 'source' },
    { path: join(out, 'seeds/a.txt'), content: new TextEncoder().encode(seed), role: 'seed' },
  ];
}

/** node:fs with one operation failing as a full disk would, after `after` successful calls. */
function failingFs(op: keyof PlanFs, code: string, after = 0): PlanFs {
  let calls = 0;
  const real: PlanFs = {
    lstatSync: fs.lstatSync,
    readFileSync: (p) => fs.readFileSync(p),
    mkdirSync: (p) => void fs.mkdirSync(p),
    writeFileSync: (p, d, o) => fs.writeFileSync(p, d, o),
    linkSync: fs.linkSync,
    renameSync: fs.renameSync,
    unlinkSync: fs.unlinkSync,
    rmdirSync: (p) => fs.rmdirSync(p),
  };
  return {
    ...real,
    [op]: (...args: never[]) => {
      if (calls++ >= after)
        throw Object.assign(new Error(`${code}: simulated failure, ${op} '${String(args[0])}'`), { code, syscall: op });
      return (real[op] as (...a: never[]) => unknown)(...args);
    },
  };
}

describe('planWrites / applyPlan', () => {
  it('writes every file of a new input, seed first, and reports them', () => {
    const out = tmp();
    const plan = planWrites(requests(out));
    expect(plan.refused).toBeUndefined();
    expect(plan.files.map((f) => [f.role, f.state])).toEqual([
      ['seed', 'new'],
      ['source', 'new'],
      ['case', 'new'],
    ]);
    const result = applyPlan(plan);
    expect(result).toMatchObject({ ok: true });
    expect(files(out)).toEqual(['cases/a.mdx', 'seeds/a.txt', 'sources/k1.yaml']);
    // Again: nothing to write.
    const again = planWrites(requests(out));
    expect(again.files.every((f) => f.state === 'same')).toBe(true);
    expect(applyPlan(again)).toMatchObject({
      ok: true,
      files: [{ action: 'unchanged' }, { action: 'unchanged' }, { action: 'unchanged' }],
    });
  });

  it('writes nothing on a dry run', () => {
    const out = tmp();
    expect(applyPlan(planWrites(requests(out)), { dryRun: true })).toMatchObject({
      ok: true,
      files: [{ action: 'would write' }, { action: 'would write' }, { action: 'would write' }],
    });
    expect(files(out)).toEqual([]);
  });

  it('refuses the whole input when one file differs, and replaces it with --force', () => {
    const out = tmp();
    applyPlan(planWrites(requests(out)));
    writeFileSync(join(out, 'cases/a.mdx'), DRAFT('编辑改过'));
    const refused = planWrites(requests(out, '新标题', '新原文'));
    expect(refused.refused).toMatch(/^would overwrite existing file\(s\): /);
    expect(refused.refused).toContain(join(out, 'cases/a.mdx'));
    expect(refused.refused).toContain(join(out, 'seeds/a.txt'));
    const forced = planWrites(
      requests(out, '新标题'),
      { force: true },
      { index: readCasebook(out, [out]), sourceKey: 'k1' },
    );
    expect(forced.refused).toBeUndefined();
    expect(applyPlan(forced)).toMatchObject({ ok: true });
    expect(readFileSync(join(out, 'cases/a.mdx'), 'utf8')).toContain('title: 新标题');
    expect(files(out).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('does not let --force replace a curated case, its source record or a seed another source cites', () => {
    const out = tmp();
    applyPlan(planWrites(requests(out)));
    // An editor curated the case: the draft flag is gone.
    writeFileSync(join(out, 'cases/a.mdx'), CURATED('审定标题'));
    const plan = planWrites(
      requests(out, '新标题'),
      { force: true },
      { index: readCasebook(out, [out]), sourceKey: 'k1' },
    );
    expect(plan.refused).toMatch(/cases\/a\.mdx is a curated case .*--force-replace-curated/);
    // A second flag replaces it, and says so.
    const replaced = planWrites(
      requests(out, '新标题'),
      { forceCurated: true },
      { index: readCasebook(out, [out]), sourceKey: 'k1' },
    );
    expect(replaced.refused).toBeUndefined();
    expect(replaced.notes.join()).toContain('curated case');

    // The source record of a curated case elsewhere, and a new draft for the same body (a duplicate).
    const other = tmp();
    mkdirSync(join(other, 'cases'), { recursive: true });
    mkdirSync(join(other, 'sources'), { recursive: true });
    writeFileSync(join(other, 'cases/curated.mdx'), CURATED('审定', 'k1'));
    writeFileSync(join(other, 'sources/k1.yaml'), 'title: 审定来源\nfile: seeds/a.txt\n');
    const index = readCasebook(other, [other]);
    const dup = planWrites(
      requests(other),
      { force: true },
      { index, sourceKey: 'k1', bodies: new Map([['a', '某区教育局']]) },
    );
    expect(dup.refused).toMatch(/curated case for 某区教育局 from this source already exists \(cases\/curated\.mdx\)/);
    expect(dup.refused).toMatch(/source record is cited by curated case/);

    // A seed of the same name that another source record cites.
    const seeds = tmp();
    mkdirSync(join(seeds, 'sources'), { recursive: true });
    mkdirSync(join(seeds, 'seeds'), { recursive: true });
    writeFileSync(join(seeds, 'sources/old.yaml'), 'title: 旧\nfile: seeds/a.txt\n');
    writeFileSync(join(seeds, 'seeds/a.txt'), '别的原文');
    const seedPlan = planWrites(
      requests(seeds),
      { force: true },
      { index: readCasebook(seeds, [seeds]), sourceKey: 'k1' },
    );
    expect(seedPlan.refused).toMatch(/seeds\/a\.txt is the raw file of source record\(s\) old/);
    expect(readFileSync(join(seeds, 'seeds/a.txt'), 'utf8')).toBe('别的原文');
  });

  it('rolls back every file and directory when the disk fills up mid-plan: no source record without its seed', () => {
    for (const [op, after] of [
      ['writeFileSync', 0],
      ['writeFileSync', 1],
      ['writeFileSync', 2],
      ['linkSync', 2],
      ['mkdirSync', 2],
    ] as const) {
      const out = tmp();
      const result = applyPlan(planWrites(requests(out)), {}, failingFs(op, 'ENOSPC', after));
      expect(result, `${op} after ${after}`).toMatchObject({
        ok: false,
        conflict: false,
        error: expect.stringMatching(/^ENOSPC: /),
      });
      expect(readdirSync(out), `${op} after ${after}`).toEqual([]);
    }
  });

  it('restores replaced files when a later write fails', () => {
    const out = tmp();
    applyPlan(planWrites(requests(out)));
    const before = files(out).map((f) => readFileSync(join(out, f), 'utf8'));
    writeFileSync(join(out, 'cases/a.mdx'), DRAFT('编辑改过'));
    const plan = planWrites(requests(out, '新标题', '新原文'), { force: true });
    // The seed is replaced first; the case write then fails.
    const result = applyPlan(plan, {}, failingFs('writeFileSync', 'EIO', 1));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^EIO/) });
    expect(readFileSync(join(out, 'seeds/a.txt'), 'utf8')).toBe(before[1]);
    expect(readFileSync(join(out, 'sources/k1.yaml'), 'utf8')).toBe(before[2]);
    expect(readFileSync(join(out, 'cases/a.mdx'), 'utf8')).toContain('编辑改过');
    expect(files(out).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('names the path and the OS error when the output is under a regular file or not writable', () => {
    const out = tmp();
    const file = join(out, 'not-a-dir');
    writeFileSync(file, 'x');
    const under = planWrites(requests(file));
    expect(under.refused).toMatch(/^cannot write .*not-a-dir\/seeds\/a\.txt: ENOTDIR/);
    // Root ignores permission bits, so a read-only directory is simulated by the error it raises.
    const ro = applyPlan(planWrites(requests(join(out, 'ro'))), {}, failingFs('mkdirSync', 'EACCES'));
    expect(ro).toMatchObject({ ok: false, path: join(out, 'ro'), error: expect.stringMatching(/^EACCES/) });
    expect(existsSync(join(out, 'ro'))).toBe(false);
    // A directory where a file should go.
    mkdirSync(join(out, 'x/cases/a.mdx'), { recursive: true });
    expect(planWrites(requests(join(out, 'x'))).refused).toMatch(
      /cases\/a\.mdx: exists and is not a regular file \(a directory\)/,
    );
  });

  it('never clobbers a file another process created after the check (exclusive create)', () => {
    const out = tmp();
    const plan = planWrites(requests(out));
    // Meanwhile another ingest writes the same case name.
    mkdirSync(join(out, 'cases'), { recursive: true });
    writeFileSync(join(out, 'cases/a.mdx'), DRAFT('另一个进程'));
    const result = applyPlan(plan);
    expect(result).toMatchObject({ ok: false, conflict: true, path: join(out, 'cases/a.mdx') });
    expect(readFileSync(join(out, 'cases/a.mdx'), 'utf8')).toContain('另一个进程');
    expect(files(out)).toEqual(['cases/a.mdx']);
  });

  it('lets exactly one of two racing plans write a file', () => {
    const out = tmp();
    // Two ingests check, then both apply (both have checked long before either writes).
    const plans = ['甲', '乙'].map((title) =>
      planWrites([{ path: join(out, 'cases/a.mdx'), content: DRAFT(title), role: 'case' }]),
    );
    const results = plans.map((plan) => (plan.refused ? { ok: false, refused: true } : applyPlan(plan)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    // Both checked before either wrote: the loser is stopped by the exclusive create.
    expect(results.filter((r) => !r.ok && 'conflict' in r && r.conflict)).toHaveLength(1);
    expect(files(out)).toEqual(['cases/a.mdx']);
  });
});
