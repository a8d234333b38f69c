/**
 * A build that writes fewer case pages than there are case files must not exit 0 (an empty
 * store from a lost data-store save, a page that renders nothing, a filter in a route): after the
 * build, every case id from content/cases/ must have its page `cases/<id>/index.html` in dist/.
 * The ids come from the same rules as the loader (file name or `slug:`), read independently of
 * Astro's data store so that a lost store cannot hide itself.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listContentFolder } from '../lib/content/folders.ts';
import { parseYamlSource, splitFrontMatter } from '../lib/content/yamlSource.ts';

/** Case ids as the cases loader derives them: `slug:` when given, else the file name. */
export function caseIds(root: string, dir: string): string[] {
  return listContentFolder(root, dir, ['.mdx']).files.map((file) => {
    const split = splitFrontMatter(readFileSync(join(root, file), 'utf8'));
    const slug = split && (parseYamlSource(split.frontMatter).data as { slug?: unknown } | undefined)?.slug;
    return typeof slug === 'string' ? slug : file.replace(/^.*\//, '').replace(/\.mdx$/, '');
  });
}

export function missingCasePages(outDir: string, ids: string[]): string[] {
  return ids.filter((id) => !existsSync(join(outDir, 'cases', id, 'index.html')));
}

export default function casePages(options: { dir: string }): AstroIntegration {
  let root = '';
  return {
    name: 'casebook-case-pages',
    hooks: {
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        const ids = caseIds(root, options.dir);
        const missing = missingCasePages(fileURLToPath(dir), ids);
        if (ids.length === 0 || missing.length) {
          const error = new Error(
            ids.length === 0
              ? `${options.dir}: no case files, so no case pages: an empty casebook is not a site`
              : `${missing.length} of ${ids.length} case pages were not built: ${missing
                  .slice(0, 10)
                  .map((id) => `cases/${id}/`)
                  .join(', ')}${missing.length > 10 ? ' …' : ''}`,
          );
          error.stack = '';
          throw error;
        }
        logger.info(`${ids.length} case pages built, one per case file`);
      },
    },
  };
}
