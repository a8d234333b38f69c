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
import { keepCaseBodies, keptCaseBody, markdownRenderer, settleDataStore, type CaseBody, type MarkdownRender } from './astroWorkarounds.ts';
import { listContentFolder } from './folders.ts';
import { CONTENT_ID } from './ids.ts';
import { throwIfProblems, type Problem } from './problems.ts';
import { readContentFile } from './read.ts';
import { bodyProblems } from './bodyLimits.ts';
import { collectUnsafeUrls } from './safeUrls.ts';
import { valueProblems } from './values.ts';
import { parseYamlSource, splitFrontMatter, type FrontMatterFile, type YamlSource } from './yamlSource.ts';

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

export interface CaseFile<T> {
  id: string;
  file: string;
  text: string;
  data: T;
  body: string;
  /** Line of a front-matter field path. */
  lineOf(path: readonly (string | number)[]): number;
}

interface StoreEntry {
  id: string;
  file: string;
  data: Record<string, unknown>;
  digest: string;
}

/** Replaces the collection's entries with `entries`, each parsed by the collection's schema. */
async function replaceStore(context: LoaderContext, entries: readonly StoreEntry[]): Promise<void> {
  context.store.clear();
  for (const e of entries) {
    const data = await context.parseData({ id: e.id, data: e.data, filePath: e.file });
    context.store.set({ id: e.id, data, filePath: e.file, digest: e.digest });
  }
}

interface CaseOptions<S extends z.ZodTypeAny> {
  dir: string;
  schema: S;
  check: (entry: CaseFile<z.output<S>>) => Problem[];
}

/** What one load of the cases folder shares between its files. */
interface Run {
  root: string;
  context: LoaderContext;
  render: MarkdownRender;
  ids: IdRegistry;
  problems: Problem[];
}

interface CaseRun<S extends z.ZodTypeAny> extends Run {
  options: CaseOptions<S>;
}

/** A case file's text, front matter and id, as read before its schema. */
interface CaseSource {
  text: string;
  split: FrontMatterFile;
  source: YamlSource;
  raw: Record<string, unknown>;
  /** Lines whose characters were already reported in the file's text. */
  rawLines: Set<number>;
  id: string;
}

/** The case's id (`slug:` when given, else the file name), checked and registered. */
function caseId(file: string, raw: Record<string, unknown>, source: YamlSource, run: Run): string {
  const slug = typeof raw.slug === 'string' ? raw.slug : undefined;
  const id = slug ?? stem(file);
  const line = slug ? source.lineOf(['slug']) : 1;
  if (!CONTENT_ID.test(id)) {
    run.problems.push({ file, line, message: `the id “${id}” (${slug ? 'slug' : 'file name'}) must be lowercase ASCII letters and digits joined by “-”` });
  }
  run.ids.add(id, file, line);
  return id;
}

/** Reads a case file up to its front matter's values; undefined (problems reported) when that fails. */
function readCaseSource(file: string, run: Run): CaseSource | undefined {
  const read = readContentFile(run.root, file);
  run.problems.push(...read.problems);
  if (read.text === undefined) return undefined;
  const split = splitFrontMatter(read.text);
  if (!split) {
    run.problems.push({ file, line: 1, message: 'no front matter: a case file starts with a line “---”, the fields, and another “---”' });
    return undefined;
  }
  const source = parseYamlSource(split.frontMatter, 2);
  run.problems.push(...source.errors.map((e) => ({ file, ...e })));
  if (source.errors.length) return undefined;
  const rawLines = new Set(read.problems.map((p) => p.line));
  run.problems.push(...valueProblems(file, source.data, source.lineOf, rawLines));
  const raw = (source.data ?? {}) as Record<string, unknown>;
  return { text: read.text, split, source, raw, rawLines, id: caseId(file, raw, source, run) };
}

/**
 * The case's body rendered with the site's Markdown pipeline (or kept from the last load of the
 * same file), its unsafe URLs reported; undefined when the body is over its limits.
 */
