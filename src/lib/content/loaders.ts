/**
 * The content loaders: each reads its folder itself (instead of Astro's glob/file loaders) so
 * that every file is accounted for and every problem is reported at once as `file:line: message`
 * — unexpected files, unsafe characters, YAML errors, schema errors (unknown keys, dates, numbers),
 * ids that collide case-insensitively, unsafe URLs in the rendered body — with no stack trace.
 */
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import type { z } from 'astro/zod';
import { keepCaseBodies, keptCaseBody, type CaseBody } from './caseBodies.ts';
import { settleDataStore } from './dataStore.ts';
import { listContentFolder } from './folders.ts';
import { CONTENT_ID } from './ids.ts';
import { throwIfProblems, type Problem } from './problems.ts';
import { readContentFile } from './read.ts';
import { bodyProblems } from './bodyLimits.ts';
import { collectUnsafeUrls } from './safeUrls.ts';
import { valueProblems } from './values.ts';
import { parseYamlSource, splitFrontMatter, type YamlSource } from './yamlSource.ts';


function schemaProblems(file: string, error: z.ZodError, source: YamlSource, prefix: (string | number)[] = []): Problem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    const field = issue.path.join('.');
    return { file, line: source.lineOf(path), message: field ? `${field}: ${issue.message}` : issue.message };
  });
}

/** Reports ids that differ only by letter case (or repeat), naming every file involved. */
class IdRegistry {
  private seen = new Map<string, { id: string; file: string; line: number }>();
  constructor(private problems: Problem[]) {}
  add(id: string, file: string, line: number): void {
    const key = id.toLowerCase();
    const first = this.seen.get(key);
    if (first) {
      const how = first.id === id ? 'the same id' : `an id that differs only in letter case (“${first.id}”)`;
      this.problems.push({ file, line, message: `id “${id}” collides with ${how} of ${first.file}:${first.line}; ids must be unique ignoring case` });
    } else this.seen.set(key, { id, file, line });
  }
}

function stem(file: string): string {
  return posix.basename(file).replace(/\.[^.]+$/, '');
}

/** Reloads the collection when a file of `dir` changes (astro dev). */
function watchFolder(context: LoaderContext, dir: string, reload: () => Promise<void>): void {
  const { watcher } = context;
  if (!watcher) return;
  const base = fileURLToPath(new URL(`${dir}/`, context.config.root));
  watcher.add(base);
  const onChange = (path: string) => {
    if (path.startsWith(base)) reload().catch((error: Error) => context.logger.error(error.message));
  };
  for (const event of ['change', 'add', 'unlink', 'addDir', 'unlinkDir'] as const) watcher.on(event, onChange);
}

type Render = (entry: { id: string; data: Record<string, unknown>; body: string; filePath: string; digest: string }) => Promise<unknown>;

/**
 * Workaround: Astro 5's LoaderContext type lacks `entryTypes`, which Astro passes to loaders at run
 * time (content-layer.js #getLoaderContext). Its Markdown entry type gives the render function that
 * passes the file's path to the remark/rehype plugins (`renderMarkdown()` does not), so the
 * URL-safety plugin (./safeUrls.ts) can name the file.
 */
async function markdownRenderer(context: LoaderContext): Promise<Render> {
  const entryTypes = (context as LoaderContext & { entryTypes?: Map<string, { getRenderFunction?: (config: unknown) => Promise<Render> }> }).entryTypes;
  const render = await entryTypes?.get('.md')?.getRenderFunction?.(context.config);
  if (!render) throw new Error('Astro provides no Markdown renderer to loaders (entryTypes .md); the cases loader needs one');
  return render;
}

export interface CaseFile<T> {
  id: string;
  file: string;
  text: string;
  data: T;
  body: string;
  /** Line of a front-matter field path. */
  lineOf(path: readonly (string | number)[]): number;
}

/**
 * Case files: `<dir>/<id>.mdx`, front matter validated by `schema`, bodies rendered with the
 * site's Markdown pipeline (case bodies are plain Markdown by rule, content/README.md; rendering
 * them here rather than compiling each as an MDX module keeps builds of thousands of cases fast,
 * docs/performance.md), and `check` for the rules that need the body or other files.
 */
