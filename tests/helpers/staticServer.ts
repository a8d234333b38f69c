/**
 * A plain static file server, like a bureau's web host: serves `dir` under `prefix`
 * (e.g. /casebook/), directory → index.html, unknown paths → the site's 404.html; with
 * `gzip`, text types are compressed on the fly as nginx `gzip on` would (Pagefind's own
 * files are already compressed). Used by the browser tests and the benchmark.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.ris': 'application/x-research-info-systems; charset=utf-8',
  '.bib': 'application/x-bibtex; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.xml', '.svg', '.txt', '.csv', '.ris', '.bib']);

export interface StaticServer {
  /** Base URL including the prefix, e.g. http://127.0.0.1:41234/casebook/ */
  url: string;
  close: () => Promise<void>;
}

export async function serveStatic(dir: string, { prefix = '/', gzip = false, port = 0 } = {}): Promise<StaticServer> {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file: string | undefined;
    if (path.startsWith(prefix)) {
      const candidate = normalize(join(dir, path.slice(prefix.length)));
      if (candidate.startsWith(dir)) {
        if (existsSync(candidate) && statSync(candidate).isFile()) file = candidate;
        else if (existsSync(join(candidate, 'index.html'))) file = join(candidate, 'index.html');
      }
    }
    const status = file ? 200 : 404;
    file ??= join(dir, '404.html');
    const ext = extname(file);
    const compress = gzip && COMPRESSIBLE.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    res.writeHead(status, {
      'Content-Type': TYPES[ext] ?? 'application/octet-stream',
      ...(compress && { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }),
    });
    const stream = createReadStream(file);
    (compress ? stream.pipe(createGzip()) : stream).pipe(res);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const { port: listening } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${listening}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
