/**
 * Link integrity over a built site: every internal href/src resolves to a file in dist/,
 * and every #fragment to an id on the target page. External links are not fetched
 * (the network is closed here); they are listed so a person can look at them.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'node-html-parser';

export interface LinkProblem {
  page: string;
  link: string;
  problem: string;
}

export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(dir, f));
}

/** The file a URL path serves, as a static host would (directory → index.html). */
function fileFor(dist: string, path: string): string | undefined {
  const p = join(dist, decodeURIComponent(path));
  if (existsSync(p) && statSync(p).isFile()) return p;
  const index = join(p, 'index.html');
  return existsSync(index) ? index : undefined;
}

export function checkLinks(dist: string, base = '/'): { problems: LinkProblem[]; checked: number; external: string[] } {
  const idsCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!idsCache.has(file)) {
      const root = parse(readFileSync(file, 'utf8'));
      idsCache.set(file, new Set(root.querySelectorAll('[id]').map((e) => e.getAttribute('id')!)));
    }
    return idsCache.get(file)!;
  };
  const problems: LinkProblem[] = [];
  const external = new Set<string>();
  let checked = 0;
  for (const file of htmlFiles(dist)) {
    const page = base + relative(dist, file).replace(/index\.html$/, '');
    const root = parse(readFileSync(file, 'utf8'));
    const links = root
      .querySelectorAll('a[href], link[href], script[src], img[src], source[src]')
      .map((e) => e.getAttribute('href') ?? e.getAttribute('src')!);
    for (const link of links) {
      if (/^(mailto:|tel:|data:|javascript:)/.test(link)) continue;
      if (/^https?:\/\//.test(link)) {
        external.add(link);
        continue;
      }
      checked++;
      const url = new URL(link, `http://site${page}`);
      if (!url.pathname.startsWith(base)) {
        problems.push({ page, link, problem: `outside the base path ${base}` });
        continue;
      }
      const target = fileFor(dist, url.pathname.slice(base.length));
      if (!target) {
        problems.push({ page, link, problem: 'no such file in dist/' });
      } else if (url.hash && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(url.hash.slice(1)))) {
        problems.push({ page, link, problem: `no element with id ${decodeURIComponent(url.hash)}` });
      }
    }
  }
  return { problems, checked, external: [...external] };
}
