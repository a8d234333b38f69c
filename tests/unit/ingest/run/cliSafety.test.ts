// The CLI under hostile conditions: special files, unwritable --out, `--`, control characters,
// re-ingest of the same bytes, curated cases, and two ingests at once. One clear line, exit 1,
// nothing half-written. In-process (the CLI's `main`: its parsing, then runIngest); one run
// spawns the real program, for its exit code and its one line on stderr.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { fixtures, root } from '../context.ts';
import { filesUnder as files, tempDirs } from '../../../helpers/tempDirs.ts';
import { cli, spawnCli } from './cliRun.ts';

const tmp = tempDirs('ingest-safety-');
const bulletin = join(fixtures, 'bulletin.txt');
const CASE = 'cases/zhengzhou-jinshui-2024-05-20.mdx';

describe.concurrent('ingest CLI safety', () => {
  it('refuses a FIFO and /dev/zero without hanging, and writes nothing', async () => {
    const d = tmp();
    const fifo = join(d, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const r = await cli(fifo, '/dev/zero', '--out', join(d, 'out'), '--json');
    expect(r.status).toBe(1);
    const reports = JSON.parse(r.stdout) as { status: string; reason: string }[];
    expect(reports.map((x) => x.reason)).toEqual([
      `not read: ${fifo} is a named pipe (FIFO); expected a regular file`,
      'not read: /dev/zero is a device; expected a regular file',
    ]);
    expect(files(join(d, 'out'))).toEqual([]);
  });

  it('--out on a regular file: exit 1, one line naming the path and the OS error, no stack trace, nothing written (the real program)', async () => {
    const d = tmp();
    const file = join(d, 'drafts');
    writeFileSync(file, 'x');
    const r = await spawnCli(bulletin, '--out', file);
    expect(r.status).toBe(1);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toMatch(/reason: cannot write \S*drafts\/\S+: ENOTDIR: not a directory/);
    // stderr: exactly one line, naming the path and the error.
    expect(r.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^ingest: cannot write \S*drafts\/\S+: ENOTDIR: not a directory — nothing written for /),
    ]);
    expect(readFileSync(file, 'utf8')).toBe('x');
  });

  it('`--` ends the options: a file named --force… is an input', async () => {
    // The CLI runs in the project folder, so the dash-named input has to be there (removed after).
    const name = `--force-${process.pid}-${Date.now()}.txt`;
    onTestFinished(() => rmSync(join(root, name), { force: true }));
    copyFileSync(bulletin, join(root, name));
    const out = join(tmp(), 'out');
    const r = await cli('--out', out, '--', name);
    expect(r.status).toBe(0);
    expect(files(out)).toContain(`seeds/${name}`);
    expect((await cli('--out', out, name)).stderr).toContain(
      `unknown option ${name} (a file whose name starts with - goes after --)`,
    );
  });

  it('shows control and bidi characters of the text as escapes in the report, never raw', async () => {
    const d = tmp();
    const text = readFileSync(bulletin, 'utf8')
      .replace('全区组建教育集团12个', '全区组建\u001b[2J教育集团12个\u0007')
      .replace('群众满意度', '群众\u202e满意度');
    const input = join(d, 'hostile.txt');
    writeFileSync(input, text);
    const r = await cli(input, '--out', join(d, 'out'), '--dry-run');
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    const json = await cli(input, '--out', join(d, 'out'), '--dry-run', '--json');
    expect(json.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });

  it('re-ingesting the same bytes (with U+2028, under another name) adds nothing', async () => {
    const d = tmp();
    const text = readFileSync(bulletin, 'utf8').replace('群众满意度不断提升。', '群众满意度\u2028不断提升。');
    const first = join(d, 'first.txt');
    const renamed = join(d, 'renamed.txt');
    writeFileSync(first, text);
    writeFileSync(renamed, text);
    const out = join(d, 'out');
    expect((await cli(first, '--out', out)).status).toBe(0);
    const before = files(out);
    const again = await cli(first, '--out', out);
    expect(again.status).toBe(0);
    expect(again.stdout).not.toMatch(/\bwritten\s+\S/);
    const other = await cli(renamed, '--out', out);
    expect(other.status).toBe(0);
    expect(files(out)).toEqual(before);
  });

  it('the same text in another format: reports the existing source and its case, writes nothing', async () => {
    const d = tmp();
    const out = join(d, 'out');
    expect((await cli(bulletin, '--out', out)).status).toBe(0);
    const before = files(out);
    const lines = readFileSync(bulletin, 'utf8').split('\n');
    const html = join(d, 'page.html');
    writeFileSync(
      html,
      `<!doctype html><html><body><article>${lines.map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`).join('')}</article></body></html>`,
    );
    const r = await cli(html, '--out', out, '--json');
    expect(r.status).toBe(1);
    const [report] = JSON.parse(r.stdout) as { reason: string }[];
    expect(report!.reason).toMatch(
      /^the same text is already source “[a-z0-9-]+” \(seeds\/bulletin\.txt; cases\/[a-z0-9-]+\.mdx\): nothing written/,
    );
    expect(files(out)).toEqual(before);
  });

  it('a FIFO named like a case in the casebook: refused at once with its name, never opened', async () => {
    const d = tmp();
    const out = join(d, 'out');
    execFileSync('mkdir', ['-p', join(out, 'cases')]);
    execFileSync('mkfifo', [join(out, 'cases', 'trap.mdx')]);
    const r = await cli(bulletin, '--out', out);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /cannot read the existing casebook .*cases\/trap\.mdx is a named pipe \(FIFO\): a casebook holds only regular files/,
    );
  });

  it('removes the temporary files a killed ingest left, and names a backup it cannot judge', async () => {
    const d = tmp();
    const out = join(d, 'out');
    execFileSync('mkdir', ['-p', join(out, 'cases')]);
    // A process that has exited: its pid is dead (and not reused this soon).
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(out, 'cases', `.x.mdx.${dead}.1.0.tmp`), 'half');
    writeFileSync(join(out, 'cases', `.y.mdx.${dead}.1.1.bak`), 'old');
    const live = join(out, 'cases', `.z.mdx.${process.pid}.1.2.tmp`);
    writeFileSync(live, 'in progress');
    const r = await cli(bulletin, '--out', out);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/removed \S*\.x\.mdx\.\d+\.1\.0\.tmp, left by an ingest that did not finish/);
    expect(r.stderr).toMatch(/\.y\.mdx\.\d+\.1\.1\.bak is a backup left by an ingest that did not finish/);
    expect(existsSync(join(out, 'cases', `.x.mdx.${dead}.1.0.tmp`))).toBe(false);
    expect(existsSync(live)).toBe(true);
  });

  it('metadata spelled with escapes and a 200,000-character title: the report and drafts stay clean and bounded', async () => {
    const d = tmp();
    const text = readFileSync(bulletin, 'utf8');
    const input = join(d, 'escapes.md');
    writeFileSync(
      input,
      `---\ntitle: "${'很长的标题'.repeat(40_000)}\\u202E\\e[2J"\nauthor: "\\u202E作者\\u0007"\n---\n\n${text}`,
    );
    const r = await cli(input, '--out', join(d, 'out'), '--dry-run', '--json');
    expect(r.stdout).not.toMatch(/[\u001b\u0007\u202e]/);
    const [report] = JSON.parse(r.stdout) as { uncertain: string[]; cases: { title: string }[] }[];
    expect(report!.uncertain.join('\n')).toMatch(
      /the document's title is 200\d{3} characters long: the draft uses its first 119/,
    );
    for (const c of report!.cases) expect([...c.title].length).toBeLessThanOrEqual(120);
  });

  it('--force does not replace a curated case; --force-replace-curated does, and says so', async () => {
    const d = tmp();
    const out = join(d, 'out');
    expect((await cli(bulletin, '--out', out)).status).toBe(0);
    // The editor reviews the draft: removes the draft flag and its notes and edits the title.
    const curated = readFileSync(join(out, CASE), 'utf8')
      .replace(/^# Draft by .*\n(# .*\n)*/m, '')
      .replace(/^draft: true\n/m, '')
      .replace(/^title: .*$/m, 'title: 审定后的标题');
    writeFileSync(join(out, CASE), curated);
    const forced = await cli(bulletin, '--out', out, '--force');
    expect(forced.status).toBe(1);
    expect(forced.stdout).toContain('is a curated case');
    expect(readFileSync(join(out, CASE), 'utf8')).toBe(curated);
    const replaced = await cli(bulletin, '--out', out, '--force-replace-curated');
    expect(replaced.status).toBe(0);
    expect(replaced.stdout).toContain('--force-replace-curated: cases/');
    expect(readFileSync(join(out, CASE), 'utf8')).not.toContain('审定后的标题');
  });

  it('two ingests at once into one folder: each case, source and seed written once, none replaced', async () => {
    const d = tmp();
    const out = join(d, 'out');
    const a = join(d, 'a.txt');
    const b = join(d, 'b.txt');
    const text = readFileSync(bulletin, 'utf8');
    writeFileSync(a, text);
    // Another bulletin of the same template: other figures (the same text would be refused as a duplicate).
    writeFileSync(
      b,
      text
        .replace('群众满意度不断提升。', '群众满意度持续提升。')
        .replace('12 个', '15 个')
        .replace('48 所', '50 所')
        .replace('320 人次', '350 人次')
        .replace('5400 个', '6000 个')
        .replace('96.5%', '97.2%')
        .replaceAll('300 余门', '320 余门'),
    );
    // Both runs are under way at once in this process: they interleave wherever a run waits (its read).
    const run = async (file: string) => {
      const { status, stdout } = await cli(file, '--out', out, '--json');
      return { code: status, stdout };
    };
    const results = await Promise.all([run(a), run(b)]);
    expect(results.map((r) => r.code)).toEqual([0, 0]);
    const written = results.flatMap((r) =>
      (JSON.parse(r.stdout) as { files: { path: string; action: string }[] }[])[0]!.files
        .filter((f) => f.action === 'written')
        .map((f) => f.path),
    );
    // Six distinct files, all on disk: neither run replaced the other's.
    expect(new Set(written).size).toBe(6);
    expect(files(out)).toHaveLength(6);
    for (const seed of ['a.txt', 'b.txt'])
      expect(readFileSync(join(out, 'seeds', seed), 'utf8')).toBe(readFileSync(join(d, seed), 'utf8'));
  }, 120_000);
});