export function caseFilesLoader<S extends z.ZodTypeAny>(options: {
  dir: string;
  schema: S;
  check: (entry: CaseFile<z.output<S>>) => Problem[];
}): Loader {
  return {
    name: 'casebook-cases',
    load: async (context) => {
      const root = fileURLToPath(new URL('.', context.config.root));
      const render = await markdownRenderer(context);
      const load = async () => {
        const listing = listContentFolder(root, options.dir, ['.mdx']);
        const problems = [...listing.problems];
        for (const file of listing.ignored) context.logger.warn(`${file}: ignored (a hidden file)`);
        if (listing.files.length === 0 && problems.length === 0) {
          problems.push({ file: options.dir, line: 1, message: 'no case files: an empty casebook is not a site (add content/cases/<slug>.mdx)' });
        }
        const ids = new IdRegistry(problems);
        const entries: { id: string; file: string; data: Record<string, unknown>; digest: string }[] = [];
        const bodies = new Map<string, CaseBody>();
        for (const file of listing.files) {
          const read = readContentFile(root, file);
          problems.push(...read.problems);
          if (read.text === undefined) continue;
          const text = read.text;
          const split = splitFrontMatter(text);
          if (!split) {
            problems.push({ file, line: 1, message: 'no front matter: a case file starts with a line “---”, the fields, and another “---”' });
            continue;
          }
          const source = parseYamlSource(split.frontMatter, 2);
          problems.push(...source.errors.map((e) => ({ file, ...e })));
          if (source.errors.length) continue;
          const rawLines = new Set(read.problems.map((p) => p.line));
          problems.push(...valueProblems(file, source.data, source.lineOf, rawLines));
          const raw = (source.data ?? {}) as Record<string, unknown>;
          const slug = typeof raw.slug === 'string' ? raw.slug : undefined;
          const id = slug ?? stem(file);
          if (!CONTENT_ID.test(id)) {
            problems.push({ file, line: slug ? source.lineOf(['slug']) : 1, message: `the id “${id}” (${slug ? 'slug' : 'file name'}) must be lowercase ASCII letters and digits joined by “-”` });
          }
          ids.add(id, file, slug ? source.lineOf(['slug']) : 1);
          const body = split.body.trim();
          const parsed = options.schema.safeParse(raw);
          if (parsed.success) problems.push(...options.check({ id, file, text, data: parsed.data, body, lineOf: source.lineOf }));
          else problems.push(...schemaProblems(file, parsed.error, source));
          // Bounded before the Markdown parser sees it; then rendered even when the front matter is
          // wrong, so that unsafe URLs are reported too.
          const tooBig = bodyProblems(file, split.body, split.bodyLine);
          problems.push(...tooBig);
          if (tooBig.length) continue;
          const digest = context.generateDigest(text);
          let kept = keptCaseBody(id, digest);
          if (!kept) {
            const absolute = `${root}${file}`;
            // Blank lines in place of the front matter: plugin positions are then file lines.
            const padded = '\n'.repeat(split.bodyLine - 1) + split.body;
            const out = await collectUnsafeUrls(absolute, () => render({ id, data: raw, body: padded, filePath: absolute, digest }));
            // A character reported in the file's text is not reported again as a decoded one.
            problems.push(...out.problems.filter((p) => !p.decoded || !rawLines.has(p.line)).map(({ line, message }) => ({ file, line, message })));
            const { html, metadata } = out.result as { html: string; metadata: { headings: CaseBody['headings'] } };
            kept = { digest, text: body, html, headings: metadata.headings };
          }
          if (parsed.success) {
            entries.push({ id, file, data: raw, digest });
            bodies.set(id, kept);
          }
        }
        throwIfProblems('Case content check failed:', problems);
        // The bodies stay out of the data store, which Astro bundles into the build (./caseBodies.ts).
        keepCaseBodies(bodies);
        context.store.clear();
        for (const e of entries) {
          const data = await context.parseData({ id: e.id, data: e.data, filePath: e.file });
          context.store.set({ id: e.id, data, filePath: e.file, digest: e.digest });
        }
        await settleDataStore(context);
      };
      await load();
      watchFolder(context, options.dir, load);
    },
  };
}

