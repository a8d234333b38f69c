/**
 * A plain static file server, like a bureau's web host: serves `dir` under `prefix`
 * (e.g. /casebook/), directory → index.html, unknown paths → the site's 404.html.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
};

export async function serveStatic(dir: string, prefix = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
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
    res.writeHead(status, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
