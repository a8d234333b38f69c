/**
 * Every place the casebook leans on Astro's internals or works around an Astro bug, in one module,
 * each with its upstream issue. They were checked against the Astro of `ASTRO_CHECKED`;
 * tests/unit/content/astroWorkarounds.test.ts fails when package.json pins another, listing what
 * to re-check. At build time a workaround whose Astro internals are gone fails the build by name
 * (`astroInternalsProblems`) instead of silently doing nothing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { MarkdownHeading } from 'astro';
import type { LoaderContext } from 'astro/loaders';

/** The Astro these workarounds were read against: package.json's range and the version installed then. */
export const ASTRO_CHECKED = { range: '~5.18.2', version: '5.18.2' } as const;

export interface AstroWorkaround {
  name: string;
  /** The withastro/astro issue or pull request, or “none found: …” saying what was looked for. */
  upstream: string;
  /** Where the workaround lives. */
  where: string;
  /** What to look at in a new Astro before moving `ASTRO_CHECKED`. */
  recheck: string;
}

const SETTLE_DATA_STORE: AstroWorkaround = {
  name: 'settle the data store',
    upstream: 'https://github.com/withastro/astro/issues/13310 (closed by https://github.com/withastro/astro/pull/13372; a save already in flight is still not awaited)',
    where: 'settleDataStore, src/lib/content/astroWorkarounds.ts',
    recheck: 'astro/dist/content/mutable-data-store.js: is a save still written to `<file>.tmp` and renamed, and does `waitUntilSaveComplete` now await a write in flight (then drop the workaround)?',
};

const CASE_BODIES: AstroWorkaround = {
  name: 'case bodies outside the data store',
    upstream: 'https://github.com/withastro/astro/issues/17301 (rendered entries held in the data store; deferRender in a later major, https://github.com/withastro/docs/pull/14208)',
    where: 'keepCaseBodies / caseBody, src/lib/content/astroWorkarounds.ts',
    recheck: 'astro/dist/content/vite-plugin-content-virtual-mod.js: is the whole store still bundled as one module (astro:data-layer-content), and do `astro build` and the loaders still run in one process?',
};

const MARKDOWN_RENDERER: AstroWorkaround = {
  name: 'the Markdown renderer from entryTypes',
    upstream: 'https://github.com/withastro/astro/issues/14205 (renderMarkdown() gives plugins no file path)',
    where: 'markdownRenderer, src/lib/content/astroWorkarounds.ts',
    recheck: 'astro/dist/content/content-layer.js #getLoaderContext: does it still pass `entryTypes`, or does `renderMarkdown` now take the file path?',
};

const URL_QUOTES: AstroWorkaround = {
  name: 'quotes refused in http(s) URLs',
    upstream: 'https://github.com/withastro/astro/pull/15740 (addAttribute left URLs with `&` unescaped, since https://github.com/withastro/astro/pull/9820)',
    where: 'unsafeUrlReason, src/lib/content/urlPolicy.ts',
    recheck: 'astro/dist/runtime/server/render/util.js addAttribute: is the `isHttpUrl` branch gone (the rule stays: a quote in a URL is refused either way)?',
};

const RENDER_MESSAGES: AstroWorkaround = {
  name: 'unsafe URLs collected beside the Markdown render',
  upstream: 'none found: no withastro/astro issue asks for a loader to get a render’s messages, or for @astrojs/markdown-remark not to print a plugin’s error with its stack',
  where: 'collectUnsafeUrls, src/lib/content/safeUrls.ts',
  recheck: '@astrojs/markdown-remark createMarkdownProcessor render(): does it still log a thrown plugin error before rethrowing, and does the vfile still carry the file path the loader passes?',
};

const TAILWIND_TYPES: AstroWorkaround = {
  name: '@tailwindcss/vite typed against a newer Vite',
    upstream: 'https://github.com/withastro/astro/issues/14030',
    where: 'the `any` casts of vite.plugins, astro.config.mjs',
  recheck: 'does `npx astro check` pass without the casts?',
};

export const ASTRO_WORKAROUNDS: readonly AstroWorkaround[] = [
  SETTLE_DATA_STORE,
  CASE_BODIES,
  MARKDOWN_RENDERER,
  RENDER_MESSAGES,
  URL_QUOTES,
  TAILWIND_TYPES,
];

/** How the build's messages name a workaround. */
function named(workaround: AstroWorkaround): string {
  return `Astro workaround “${workaround.name}” (src/lib/content/astroWorkarounds.ts)`;
}

/** The folder of the Astro package this module resolves. */
export function installedAstroDir(): string {
  return dirname(createRequire(import.meta.url).resolve('astro/package.json'));
}

export function installedAstroVersion(astroDir = installedAstroDir()): string {
  return (JSON.parse(readFileSync(join(astroDir, 'package.json'), 'utf8')) as { version: string }).version;
}

