/**
 * The ingest CLI for tests: in-process (`main` of scripts/ingest.ts: its argument parsing, then
 * `runIngest`), its output captured as a terminal shows it; or spawned as npm runs it, for the
 * few tests of the exit code and the wiring of the real program.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../../../scripts/ingest.ts';
import { root } from '../context.ts';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run ingest -- …args` in this process, run in the project folder as the CLI is. */
export async function cli(...args: string[]): Promise<CliRun> {
  if (process.cwd() !== root)
    throw new Error(`the ingest CLI runs in the project folder ${root}, not ${process.cwd()}`);
  let stdout = '';
  let stderr = '';
  const status = await main(args, {
    stdout: (text) => (stdout += `${text}\n`),
    stderr: (text) => (stderr += `${text}\n`),
  });
  return { status, stdout, stderr };
}

/**
 * `npm run ingest -- …args` as npm runs it (tsx scripts/ingest.ts) in the project folder; not
 * blocking, so that the in-process runs of a concurrent test file go on meanwhile.
 */
export function spawnCli(...args: string[]): Promise<CliRun> {
  const child = spawn(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/ingest.ts'), ...args],
    {
      cwd: root,
      timeout: 60_000,
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
