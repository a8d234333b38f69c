/**
 * Playwright's web server (playwright.config.ts): the plain fixture site (the casebook as
 * `npm run build` makes it, built once and cached, tests/helpers/sites.ts) served as a static host
 * serves it, on the port given. The Vitest build tests usually built it already; run alone, this builds it.
 *   node --import tsx tests/helpers/serveSite.ts 4329
 */
import { builtSite } from './fixtureSites.ts';
import { plainSite } from './sites.ts';
import { serveStatic } from './staticServer.ts';

const port = Number(process.argv[2]);
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node --import tsx tests/helpers/serveSite.ts <port>');
  process.exit(2);
}
const site = await builtSite(plainSite);
const server = await serveStatic(site.dist, { port });
console.log(`serving ${site.dist} at ${server.url}`);
