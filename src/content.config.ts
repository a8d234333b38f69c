/**
 * The content model. Every cross-reference (measure, theme, region, source) is checked
 * against the data, and every key figure against the case text: a broken case fails the
 * build with a message that names the file and the problem.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { defineCollection, z } from 'astro:content';
import { file, glob, type Loader } from 'astro/loaders';
import { CONTENT_PATHS, frontMatterLine, lineOf, readMeasures, readThemes } from './lib/contentFiles.ts';
import { isPartialDate, normaliseDateInput, parsePartialDate } from './lib/dates.ts';
import { checkFigures } from './lib/figures.ts';
import { loadRegions } from './lib/loadRegions.ts';
import { paragraphs, unescapedMarkup } from './lib/text.ts';

const root = process.cwd();
const measureIds = readMeasures(root).map((m) => m.id);
const themeIds = readThemes(root).map((t) => t.id);
const regions = loadRegions(root);
const regionIds = regions.map((r) => r.id);

/** A string that must be one of `valid`; the message lists the valid keys. */
const keyOf = (valid: string[], what: string) =>
  z.string().refine((v) => valid.includes(v), (v) => ({
    message: `unknown ${what} “${v}”; valid ${what} keys: ${valid.join(', ')}`,
  }));

/** YYYY, YYYY-MM or YYYY-MM-DD, only as precise as the source says. */
const partialDate = z
  .union([z.string(), z.number(), z.date()])
  .transform(normaliseDateInput)
  .superRefine((v, ctx) => {
    const parsed = parsePartialDate(v);
    if (!isPartialDate(parsed)) ctx.addIssue({ code: z.ZodIssueCode.custom, message: parsed.error });
  });

const themes = defineCollection({
  loader: file(CONTENT_PATHS.themes),
  schema: z.object({
    /** Display name, e.g. 优质均衡. */
    name: z.string().min(1),
    /** One neutral sentence on what the theme groups. */
    description: z.string().min(1),
  }),
});

const measures = defineCollection({
  loader: file(CONTENT_PATHS.measures),
  schema: z.object({
    /** Display name, e.g. 县管校聘. */
    name: z.string().min(1),
    /** Theme key. */
    theme: keyOf(themeIds, 'theme'),
    /** Words that signal the measure in a text (tagging, search). */
    aliases: z.array(z.string().min(1)).default([]),
    /** Ambiguous aliases that count only with one of these words in the same sentence (see src/lib/tagging.ts). */
    aliasContext: z.record(z.string(), z.array(z.string().min(1)).min(1)).optional(),
    /** A short, neutral, factual definition. */
    definition: z.string().min(10),
    /** Keys of related measures. */
    related: z.array(keyOf(measureIds, 'measure')).default([]),
  }),
});

/** Regions are derived from content/regions.yaml and the GB/T 2260 dataset (see lib/regions.ts). */
const regionsCollection = defineCollection({
  loader: {
    name: 'gbt2260-regions',
    load: async ({ store, parseData }) => {
      store.clear();
      for (const { id, ...data } of regions) store.set({ id, data: await parseData({ id, data }) });
    },
  } satisfies Loader,
  schema: z.object({
    name: z.string(),
    level: z.enum(['省', '市', '县区']),
    parent: z.string().optional(),
    path: z.array(z.string()),
    city: z.string().optional(),
  }),
});

const sources = defineCollection({
  loader: glob({ pattern: '*.{yaml,yml}', base: CONTENT_PATHS.sources }),
  schema: z.object({
    /** Headline or page title as printed. */
    title: z.string().min(1),
    /** Publication name (上街信息, 郑州日报 …), if printed. */
    publication: z.string().optional(),
    /** Issue, e.g. 第49期. */
    issue: z.string().optional(),
    /** Issuing body as printed. */
    publisher: z.string().optional(),
    /** Byline, e.g. 本报记者 苏立萌. */
    author: z.string().optional(),
    date: partialDate,
    /** Where the date comes from when it is not printed on the document itself. */
    dateNote: z.string().optional(),
    /** Original address, only if the source states one. */
    url: z.string().url().optional(),
    kind: z.enum(['简报', '报纸', '网页', '文章']),
    /** The raw text, a path under seeds/. */
    file: z
      .string()
      .regex(/^seeds\/[^/]+$/, 'file must be a path like seeds/<name>.txt')
      .refine((f) => existsSync(join(root, f)), (f) => ({ message: `raw file ${f} does not exist` })),
    /** One or two factual sentences about the document. */
    summary: z.string().min(1),
  }),
});

const figure = z.object({
  /** Short label, e.g. 新增优质学位. */
  label: z.string().min(1),
  value: z.number(),
  /** Unit as in the text: 个, 所, %, 亿元 … */
  unit: z.string(),
  /** The year the text ties the number to, if any. */
  year: z.number().int().min(1949).max(2100).optional(),
  /** Measure key the number belongs to (must be one of the case's measures). */
  measure: keyOf(measureIds, 'measure').optional(),
  /** The number as the text states it, when value + unit would lose a 多/余/以上 (part of the quote). */
  display: z.string().optional(),
  /** The exact phrase of the case body the number comes from. */
  quote: z.string().min(2),
});

