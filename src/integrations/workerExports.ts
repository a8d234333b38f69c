/**
 * A Vite plugin for Web Worker bundles (the studio's ingest worker): a package that ships a
 * build for workers — a `worker` condition in its `exports` — is taken in that build. Its
 * `browser` build may need a DOM a worker does not have (decode-named-character-reference,
 * used by the Markdown reader, decodes entities with `document.createElement`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

type Exports = string | null | Exports[] | { [condition: string]: Exports };

/** The file a package's `exports` gives for `worker` at its root, if any. */
function workerEntry(exports: Exports): string | undefined {
  if (!exports || typeof exports !== 'object' || Array.isArray(exports)) return undefined;
  const root = '.' in exports ? exports['.'] : exports;
  if (!root || typeof root !== 'object' || Array.isArray(root)) return undefined;
  const worker = root.worker;
  return typeof worker === 'string' ? worker : undefined;
}

function packageDir(name: string, importer: string): string | undefined {
  for (let dir = dirname(importer); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export function workerExports() {
  return {
    name: 'worker-exports',
    enforce: 'pre' as const,
    resolveId(source: string, importer: string | undefined) {
      // linkedom tries `require('canvas')` and falls back to its shim. Where node_modules holds
      // symlinks (pnpm, a copied site), Vite resolves the missing optional peer to a module that
      // throws on import, hoisted out of linkedom's try: the worker then never starts. A worker
      // has no canvas anyway.
      if (source === 'canvas' && importer && /[\\/]linkedom[\\/]commonjs[\\/]canvas\.cjs$/.test(importer)) {
        return join(dirname(importer), 'canvas-shim.cjs');
      }
      const bare = /^(?:@[^/]+\/)?[^/.@][^/]*$/.test(source);
      const dir = bare && importer ? packageDir(source, importer) : undefined;
      if (!dir) return null;
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { exports?: Exports };
      const entry = pkg.exports ? workerEntry(pkg.exports) : undefined;
      return entry ? join(dir, entry) : null;
    },
  };
}