function sourceOf(astroDir: string, file: string): string {
  const path = join(astroDir, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : '';
}

/**
 * The Astro internals the workarounds rely on that `astroDir` no longer has, each naming its
 * workaround: an empty list when all are there.
 */
export function astroInternalsProblems(astroDir: string): string[] {
  const problems: string[] = [];
  const store = sourceOf(astroDir, 'dist/content/mutable-data-store.js');
  const consts = sourceOf(astroDir, 'dist/content/consts.js');
  if (!store.includes('.tmp`') || !/SAVE_DEBOUNCE_MS/.test(store) || !consts.includes('"data-store.json"')) {
    problems.push(
      `${named(SETTLE_DATA_STORE)}: Astro ${installedAstroVersion(astroDir)} no longer writes its data store through “data-store.json.tmp” (astro/dist/content/mutable-data-store.js), so the wait for a save in flight would do nothing. Re-check ${SETTLE_DATA_STORE.upstream}`,
    );
  }
  const loaderContext = sourceOf(astroDir, 'dist/content/content-layer.js');
  if (!/\bentryTypes\b/.test(loaderContext)) {
    problems.push(
      `${named(MARKDOWN_RENDERER)}: Astro ${installedAstroVersion(astroDir)} passes no entryTypes to loaders (astro/dist/content/content-layer.js). Re-check ${MARKDOWN_RENDERER.upstream}`,
    );
  }
  return problems;
}

let checked = false;

/** Fails the build once, by name, when a workaround's Astro internals are gone; warns when Astro is not the checked version. */
function assertAstroInternals(context: Pick<LoaderContext, 'logger'>, astroDir = installedAstroDir()): void {
  if (checked) return;
  const problems = astroInternalsProblems(astroDir);
  if (problems.length) {
    const error = new Error(problems.join('\n'));
    error.stack = '';
    throw error;
  }
  const version = installedAstroVersion(astroDir);
  if (version !== ASTRO_CHECKED.version) {
    context.logger.warn(
      `Astro ${version} is installed; the workarounds of src/lib/content/astroWorkarounds.ts were checked against ${ASTRO_CHECKED.version}: ${ASTRO_WORKAROUNDS.map((w) => w.name).join('; ')}`,
    );
  }
  checked = true;
}

// ---------------------------------------------------------------------------------------------
// Settle the data store. Astro 5.18's data store (astro/dist/content/mutable-data-store.js) saves
// on a 500 ms debounce. With thousands of cases a save that starts while the collections load is
// still being written when `astro sync` reports done, and the build then reads no store (or a
// partial one) and renders a site without cases, exiting 0. Wait for such a save to finish, then
// mark the store changed so that the final save is the one the sync awaits (docs/performance.md).
// The case-page count check (src/integrations/casePages.ts) catches any remaining loss.

const DATA_STORE_TEMP_FILE = 'data-store.json.tmp';

export async function settleDataStore(context: LoaderContext): Promise<void> {
  assertAstroInternals(context);
  const pending = new URL(DATA_STORE_TEMP_FILE, context.config.cacheDir);
  while (existsSync(pending)) await new Promise((resolve) => setTimeout(resolve, 100));
  context.meta.set('settled', String(Date.now()));
}

// ---------------------------------------------------------------------------------------------
// Case bodies outside the data store. Astro 5 bundles the whole store into the server build as one
// ES module (astro:data-layer-content, made with `dataToEsm`), so a body and its HTML in every
// entry cost the build about 0.5 MB of memory per case (docs/performance.md). The cases loader
// renders each body once and keeps it here; the pages read it here. `astro build` and `astro dev`
// load the content and render the pages in one process; the map hangs on a global symbol because
// the loader and the pages load this module as two instances (the config's and the server build's).

export interface CaseBody {
  /** The loader's digest of the case file: a kept body is reused only for the same file. */
  digest: string;
  /** The body's Markdown, front matter removed. */
  text: string;
  html: string;
  headings: MarkdownHeading[];
}

const BODIES_KEY = Symbol.for('jiaoyu-casebook.case-bodies');
type Bodies = Map<string, CaseBody>;

function bodies(): Bodies {
  const global = globalThis as Record<symbol, Bodies | undefined>;
  return (global[BODIES_KEY] ??= new Map());
}

/** The kept body of case `id` if it was rendered from the file of this digest. */
export function keptCaseBody(id: string, digest: string): CaseBody | undefined {
  const kept = bodies().get(id);
  return kept?.digest === digest ? kept : undefined;
}

/** Replaces every kept body with those of the cases just loaded. */
export function keepCaseBodies(loaded: ReadonlyMap<string, CaseBody>): void {
  const map = bodies();
  map.clear();
  for (const [id, body] of loaded) map.set(id, body);
}

/** The body of case `id`, as the cases loader of this process rendered it. */
export function caseBody(id: string): CaseBody {
  const body = bodies().get(id);
  if (!body) {
    throw new Error(
      `case “${id}”: no body loaded in this process (${named(CASE_BODIES)}: the cases loader keeps the bodies for the pages)`,
    );
  }
  return body;
}

// ---------------------------------------------------------------------------------------------
// The Markdown renderer from entryTypes. Astro 5's LoaderContext type lacks `entryTypes`, which
// Astro passes to loaders at run time (content-layer.js #getLoaderContext). Its Markdown entry type
// gives the render function that passes the file's path to the remark/rehype plugins
// (`renderMarkdown()` does not), so the URL-safety plugin (./safeUrls.ts) can name the file.

export type MarkdownRender = (entry: { id: string; data: Record<string, unknown>; body: string; filePath: string; digest: string }) => Promise<unknown>;

type EntryTypes = Map<string, { getRenderFunction?: (config: unknown) => Promise<MarkdownRender> }>;

export async function markdownRenderer(context: LoaderContext): Promise<MarkdownRender> {
  const entryTypes = (context as LoaderContext & { entryTypes?: EntryTypes }).entryTypes;
  const render = await entryTypes?.get('.md')?.getRenderFunction?.(context.config);
  if (!render) {
    throw new Error(
      `${named(MARKDOWN_RENDERER)}: Astro provides no Markdown renderer to loaders (entryTypes .md); the cases loader needs one. Re-check ${MARKDOWN_RENDERER.upstream}`,
    );
  }
  return render;
}
