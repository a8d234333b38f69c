/**
 * A build that writes fewer case pages than there are case files must not exit 0 (an empty
 * store from a lost data-store save, a page that renders nothing, a filter in a route): after the
 * build, every case id from content/cases/ must have its page `cases/<id>/index.html` in dist/.
 * The ids come from the same rules as the loader (file name or `slug:`), read independently of
 * Astro's data store so that a lost store cannot hide itself. Drafts (`draft: true`) are the
 * exception: they must have no page, and the build names them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { listContentFolder } from '../lib/content/folders.ts';
import { parseYamlSource, splitFrontMatter } from '../lib/content/yamlSource.ts';
import { COMMAND_DEFINE, draftsLine, publishedCases } from '../lib/model/drafts.ts';

/** Case ids as the cases loader derives them (`slug:` when given, else the file name), and which are drafts. */
export function caseFiles(root: string, dir: string): { id: string; data: { draft: boolean } }[] {
  return listContentFolder(root, dir, ['.mdx']).files.map((file) => {
    const split = splitFrontMatter(readFileSync(join(root, file), 'utf8'));
    const data = split && (parseYamlSource(split.frontMatter).data as { slug?: unknown; draft?: unknown } | undefined);
    const slug = data?.slug;
    const id = typeof slug === 'string' ? slug : file.replace(/^.*\//, '').replace(/\.mdx$/, '');
    return { id, data: { draft: data?.draft === true } };
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
      // The casebook shows drafts in the dev server only: it is told the command (src/lib/model/drafts.ts).
      'astro:config:setup': ({ command, updateConfig }) => {
        updateConfig({ vite: { define: { [COMMAND_DEFINE]: JSON.stringify(command) } } });
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
      },
      'astro:build:done': ({ dir, logger }) => {
        // A production build publishes no drafts: their pages must be absent, and they are named.
        const { shown, left } = publishedCases(caseFiles(root, options.dir), false);
        const ids = shown.map((c) => c.id);
        const missing = missingCasePages(fileURLToPath(dir), ids);
        const leaked = left.filter((id) => !missingCasePages(fileURLToPath(dir), [id]).length);
        if (ids.length === 0 || missing.length || leaked.length) {
          const error = new Error(
            ids.length === 0
              ? `${options.dir}: no published case files (${left.length} drafts), so no case pages: an empty casebook is not a site`
              : leaked.length
                ? `drafts were built as pages: ${leaked.map((id) => `cases/${id}/`).join(', ')}`
                : `${missing.length} of ${ids.length} case pages were not built: ${missing
                    .slice(0, 10)
                    .map((id) => `cases/${id}/`)
                    .join(', ')}${missing.length > 10 ? ' …' : ''}`,
          );
          error.stack = '';
          throw error;
        }
        logger.info(`${ids.length} case pages built, one per published case file`);
        const line = draftsLine(left);
        if (line) logger.warn(line);
      },
    },
  };
}
