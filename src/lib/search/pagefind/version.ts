/**
 * The one Pagefind release whose private bundle format this folder reads and writes (files.ts,
 * mergeIndex.ts). The format is not Pagefind's API and changed within 1.x, so the code checks
 * the version first — the installed package's and the one each bundle's `pagefind-entry.json`
 * states — and touches the format of that version only. With any other Pagefind the index step
 * keeps the parts as Pagefind wrote them, to be merged by Pagefind's public browser API
 * (`mergeIndex`, https://pagefind.app/docs/multisite/; publicBundles.ts), and says why.
 *
 * To move to another Pagefind: pin it in package.json, set FORMAT_VERSION, and re-check the
 * format against Pagefind's source (pagefind/src/index/*.rs, pagefind_web/src/*.rs): the round
 * trip of tests/unit/search/pagefind/mergeIndex.test.ts must still give Pagefind's bytes, and
 * docs/search.md ("Index") must still describe what the merge leaves out.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The Pagefind release files.ts and mergeIndex.ts were written for and tested against. */
export const FORMAT_VERSION = '1.6.0';

/** `package.json` of the Pagefind that Node resolves from here (undefined if none is installed). */
export function pagefindPackageFile(from = dirname(fileURLToPath(import.meta.url))): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', 'pagefind', 'package.json');
    if (existsSync(file)) return file;
    if (dirname(dir) === dir) return undefined;
  }
}

/** The installed Pagefind's version (its package.json), or undefined if none is found. */
export function installedPagefindVersion(): string | undefined {
  const file = pagefindPackageFile();
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version : undefined;
}

/** Why this folder must not read or write the private format of `version` (`what` names where it comes from), or undefined if it may. */
export function formatMismatch(version: string | undefined, what: string): string | undefined {
  if (version === FORMAT_VERSION) return undefined;
  return (
    `${what} is Pagefind ${version ?? '(unknown version)'}, but the index merge reads and writes the private ` +
    `format of Pagefind ${FORMAT_VERSION} only (src/lib/search/pagefind/version.ts)`
  );
}

/** A bundle of a Pagefind version whose private format this folder does not know. */
export class PagefindFormatError extends Error {}
