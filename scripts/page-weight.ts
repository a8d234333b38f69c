// What a first visit to a page transfers, gzip-compressed as a web server would send it (numbers,
// not a test): the HTML, its stylesheets and the module scripts it loads at once (with their static
// imports). Scripts loaded later (search, the XLSX writer) are not counted: they load on use.
//   npx tsx scripts/page-weight.ts [dist=dist] [page …]   (pages: paths under dist, e.g. cases/x/)
// Without pages it measures every case page.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

const [dist = 'dist', ...given] = process.argv.slice(2);
const gz = (bytes: Buffer) => gzipSync(bytes, { level: 6 }).length;
const file = (path: string) => join(dist, path.replace(/^\/+/, ''));

/** A module and the modules it imports statically (`import … from "./x.js"`, `import "./x.js"`). */
function moduleClosure(path: string, seen: Set<string>): void {
  if (seen.has(path) || !existsSync(file(path))) return;
  seen.add(path);
  const code = readFileSync(file(path), 'utf8');
  const dir = path.replace(/[^/]*$/, '');
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\.?\/[^"']+)["']/g)) {
    moduleClosure(new URL(m[1]!, `http://x${dir}`).pathname, seen);
  }
}

function weigh(page: string) {
  const html = readFileSync(file(join(page, 'index.html')));
  const doc = parse(html.toString('utf8'));
  const css = doc.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute('href')!);
  const modules = new Set<string>();
  for (const s of doc.querySelectorAll('script[type="module"][src]')) moduleClosure(s.getAttribute('src')!, modules);
  const assets = [...css, ...modules].filter((p) => existsSync(file(p)));
  const assetBytes = assets.reduce((n, p) => n + gz(readFileSync(file(p))), 0);
  return { page, html: gz(html), assets: assetBytes, total: gz(html) + assetBytes, raw: html.length };
}

const pages = given.length
  ? given
  : readdirSync(join(dist, 'cases'), { withFileTypes: true })
      .filter((d) => d.isDirectory() && existsSync(join(dist, 'cases', d.name, 'index.html')) && d.name !== 'page')
      .map((d) => `cases/${d.name}/`);
const kib = (n: number) => (n / 1024).toFixed(1).padStart(6);
console.log('  total    html  css+js   raw html  page (KiB, gzip)');
for (const w of pages.map(weigh).sort((a, b) => a.total - b.total)) {
  console.log(`${kib(w.total)}  ${kib(w.html)}  ${kib(w.assets)}   ${kib(w.raw)}  ${w.page}`);
}