const caseSchema = z.object({
  title: z.string().min(4),
  /** Headline as printed in the source. */
  originalTitle: z.string().optional(),
  /** 摘要: 1–3 factual sentences. */
  summary: z.string().min(10).max(300),
  region: keyOf(regionIds, 'region'),
  /** The reporting body (报送单位). */
  body: z.string().min(2),
  /** Signed author, if any. */
  author: z.string().optional(),
  authorRole: z.string().optional(),
  date: partialDate,
  dateNote: z.string().optional(),
  /** Key of the source record. */
  source: z.string(),
  measures: z.array(keyOf(measureIds, 'measure')).min(1, 'a case needs at least one measure'),
  figures: z.array(figure).default([]),
});

/**
 * Cases: MDX files, with the checks that need the body (figure quotes) or other
 * collections' files (source key) run after loading.
 */
function casesLoader(): Loader {
  const inner = glob({ pattern: '**/*.mdx', base: CONTENT_PATHS.cases });
  return {
    name: 'cases-with-checks',
    load: async (context) => {
      // Schema errors name the file; add the line of each offending field.
      const parseData: typeof context.parseData = async (props) => {
        try {
          return await context.parseData(props);
        } catch (error) {
          if (!(error instanceof Error) || !props.filePath) throw error;
          const where = relative(root, resolve(root, props.filePath));
          const text = readFileSync(join(root, where), 'utf8');
          // Astro lists issues as “**path**: message”.
          const issues = [...error.message.matchAll(/^[\s-]*\**([\w.]+)\**: (.+)$/gm)].map(([, path, message]) => ({
            line: frontMatterLine(text, path!) ?? 1,
            text: `${path}: ${message}`,
          }));
          if (issues.length) {
            error.message += `\n\n${issues.map((i) => `${where}:${i.line}: ${i.text}`).join('\n')}`;
            const loc = (error as { loc?: { line?: number } }).loc;
            if (loc) loc.line = issues[0]!.line;
          }
          throw error;
        }
      };
      // Case bodies are plain Markdown by rule (content/README.md), so they are rendered here with
      // Astro's Markdown pipeline (the same remark/rehype plugins) rather than each compiled into the
      // server bundle as an MDX module: that bundling dominated builds of thousands of cases
      // (docs/performance.md). Same HTML, same headings.
      // `entryTypes` is passed to loaders at run time but missing from Astro 5's LoaderContext type.
      const known = (context as typeof context & { entryTypes: Map<string, unknown> }).entryTypes;
      const markdown = known.get('.md');
      const entryTypes = markdown ? new Map([...known, ['.mdx', markdown]]) : known;
      await inner.load({ ...context, entryTypes, parseData } as typeof context);
      const problems: string[] = [];
      for (const entry of context.store.values()) {
        const where = entry.filePath ?? entry.id;
        const text = entry.filePath ? readFileSync(join(root, entry.filePath), 'utf8') : '';
        const data = entry.data as z.infer<typeof caseSchema>;
        const sourceFile = join(root, CONTENT_PATHS.sources, `${data.source}.yaml`);
        if (!existsSync(sourceFile)) {
          problems.push(`${where}:${lineOf(text, 'source:') ?? 1}: unknown source “${data.source}” (no ${CONTENT_PATHS.sources}/${data.source}.yaml)`);
        }
        // Bodies are plain text by rule: a raw < > { } would become HTML or code.
        for (const line of unescapedMarkup(entry.body ?? '')) {
          problems.push(`${where}:${lineOf(text, line) ?? 1}: raw markup in the text (escape < > { } as \\< \\> \\{ \\}): ${line.trim().slice(0, 60)}`);
        }
        for (const p of checkFigures(paragraphs(entry.body ?? ''), data.figures, data.measures)) {
          const f = data.figures[p.figure]!;
          problems.push(`${where}:${lineOf(text, f.quote) ?? lineOf(text, 'figures:') ?? 1}: figure ${p.figure + 1} (${f.label}): ${p.message}`);
        }
      }
      if (problems.length) throw new Error(`Case content check failed:\n${problems.join('\n')}`);
      await settleDataStore(context);
    },
  };
}

/**
 * Astro 5.18 saves its data store on a 500 ms debounce. With thousands of cases a save that starts
 * while the collections load is still being written when `astro sync` reports done, and the build
 * then reads no store (or a partial one) and renders a site without cases, exiting 0. Wait for such
 * a save to finish, then mark the store changed so that the final save is the one the sync awaits.
 * See docs/performance.md.
 */
async function settleDataStore(context: Parameters<Loader['load']>[0]): Promise<void> {
  const pending = new URL('data-store.json.tmp', context.config.cacheDir);
  while (existsSync(pending)) await new Promise((resolve) => setTimeout(resolve, 100));
  context.meta.set('settled', String(Date.now()));
}

const cases = defineCollection({ loader: casesLoader(), schema: caseSchema });

export const collections = { themes, measures, regions: regionsCollection, sources, cases };
