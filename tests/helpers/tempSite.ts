/**
 * A throwaway copy of the project (without node_modules, dist or caches) for tests that
 * must break content or add files and then run a real build.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '../..');
const SKIP = new Set(['node_modules', 'dist', '.astro', '.git', 'test-results', 'playwright-report', '.bench']);

export function makeTempSite(prefix = 'casebook-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
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
  return dir;
}

export function removeTempSite(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Runs `astro build` (the content sync + page build of `npm run build`) in a site copy. */
/** The environment of a child build: Vitest puts Vite's env (BASE_URL=/, MODE …) into process.env, which the child would take as its own. */
function buildEnv(env: Record<string, string>) {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...inherited } = process.env;
  return { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', ...env };
}

/** `astroBuild` without blocking the event loop (a test runner's worker must keep answering). */
export function astroBuildAsync(dir: string, env: Record<string, string> = {}): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(projectRoot, 'node_modules/astro/astro.js'), 'build'], { cwd: dir, env: buildEnv(env), timeout: 300_000 });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, output }));
  });
}

export function astroBuild(dir: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [join(projectRoot, 'node_modules/astro/astro.js'), 'build'], {
    cwd: dir,
    env: buildEnv(env),
    encoding: 'utf8',
    timeout: 180_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}