/**
 * YAML records, one per file: `<dir>/<id>.yaml` (sources). `check` adds folder-level problems
 * (e.g. seeds/ entries that are not regular files).
 */
export function yamlFilesLoader(options: { dir: string; schema: z.ZodTypeAny; check?: () => Problem[] }): Loader {
  return {
    name: 'casebook-yaml-files',
    load: async (context) => {
      const root = fileURLToPath(new URL('.', context.config.root));
      const load = async () => {
        const listing = listContentFolder(root, options.dir, ['.yaml', '.yml']);
        const problems = [...listing.problems, ...(options.check?.() ?? [])];
        const ids = new IdRegistry(problems);
        const entries: { id: string; file: string; data: Record<string, unknown>; digest: string }[] = [];
        for (const file of listing.files) {
          const read = readContentFile(root, file);
          problems.push(...read.problems);
          if (read.text === undefined) continue;
          const source = parseYamlSource(read.text);
          problems.push(...source.errors.map((e) => ({ file, ...e })));
          if (source.errors.length) continue;
          problems.push(...valueProblems(file, source.data, source.lineOf, new Set(read.problems.map((p) => p.line))));
          const id = stem(file);
          if (!CONTENT_ID.test(id)) problems.push({ file, line: 1, message: `the file name “${id}” must be lowercase ASCII letters and digits joined by “-”` });
          ids.add(id, file, 1);
          const parsed = options.schema.safeParse(source.data);
          if (!parsed.success) problems.push(...schemaProblems(file, parsed.error, source));
          else entries.push({ id, file, data: source.data as Record<string, unknown>, digest: context.generateDigest(read.text) });
        }
        throwIfProblems(`Content check failed (${options.dir}):`, problems);
        context.store.clear();
        for (const e of entries) {
          context.store.set({ id: e.id, data: await context.parseData({ id: e.id, data: e.data, filePath: e.file }), filePath: e.file, digest: e.digest });
        }
      };
      await load();
      watchFolder(context, options.dir, load);
    },
  };
}

/** A YAML list of records with an `id` each, in one file (the taxonomy). */
export function yamlListLoader(options: { file: string; schema: z.ZodTypeAny }): Loader {
  return {
    name: 'casebook-yaml-list',
    load: async (context) => {
      const root = fileURLToPath(new URL('.', context.config.root));
      const { file } = options;
      const read = readContentFile(root, file);
      const problems = [...read.problems];
      const source = parseYamlSource(read.text ?? '');
      problems.push(...source.errors.map((e) => ({ file, ...e })));
      problems.push(...valueProblems(file, source.data, source.lineOf, new Set(read.problems.map((p) => p.line))));
      const items = Array.isArray(source.data) ? (source.data as unknown[]) : [];
      if (read.text !== undefined && !source.errors.length && !Array.isArray(source.data)) problems.push({ file, line: 1, message: 'must be a list of entries (“- id: …”)' });
      const ids = new IdRegistry(problems);
      const entries: { id: string; data: Record<string, unknown> }[] = [];
      items.forEach((item, index) => {
        const { id, ...data } = (item && typeof item === 'object' ? item : {}) as Record<string, unknown>;
        const line = source.lineOf([index]);
        if (typeof id !== 'string' || !CONTENT_ID.test(id)) {
          problems.push({ file, line, message: `entry ${index + 1}: “id” must be lowercase ASCII letters and digits joined by “-”` });
          return;
        }
        ids.add(id, file, line);
        const parsed = options.schema.safeParse(data);
        if (!parsed.success) problems.push(...schemaProblems(file, parsed.error, source, [index]));
        else entries.push({ id, data });
      });
      throwIfProblems(`Content check failed (${file}):`, problems);
      context.store.clear();
      for (const e of entries) context.store.set({ id: e.id, data: await context.parseData({ id: e.id, data: e.data, filePath: file }) });
    },
  };
}
