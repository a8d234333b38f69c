/**
 * The content model: collections, their schemas (src/schemas/) and loaders (src/lib/content/).
 * Every cross-reference (measure, theme, region, source) is checked against the data, and every
 * key figure against the case text: a broken case fails the build with `file:line: message`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import type { Loader } from 'astro/loaders';
import { CONTENT_PATHS, lineOf, readMeasures, readThemes } from './lib/content/contentFiles.ts';
import { loadRegions } from './lib/content/loadRegions.ts';
import { loadMetrics } from './lib/content/loadMetrics.ts';
import { figureSchema } from './schemas/figure.ts';
import { caseBodyProblems } from './lib/content/caseChecks.ts';
import { caseFilesLoader, yamlFilesLoader, yamlListLoader } from './lib/content/loaders.ts';
import { characterProblems } from './lib/content/read.ts';
import { ContentError, type Problem } from './lib/content/problems.ts';
import { seedsFolderProblems } from './lib/content/seeds.ts';
import { seedFile } from './schemas/seedFile.ts';
import { caseSchema } from './schemas/case.ts';
import { measureSchema } from './schemas/measure.ts';
import { regionSchema } from './schemas/region.ts';
import { sourceSchema } from './schemas/source.ts';
import { themeSchema } from './schemas/theme.ts';

const root = process.cwd();

/** Config-time reads (the schemas need the valid keys) fail as content errors, without a stack. */
function contentRead<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    const e = new Error((error as Error).message);
    e.stack = '';
    throw e;
  }
}
const measureIds = contentRead(() => readMeasures(root).map((m) => m.id));
const themeIds = contentRead(() => readThemes(root).map((t) => t.id));
const regions = contentRead(() => loadRegions(root));
const regionIds = regions.map((r) => r.id);

const themes = defineCollection({
  loader: yamlListLoader({ file: CONTENT_PATHS.themes, schema: themeSchema }),
  schema: themeSchema,
});

const measuresSchema = measureSchema({ themes: themeIds, measures: measureIds });
const measures = defineCollection({
  loader: yamlListLoader({ file: CONTENT_PATHS.measures, schema: measuresSchema }),
  schema: measuresSchema,
});

/** Regions are derived from content/regions.yaml and the GB/T 2260 dataset (see lib/regions.ts). */
const regionsCollection = defineCollection({
  loader: {
    name: 'gbt2260-regions',
    load: async ({ store, parseData }) => {
      const text = readFileSync(join(root, CONTENT_PATHS.regions), 'utf8');
      const problems = characterProblems(CONTENT_PATHS.regions, text);
      if (problems.length) throw new ContentError('Content check failed:', problems);
      store.clear();
      for (const { id, ...data } of regions) store.set({ id, data: await parseData({ id, data }) });
    },
  } satisfies Loader,
  schema: regionSchema,
});

const sourcesSchema = sourceSchema(seedFile(root));
const sources = defineCollection({
  loader: yamlFilesLoader({
    dir: CONTENT_PATHS.sources,
    schema: sourcesSchema,
    check: () => seedsFolderProblems(root),
  }),
  schema: sourcesSchema,
});

const figure = figureSchema({ measureIds, metrics: contentRead(() => loadMetrics(measureIds, root)) });

const casesSchema = caseSchema({ regions: regionIds, measures: measureIds }, figure);

const cases = defineCollection({
  loader: caseFilesLoader({
    dir: CONTENT_PATHS.cases,
    schema: casesSchema,
    // The rules that need the body or other collections' files.
    check: ({ file, text, data, body }) => {
      const problems: Problem[] = [];
      const at = (needle: string) => lineOf(text, needle) ?? 1;
      if (!existsSync(join(root, CONTENT_PATHS.sources, `${data.source}.yaml`))) {
        problems.push({
          file,
          line: at('source:'),
          message: `unknown source “${data.source}” (no ${CONTENT_PATHS.sources}/${data.source}.yaml)`,
        });
      }
      for (const p of caseBodyProblems(data, body)) {
        const line = p.kind === 'markup' ? at(p.line) : (lineOf(text, data.figures[p.figure]!.quote) ?? at('figures:'));
        problems.push({ file, line, message: p.message });
      }
      return problems;
    },
  }),
  schema: casesSchema,
});

export const collections = { themes, measures, regions: regionsCollection, sources, cases };
