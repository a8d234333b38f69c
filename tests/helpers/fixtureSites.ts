/**
 * Fixture sites built once and shared by the tests that read them (Vitest's build tests and
 * Playwright's specs alike): a fixture site is the project plus a few files (`prepare`) built with
 * an environment. Its build is kept in a cache folder named by a hash of everything the build
 * reads (the project without tests/ and docs/, the fixture's own files, the environment), so the
 * second test to ask for it, in this run or a later one, reads the same dist/; any change to the
 * site's code or content makes a new build. A lock folder keeps two test processes from building
 * the same site at once.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { buildSite, copySite, projectRoot } from './tempSite.ts';

export interface FixtureSite {
  /** A name for the cache folder. */
  name: string;
  /** The build's environment (SITE_URL, BASE_PATH …). */
  env: Record<string, string>;
  /** Folders of tests/fixtures that `prepare` copies in (part of the cache key). */
  fixtures: string[];
  /** Adds the fixture's files to the copy at `dir`. */
  prepare: (dir: string) => void;
}

export interface BuiltSite {
  /** The site copy (its content/ is what was built). */
  root: string;
  dist: string;
  /** What `npm run build` printed. */
  output: string;
}

/** Outside the project (a build under node_modules/ would be treated as a dependency's), one folder per checkout. */
const cacheRoot = join(
  tmpdir(),
  'casebook-test-sites',
  createHash('sha256').update(projectRoot).digest('hex').slice(0, 12),
);
/** Not read by the build: a change to a test does not rebuild its fixture sites. */
const UNREAD = new Set([
  'node_modules',
  'dist',
  '.astro',
  '.git',
  'test-results',
  'playwright-report',
  '.bench',
  'tests',
  'docs',
]);

function hashTree(hash: ReturnType<typeof createHash>, dir: string, skip: (path: string) => boolean): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (skip(path)) continue;
    const stat = statSync(path);
    hash.update(`${relative(projectRoot, path)}\0`);
    if (stat.isDirectory()) hashTree(hash, path, skip);
    else hash.update(readFileSync(path));
  }
}

/**
 * The cache key: the files the build reads, the fixture's folders, the sites' definitions (their
 * `prepare` writes files too) and the environment.
 */
export function siteKey(site: FixtureSite): string {
  const hash = createHash('sha256');
  hashTree(hash, projectRoot, (path) => UNREAD.has(relative(projectRoot, path).split(/[\\/]/)[0] ?? ''));
  for (const folder of site.fixtures) hashTree(hash, join(projectRoot, 'tests/fixtures', folder), () => false);
  hash.update(readFileSync(join(projectRoot, 'tests/helpers/sites.ts')));
  hash.update(JSON.stringify(Object.entries(site.env).sort()));
  return hash.digest('hex').slice(0, 16);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the lock folder, waiting while another process that is alive holds it. */
async function lock(path: string): Promise<() => void> {
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(join(path, 'pid'), String(process.pid));
      return () => rmSync(path, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      if (!holderAlive(path)) rmSync(path, { recursive: true, force: true });
      else await sleep(500);
    }
  }
}

function holderAlive(path: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(path, 'pid'), 'utf8'));
  } catch {
    // Just made, the pid not written yet (or the holder died between the two steps: the next look decides).
    const made = statSync(path, { throwIfNoEntry: false });
    return made !== undefined && Date.now() - made.mtimeMs < 5_000;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Where the build of `site`'s current files is (or will be) cached. */
export function sitePaths(site: FixtureSite): { dir: string; root: string; dist: string } {
  const dir = join(cacheRoot, `${site.name}-${siteKey(site)}`);
  return { dir, root: join(dir, 'site'), dist: join(dir, 'site', 'dist') };
}

/** Builds `site` unless a build of the same files is cached; returns where it is. Throws if the build fails. */
export async function builtSite(site: FixtureSite): Promise<BuiltSite> {
  const { dir, root, dist } = sitePaths(site);
  const log = join(dir, 'build.log');
  mkdirSync(cacheRoot, { recursive: true });
  const unlock = await lock(join(cacheRoot, `${site.name}.lock`));
  try {
    if (!existsSync(log)) {
      // Older builds of this site are of files that changed.
      for (const old of readdirSync(cacheRoot).filter((f) => f.startsWith(`${site.name}-`)))
        rmSync(join(cacheRoot, old), { recursive: true, force: true });
      copySite(root);
      site.prepare(root);
      const build = await buildSite(root, { ASTRO_TELEMETRY_DISABLED: '1', ...site.env });
      if (build.status !== 0) {
        rmSync(dir, { recursive: true, force: true });
        throw new Error(`the fixture site “${site.name}” did not build:\n${build.output.slice(-4000)}`);
      }
      writeFileSync(log, build.output);
    }
    return { root, dist, output: readFileSync(log, 'utf8') };
  } finally {
    unlock();
  }
}