async function renderCaseBody(file: string, read: CaseSource, run: Run): Promise<CaseBody | undefined> {
  const { split, id } = read;
  // Bounded before the Markdown parser sees it.
  const tooBig = bodyProblems(file, split.body, split.bodyLine);
  run.problems.push(...tooBig);
  if (tooBig.length) return undefined;
  const digest = run.context.generateDigest(read.text);
  const kept = keptCaseBody(id, digest);
  if (kept) return kept;
  const absolute = `${run.root}${file}`;
  // Blank lines in place of the front matter: plugin positions are then file lines.
  const padded = '\n'.repeat(split.bodyLine - 1) + split.body;
  const out = await collectUnsafeUrls(absolute, () => run.render({ id, data: read.raw, body: padded, filePath: absolute, digest }));
  // A character reported in the file's text is not reported again as a decoded one.
  run.problems.push(...out.problems.filter((p) => !p.decoded || !read.rawLines.has(p.line)).map(({ line, message }) => ({ file, line, message })));
  const { html, metadata } = out.result as { html: string; metadata: { headings: CaseBody['headings'] } };
  return { digest, text: split.body.trim(), html, headings: metadata.headings };
}

/** One case file checked and rendered; its entry and body when it is valid. */
async function loadCaseFile<S extends z.ZodTypeAny>(file: string, run: CaseRun<S>): Promise<{ entry: StoreEntry; body: CaseBody } | undefined> {
  const read = readCaseSource(file, run);
  if (!read) return undefined;
  const { id, text, raw, source } = read;
  const parsed = run.options.schema.safeParse(raw);
  if (parsed.success) run.problems.push(...run.options.check({ id, file, text, data: parsed.data, body: read.split.body.trim(), lineOf: source.lineOf }));
  else run.problems.push(...schemaProblems(file, parsed.error, source));
  // Rendered even when the front matter is wrong, so that unsafe URLs are reported too.
  const body = await renderCaseBody(file, read, run);
  if (!body || !parsed.success) return undefined;
  return { entry: { id, file, data: raw, digest: body.digest }, body };
}

/** Loads the whole cases folder: every problem at once, else the store and the kept bodies replaced. */
async function loadCases<S extends z.ZodTypeAny>(context: LoaderContext, root: string, render: MarkdownRender, options: CaseOptions<S>): Promise<void> {
  const listing = listContentFolder(root, options.dir, ['.mdx']);
  const problems = [...listing.problems];
  for (const file of listing.ignored) context.logger.warn(`${file}: ignored (a hidden file)`);
  if (listing.files.length === 0 && problems.length === 0) {
    problems.push({ file: options.dir, line: 1, message: 'no case files: an empty casebook is not a site (add content/cases/<slug>.mdx)' });
  }
  const run: CaseRun<S> = { root, context, render, options, ids: new IdRegistry(problems), problems };
  const entries: StoreEntry[] = [];
  const bodies = new Map<string, CaseBody>();
  for (const file of listing.files) {
    const loaded = await loadCaseFile(file, run);
    if (!loaded) continue;
    entries.push(loaded.entry);
    bodies.set(loaded.entry.id, loaded.body);
  }
  throwIfProblems('Case content check failed:', problems);
  // The bodies stay out of the data store, which Astro bundles into the build (./astroWorkarounds.ts).
  keepCaseBodies(bodies);
  await replaceStore(context, entries);
  await settleDataStore(context);
}

/**
 * Case files: `<dir>/<id>.mdx`, front matter validated by `schema`, bodies rendered with the
 * site's Markdown pipeline (case bodies are plain Markdown by rule, content/README.md; rendering
 * them here rather than compiling each as an MDX module keeps builds of thousands of cases fast,
 * docs/performance.md), and `check` for the rules that need the body or other files.
 */
export function caseFilesLoader<S extends z.ZodTypeAny>(options: CaseOptions<S>): Loader {
  return {
    name: 'casebook-cases',
    load: async (context) => {
      const root = fileURLToPath(new URL('.', context.config.root));
      const render = await markdownRenderer(context);
      const load = () => loadCases(context, root, render, options);
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
        const entries: StoreEntry[] = [];
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
        await replaceStore(context, entries);
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
