// Every example in content/README.md is valid content: an editor who copies it gets a case that
// builds. Checked with the build's own schemas and text checks (src/content.config.ts), not a build.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_PATHS, readMeasures } from '../../../src/lib/content/contentFiles.ts';
import { loadRegions } from '../../../src/lib/content/loadRegions.ts';
import { loadMetrics } from '../../../src/lib/content/loadMetrics.ts';
import { characterProblems } from '../../../src/lib/content/read.ts';
import { parseYamlSource, splitFrontMatter } from '../../../src/lib/content/yamlSource.ts';
import { checkFigures } from '../../../src/lib/model/figures.ts';
import { paragraphs, unescapedMarkup } from '../../../src/lib/text/bodyText.ts';
import { caseSchema } from '../../../src/schemas/case.ts';
import { figureSchema } from '../../../src/schemas/figure.ts';

const README = 'content/README.md';
const text = readFileSync(README, 'utf8');
const examples = [...text.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, code: m[2]! }));

const measureIds = readMeasures().map((m) => m.id);
const schema = caseSchema(
  { regions: loadRegions().map((r) => r.id), measures: measureIds },
  figureSchema({ measureIds, metrics: loadMetrics(measureIds) }),
);

/** What the build would say about a case file (empty when it builds). */
function caseProblems(code: string): string[] {
  const split = splitFrontMatter(code);
  if (!split) return ['no front matter'];
  const source = parseYamlSource(split.frontMatter, 2);
  if (source.errors.length) return source.errors.map((e) => `${e.line}: ${e.message}`);
  const parsed = schema.safeParse(source.data);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  const data = parsed.data;
  return [
    ...characterProblems(README, code).map((p) => p.message),
    ...(existsSync(join(CONTENT_PATHS.sources, `${data.source}.yaml`)) ? [] : [`unknown source ${data.source}`]),
    ...unescapedMarkup(split.body).map((line) => `raw markup: ${line}`),
    ...checkFigures(paragraphs(split.body), data.figures, data.measures, {
      titles: [data.title, data.originalTitle ?? ''],
    }).map((p) => `figure ${p.figure + 1}: ${p.message}`),
  ];
}

describe('content/README.md examples', () => {
  it('has examples, each in a language this test knows how to check', () => {
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.map((e) => e.lang).filter((l) => l !== 'mdx')).toEqual([]);
  });
  it.each(examples.filter((e) => e.lang === 'mdx').map((e, i) => [i + 1, e.code] as const))(
    'case example %i builds as it stands',
    (_, code) => {
      expect(caseProblems(code)).toEqual([]);
    },
  );
  it('the check fails an example that would not build (retired year:, no kind)', () => {
    const broken = examples[0]!.code.replace(/ {4}kind: result[^\n]*\n/, '').replace(/period: \{ to: 2025 \}/, 'year: 2025');
    expect(caseProblems(broken).join('\n')).toMatch(/year.*unknown key|kind/);
  });
});
