/**
 * The build's own checks, run on the exact text the studio would save: invisible characters
 * (src/lib/text/unsafeChars.ts), the front matter's YAML as the content loaders read it
 * (src/lib/content/yamlSource.ts), the zod schemas of src/schemas/, and the rules that need the
 * body (src/lib/content/caseChecks.ts: figure quotes, numbers, units, periods; plain text). Each
 * problem names the field it concerns (`title`, `figures.2`, `measures`), so the studio can
 * show it next to that field; src/lib/studio/messages.ts says it in Chinese.
 */
import { z } from 'astro/zod';
import { caseBodyProblems } from '../content/caseChecks.ts';
import { CONTENT_ID } from '../content/ids.ts';
import { unsafeCharacters } from '../text/unsafeChars.ts';
import { parseYamlSource, splitFrontMatter } from '../content/yamlSource.ts';
import type { Metric } from '../model/metrics.ts';
import { caseSchema } from '../../schemas/case.ts';
import { figureSchema } from '../../schemas/figure.ts';
import { sourceSchema } from '../../schemas/source.ts';

export interface CheckContext {
  measureIds: readonly string[];
  /** The casebook's regions and those the save adds to content/regions.yaml. */
  regionIds: readonly string[];
  metrics: readonly Metric[];
  /** Whether a source record with this key exists, or is saved with the case. */
  sourceExists(key: string): boolean;
}

export interface Problem {
  /** Dotted field path (`summary`, `figures.2.quote`), `body` for the text, '' for the whole file. */
  field: string;
  /** The build's message (English), also shown when no translation fits. */
  message: string;
  /** What kind of problem: a zod issue code, or `character`, `yaml`, `frontMatter`, `id`, `source`, `markup`, `figure`. */
  code: string;
  /** zod's `minimum`/`maximum` of a too_small/too_big issue; `type`: what the value is (`received` of an invalid_type). */
  minimum?: number;
  maximum?: number;
  type?: string;
}

const buildSchemas = (ctx: CheckContext) => {
  const figure = figureSchema({ measureIds: ctx.measureIds, metrics: ctx.metrics });
  return {
    figure,
    case: caseSchema({ regions: [...ctx.regionIds], measures: [...ctx.measureIds] }, figure),
    // The studio names the raw file itself (src/lib/studio/savePlan.ts `seedName`); the build checks it on disk.
    source: sourceSchema(z.string()),
  };
};

const schemas = new WeakMap<CheckContext, ReturnType<typeof buildSchemas>>();

function schemasOf(ctx: CheckContext) {
  let s = schemas.get(ctx);
  if (!s) schemas.set(ctx, (s = buildSchemas(ctx)));
  return s;
}

/** The top-level field a line of the front matter belongs to ('' above the first). */
function fieldAtLine(lines: readonly string[], line: number): string {
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const key = /^([A-Za-z][\w-]*)\s*:/.exec(lines[i]!);
    if (key) return key[1]!;
  }
  return '';
}

function characterProblems(text: string, yamlLines: readonly string[], firstLine: number): Problem[] {
  return unsafeCharacters(text).map((c) => ({
    field: c.line - firstLine < yamlLines.length ? fieldAtLine(yamlLines, c.line - firstLine + 1) : 'body',
    code: 'character',
    message: `invisible or control character ${c.description} at line ${c.line}, column ${c.column}`,
    type: c.description,
  }));
}

function schemaProblems(error: z.ZodError): Problem[] {
  return error.issues.map((issue) => ({
    field: issue.path.join('.'),
    message: issue.message,
    code: issue.code,
    ...('minimum' in issue && { minimum: Number(issue.minimum) }),
    ...('maximum' in issue && { maximum: Number(issue.maximum) }),
    ...('type' in issue && { type: String(issue.type) }),
    ...('received' in issue && { type: String(issue.received) }),
  }));
}

/** Everything the build would refuse in a case file's text. */
export function caseProblems(text: string, ctx: CheckContext): Problem[] {
  const split = splitFrontMatter(text);
  if (!split) return [{ field: '', code: 'frontMatter', message: 'no front matter' }];
  const yamlLines = split.frontMatter.split('\n');
  const problems = characterProblems(text, yamlLines, 2);
  const source = parseYamlSource(split.frontMatter, 2);
  if (source.errors.length)
    return [...problems, ...source.errors.map((e) => ({ field: '', code: 'yaml', message: e.message }))];
  const raw = (source.data ?? {}) as Record<string, unknown>;
  if (typeof raw.slug === 'string' && !CONTENT_ID.test(raw.slug))
    problems.push({ field: 'slug', code: 'id', message: `the id “${raw.slug}” must be lowercase ASCII` });
  const schemas = schemasOf(ctx);
  const parsed = schemas.case.safeParse(raw);
  if (!parsed.success) problems.push(...schemaProblems(parsed.error));
  else if (!ctx.sourceExists(parsed.data.source))
    problems.push({ field: 'source', code: 'source', message: `unknown source “${parsed.data.source}”` });
  // The body checks run on the figures the schema accepts even when another field fails it:
  // the build would report them next, and the editor can fix both at once.
  const figures = Array.isArray(raw.figures) ? raw.figures : [];
  const valid = figures.flatMap((f, i) => {
    const figure = schemas.figure.safeParse(f);
    return figure.success ? [{ figure: figure.data, i }] : [];
  });
  const data = {
    title: String(raw.title ?? ''),
    originalTitle: typeof raw.originalTitle === 'string' ? raw.originalTitle : undefined,
    measures: Array.isArray(raw.measures) ? raw.measures.map(String) : [],
    figures: valid.map((v) => v.figure),
  };
  for (const p of caseBodyProblems(data, split.body.trim())) {
    problems.push(
      p.kind === 'markup'
        ? { field: 'body', code: 'markup', message: p.message }
        : { field: `figures.${valid[p.figure]!.i}`, code: 'figure', message: p.message },
    );
  }
  return problems;
}

/** Everything the build would refuse in a source record's text. */
export function sourceProblems(text: string, ctx: CheckContext): Problem[] {
  const problems = characterProblems(text, text.split('\n'), 1);
  const source = parseYamlSource(text);
  if (source.errors.length)
    return [...problems, ...source.errors.map((e) => ({ field: '', code: 'yaml', message: e.message }))];
  const parsed = schemasOf(ctx).source.safeParse(source.data);
  return parsed.success ? problems : [...problems, ...schemaProblems(parsed.error)];
}
