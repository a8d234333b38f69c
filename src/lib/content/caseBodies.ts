/**
 * Case bodies (the Markdown text and its HTML), kept out of Astro's data store. Astro 5 bundles
 * the whole store into the server build as one ES module (astro:data-layer-content, made with
 * `dataToEsm`), so a body and its HTML in every entry cost the build about 0.5 MB of memory per
 * case (docs/performance.md). The cases loader renders each body once and keeps it here; the
 * pages read it here. `astro build` and `astro dev` load the content and render the pages in one
 * process; the map hangs on a global symbol because the loader and the pages load this module as
 * two instances (the config's and the server build's).
 */
import type { MarkdownHeading } from 'astro';

export interface CaseBody {
  /** The loader's digest of the case file: a kept body is reused only for the same file. */
  digest: string;
  /** The body's Markdown, front matter removed. */
  text: string;
  html: string;
  headings: MarkdownHeading[];
}

const KEY = Symbol.for('jiaoyu-casebook.case-bodies');
type Bodies = Map<string, CaseBody>;

function bodies(): Bodies {
  const global = globalThis as Record<symbol, Bodies | undefined>;
  return (global[KEY] ??= new Map());
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
      `case “${id}”: no body loaded in this process (the cases loader, src/lib/content/loaders.ts, keeps the bodies for the pages)`,
    );
  }
  return body;
}
