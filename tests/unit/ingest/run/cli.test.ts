// The CLI as an editor runs it: exit codes, never overwriting, --dry-run, --json, bad files.
// In-process (the CLI's `main`: its parsing, then runIngest); one run spawns the real program.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { InputReport } from '../../../../src/lib/ingest/run/report.ts';
import { fixtures } from '../context.ts';
import { filesUnder as files, tempDirs } from '../../../helpers/tempDirs.ts';
import { cli, spawnCli } from './cliRun.ts';

const tmp = tempDirs('ingest-cli-');

const bulletin = join(fixtures, 'bulletin.txt');
const CASE = 'cases/zhengzhou-jinshui-2024-05-20.mdx';
const SOURCE = 'sources/2024-05-20-zhengzhou-jinshui.yaml';

describe.concurrent('ingest CLI', () => {
  it('exits 2 on usage errors, with the usage', async () => {
    expect(await cli()).toMatchObject({ status: 2, stderr: expect.stringContaining('usage: npm run ingest') });
    expect(await cli('--bogus', bulletin)).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('unknown option --bogus'),
    });
    expect(await cli(bulletin, '--out')).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--out needs a directory'),
    });
  });

  it('writes the case, the source record and a copy of the raw file, and exits 0 (the real program)', async () => {
    const out = tmp();
    const r = await spawnCli(bulletin, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('reporting bodies (1): 郑州市金水区教育局');
    expect(files(out)).toEqual([CASE, 'seeds/bulletin.txt', SOURCE]);
    expect(readFileSync(join(out, 'seeds/bulletin.txt'))).toEqual(readFileSync(bulletin));
    expect(readFileSync(join(out, SOURCE), 'utf8')).toContain('file: seeds/bulletin.txt');
    // Same input again: nothing changes, nothing is overwritten.
    const again = await cli(bulletin, '--out', out);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/unchanged\s+\S+zhengzhou-jinshui-2024-05-20\.mdx/);
  });

  it('never overwrites an edited draft without --force (exit 1), and does with it', async () => {
    const out = tmp();
    expect((await cli(bulletin, '--out', out)).status).toBe(0);
    const edited = readFileSync(join(out, CASE), 'utf8').replace(/^title: .*$/m, 'title: 编辑改过的标题');
    writeFileSync(join(out, CASE), edited);
    const refused = await cli(bulletin, '--out', out);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toContain('would overwrite existing file(s)');
    expect(readFileSync(join(out, CASE), 'utf8')).toBe(edited);
    const forced = await cli(bulletin, '--out', out, '--force');
    expect(forced.status).toBe(0);
    expect(readFileSync(join(out, CASE), 'utf8')).not.toContain('编辑改过的标题');
    expect(files(out).some((f) => f.endsWith('.tmp'))).toBe(false);
  });

  it('writes nothing with --dry-run', async () => {
    const out = tmp();
    const r = await cli(bulletin, '--out', out, '--dry-run');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('would write');
    expect(files(out)).toEqual([]);
  });

  it('prints one JSON object per input; a bad file never stops the others (exit 1)', async () => {
    const out = tmp();
    const empty = join(out, 'empty.txt');
    const binary = join(out, 'photo.jpg');
    writeFileSync(empty, '');
    writeFileSync(binary, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]));
    const r = await cli(
      empty,
      join(out, 'missing.txt'),
      binary,
      join(fixtures, 'data-regulation.txt'),
      bulletin,
      '--out',
      join(out, 'drafts'),
      '--json',
    );
    expect(r.status).toBe(1);
    const reports = JSON.parse(r.stdout) as InputReport[];
    expect(reports.map((x) => [x.status, x.reason?.slice(0, 24)])).toEqual([
      ['rejected', 'empty file (0 bytes)'],
      ['rejected', `cannot read ${join(out, 'missing.txt')}`.slice(0, 24)],
      ['rejected', '图片文件（扫描件或截图）：没有文字层，请先做 O'],
      ['rejected', 'not a case: the text is '],
      ['ok', undefined],
    ]);
    expect(reports[4]!.cases[0]!.measures.length).toBeGreaterThan(0);
    expect(files(join(out, 'drafts'))).toEqual([CASE, 'seeds/bulletin.txt', SOURCE]);
  });

  it('writes a text that is not a case only with --force', async () => {
    const out = tmp();
    const input = join(fixtures, 'industrial-policy.txt');
    expect((await cli(input, '--out', out)).status).toBe(1);
    expect(files(out)).toEqual([]);
    // Forced, it still needs a date: the text prints none, and none is invented.
    const undated = await cli(input, '--out', out, '--force');
    expect(undated.status).toBe(1);
    expect(undated.stdout + undated.stderr).toContain('no date printed and no year in the text: pass --date');
    expect(files(out)).toEqual([]);
    const forced = await cli(input, '--out', out, '--force', '--date', '2024-03');
    expect(forced.status).toBe(0);
    const cases = files(out).filter((f) => f.startsWith('cases/'));
    expect(cases).toHaveLength(1);
    expect(readFileSync(join(out, cases[0]!), 'utf8')).toMatch(/^date: "?2024-03"?$/m);
  });

  it('rejects a malformed --date as a usage error', async () => {
    expect((await cli(join(fixtures, 'industrial-policy.txt'), '--date', '2024-13')).status).toBe(2);
  });
});
