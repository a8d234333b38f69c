// The frozen fixture site's files (tests/helpers/sites.ts: the frozen casebook plus content the build lets through as text):
// the feeds stay well-formed XML with the hostile title as text, and no page carries a script or an
// event handler from the content. In the browser: tests/e2e/hostile-content.spec.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { SaxesParser } from 'saxes';
import { beforeAll, describe, expect, it } from 'vitest';
import { builtSite } from '../helpers/fixtureSites.ts';
import { frozenSite, SCRIPT_TITLE } from '../helpers/sites.ts';

let dist: string;
const files = (ending: string) =>
  readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith(ending));

beforeAll(async () => {
  dist = (await builtSite(frozenSite)).dist;
}, 300_000);

describe('a site built with hostile content', () => {
  it('has well-formed feeds with the hostile title as text', () => {
    const feeds = files('rss.xml');
    expect(feeds.length).toBeGreaterThan(1);
    for (const feed of feeds) {
      const parser = new SaxesParser();
      const errors: string[] = [];
      const titles: string[] = [];
      let inTitle = false;
      parser.on('error', (e) => errors.push(`${feed}: ${e.message}`));
      parser.on('opentag', (t) => (inTitle = t.name === 'title'));
      parser.on('closetag', () => (inTitle = false));
      parser.on('text', (t) => inTitle && titles.push(t));
      parser.write(readFileSync(join(dist, feed), 'utf8')).close();
      expect(errors).toEqual([]);
      if (feed === 'rss.xml') expect(titles).toContain(SCRIPT_TITLE);
    }
  });

  it('has no script or event handler from the content on any page', () => {
    const found: string[] = [];
    for (const file of files('.html')) {
      const doc = parseHtml(readFileSync(join(dist, file), 'utf8'));
      for (const script of doc.querySelectorAll('script'))
        if (script.text.includes('alert(')) found.push(`${file}: <script>${script.text.slice(0, 60)}`);
      for (const el of doc.querySelectorAll('*'))
        for (const [name, value] of Object.entries(el.attributes))
          if (/^on/i.test(name) || /^\s*javascript:/i.test(value))
            found.push(`${file}: ${name}="${value.slice(0, 60)}"`);
    }
    expect(found).toEqual([]);
  });
});
