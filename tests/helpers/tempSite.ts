/**
 * A throwaway copy of the project (without node_modules, dist or caches) for tests that
 * must break content or add files and then run a real build.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'test-results', 'playwright-report', '.bench']);

export function makeTempSite(prefix = 'casebook-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  copySite(dir);
  return dir;
}

/** Copies the project into `dir` (made if missing), linking its packages. */
export function copySite(dir: string): void {
  mkdirSync(dir, { recursive: true });
  cpSync(projectRoot, dir, {
    recursive: true,
    filter: (src) => !SKIP.has(relative(projectRoot, src).split(/[\\/]/)[0] ?? ''),
  });
  // Link each package, not node_modules itself: Astro and Vite keep their caches in
  // node_modules/.astro and .vite, which must stay the copy's own (not the project's).
  mkdirSync(join(dir, 'node_modules'));
  for (const name of readdirSync(join(projectRoot, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(projectRoot, 'node_modules', name), join(dir, 'node_modules', name));
  }
}

export function removeTempSite(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** The environment of a child process: Vitest puts Vite's env (BASE_URL=/, MODE …) into process.env, which the child would take as its own. */
function childEnv(env: Record<string, string> = {}) {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...inherited } = process.env;
  return { ...inherited, ...env };
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command without blocking: a test worker blocked for a minute in spawnSync misses
 * Vitest's RPC deadline and fails the run.
 */
function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: childEnv(options.env),
      timeout: options.timeoutMs ?? 180_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** Runs a Node script of the project (path relative to the project root). */
export function runNode(
  script: string,
  args: string[],
  options: { cwd: string; env?: Record<string, string>; timeoutMs?: number },
): Promise<RunResult> {
  return run(process.execPath, [join(projectRoot, script), ...args], options);
}

/** Runs the publisher's build, `npm run build` (astro build, then the search index), in a site copy. */
export async function buildSite(
  dir: string,
  env: Record<string, string> = {},
  timeoutMs = 240_000,
): Promise<{ status: number | null; output: string }> {
  const result = await run('npm', ['run', '--silent', 'build'], {
    cwd: dir,
    env: { ASTRO_TELEMETRY_DISABLED: '1', ...env },
    timeoutMs,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
