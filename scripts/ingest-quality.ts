/**
 * npm exec tsx scripts/ingest-quality.ts [--diff] [--json]
 *
 * Measures the ingest tool against the hand-curated cases: ingests every seed that a source
 * record in content/sources/ points to (with the CLI's runIngest, into a temporary --out dir) and
 * compares each draft with the curated case of the same reporting body:
 *   - text similarity of the body (1 − normalised Levenshtein distance over the text of
 *     headings and paragraphs, as the build reads them back),
 *   - whether the same reporting bodies were split out of each seed,
 *   - precision/recall of the proposed `measures:` against the curated lists,
 *   - whether region and date agree.
 * and, for the hand-written bulletins of other provinces in tests/fixtures/tagging/ (their
 * expected measures and key figures in expected.yaml), tag precision/recall and figure recall
 * with label, kind and period agreement.
 * --diff prints the curated paragraphs that the draft does not reproduce exactly.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONTENT_PATHS } from '../src/lib/content/contentFiles.ts';
import { readFrontMatter } from '../src/lib/content/frontMatter.ts';
import {
  precisionRecall,
  scoreFigures,
  scoreTags,
  type FigureExpectation,
  type FigureScore,
  type TagScore,
} from '../src/lib/ingest/run/quality.ts';
import { runIngest } from '../src/lib/ingest/run/runIngest.ts';
import { bodyBlocks } from '../src/lib/text/bodyText.ts';

const root = process.cwd();
const showDiff = process.argv.includes('--diff');
const asJson = process.argv.includes('--json');

interface CaseFile {
  slug: string;
  data: {
    body: string;
    region: string;
    date: string | number | Date;
    source: string;
    measures: string[];
    figures?: { label: string; value: number; unit: string; kind?: string; period?: { from?: number; to?: number } }[];
  };
  text: string;
  blocks: string[];
}

function readCase(path: string): CaseFile {
  const { data, body } = readFrontMatter<CaseFile['data']>(readFileSync(path, 'utf8'));
  if (!data.body) throw new Error(`${path}: no front matter`);
  const blocks = bodyBlocks(body).map((b) => b.text);
  return {
    slug: path
      .split('/')
      .pop()!
      .replace(/\.mdx$/, ''),
    data,
    text: blocks.join('\n'),
    blocks,
  };
}

const dateString = (d: CaseFile['data']['date']) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d));

/** 1 − Levenshtein(a, b) / max(|a|, |b|), two rows of memory. */
function similarity(a: string, b: string): number {
  if (!a.length && !b.length) return 1;
  const prev = new Int32Array(b.length + 1);
  const cur = new Int32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev.set(cur);
  }
  return 1 - prev[b.length]! / Math.max(a.length, b.length);
}

const curatedCases = readdirSync(join(root, CONTENT_PATHS.cases))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => readCase(join(root, CONTENT_PATHS.cases, f)));
const sources = new Map(
  readdirSync(join(root, CONTENT_PATHS.sources))
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => [
      f.replace(/\.ya?ml$/, ''),
      parse(readFileSync(join(root, CONTENT_PATHS.sources, f), 'utf8')) as { file: string },
    ]),
);
const seeds = [...new Set([...sources.values()].map((s) => s.file))].filter((f) => existsSync(join(root, f))).sort();

type Reports = { input: string; status: string; reason?: string; cases: { path: string; body: string }[] }[];

/** Runs the CLI's ingest (runIngest, in this process) on files into a temporary --out directory; its reports. */
async function ingestInto(out: string, files: string[]): Promise<Reports> {
  let stdout = '';
  const stderr: string[] = [];
  const code = await runIngest(
    files,
    { out, force: false, forceCurated: false, dryRun: false, json: true },
    { stdout: (text) => (stdout += text), stderr: (text) => stderr.push(text) },
  );
  if (code !== 0) {
    console.error(stdout, stderr.join('\n'));
    throw new Error(`ingest exited with ${code}`);
  }
  return JSON.parse(stdout) as Reports;
}

const out = mkdtempSync(join(tmpdir(), 'ingest-quality-'));
const started = Date.now();
const reports = await ingestInto(out, seeds);
const ingestMs = Date.now() - started;

interface Row {
  seed: string;
  curated: string;
  draft?: string;
  similarity: number;
  region: boolean;
  date: boolean;
  tp: number;
  proposed: number;
  expected: number;
  missing: string[];
  extra: string[];
}
const rows: Row[] = [];
const splits: { seed: string; expected: string[]; found: string[]; ok: boolean }[] = [];
const diffs: string[] = [];
for (const seed of seeds) {
  const report = reports.find((r) => r.input === seed)!;
  const keys = [...sources.entries()].filter(([, s]) => s.file === seed).map(([k]) => k);
  const curated = curatedCases.filter((c) => keys.includes(c.data.source));
  const drafts = report.cases.map((c) => readCase(join(out, c.path)));
  const expected = curated.map((c) => c.data.body).sort();
  const found = drafts.map((d) => d.data.body).sort();
  splits.push({ seed, expected, found, ok: JSON.stringify(expected) === JSON.stringify(found) });
  for (const c of curated) {
    const d = drafts.find((x) => x.data.body === c.data.body) ?? drafts.find((x) => x.data.region === c.data.region);
    const want = new Set(c.data.measures);
    const got = new Set(d?.data.measures ?? []);
    const tp = [...got].filter((m) => want.has(m)).length;
    rows.push({
      seed,
      curated: c.slug,
      ...(d && { draft: d.slug }),
      similarity: d ? similarity(c.text, d.text) : 0,
      region: d?.data.region === c.data.region,
      date: !!d && dateString(d.data.date) === dateString(c.data.date),
      tp,
      proposed: got.size,
      expected: want.size,
      missing: [...want].filter((m) => !got.has(m)),
      extra: [...got].filter((m) => !want.has(m)),
    });
    if (showDiff && d) {
      for (const block of c.blocks) {
        if (d.blocks.includes(block)) continue;
        const best = d.blocks.map((b) => ({ b, s: similarity(block, b) })).sort((x, y) => y.s - x.s)[0];
        diffs.push(
          `${c.slug}: curated block not reproduced (best ${best ? best.s.toFixed(3) : 0}):\n  curated: ${block.slice(0, 160)}\n  draft:   ${best?.b.slice(0, 160) ?? '—'}`,
        );
      }
    }
  }
}
rmSync(out, { recursive: true, force: true });

// Bulletins of other provinces, written for these tests, with the measures and figures an editor expects.
const fixtureDir = join(root, 'tests/fixtures/tagging');
const expectations = parse(readFileSync(join(fixtureDir, 'expected.yaml'), 'utf8')) as {
  file: string;
  kind: string;
  measures: string[];
  figures: FigureExpectation[];
}[];
const fixtureOut = mkdtempSync(join(tmpdir(), 'ingest-quality-fixtures-'));
const fixtureReports = await ingestInto(
  fixtureOut,
  expectations.map((e) => join(fixtureDir, e.file)),
);
const fixtureRows: { file: string; kind: string; tags: TagScore; figures: FigureScore }[] = expectations.map((e) => {
  const report = fixtureReports.find((r) => r.input.endsWith(`/${e.file}`));
  const draft = report?.cases[0] ? readCase(join(fixtureOut, report.cases[0].path)) : undefined;
  return {
    file: e.file,
    kind: e.kind,
    tags: scoreTags(draft?.data.measures ?? [], e.measures),
    figures: scoreFigures(draft?.data.figures ?? [], e.figures),
  };
});
rmSync(fixtureOut, { recursive: true, force: true });
const fixtureTags = precisionRecall(fixtureRows.map((r) => r.tags));
const figureSum = (f: (s: FigureScore) => number) => fixtureRows.reduce((n, r) => n + f(r.figures), 0);
const fixtureFigures = {
  recall:
    figureSum((s) => s.found) /
    Math.max(
      1,
      figureSum((s) => s.expected),
    ),
  labelOk:
    figureSum((s) => s.labelOk) /
    Math.max(
      1,
      figureSum((s) => s.found),
    ),
  kindOk:
    figureSum((s) => s.kindOk) /
    Math.max(
      1,
      figureSum((s) => s.found),
    ),
  periodOk:
    figureSum((s) => s.periodOk) /
    Math.max(
      1,
      figureSum((s) => s.found),
    ),
};

const sum = (f: (r: Row) => number) => rows.reduce((n, r) => n + f(r), 0);
const totals = {
  cases: rows.length,
  meanSimilarity: sum((r) => r.similarity) / rows.length,
  minSimilarity: Math.min(...rows.map((r) => r.similarity)),
  bodiesSplitCorrectly: `${splits.filter((s) => s.ok).length}/${splits.length} seeds`,
  precision:
    sum((r) => r.tp) /
    Math.max(
      1,
      sum((r) => r.proposed),
    ),
  recall:
    sum((r) => r.tp) /
    Math.max(
      1,
      sum((r) => r.expected),
    ),
  regionAgrees: `${rows.filter((r) => r.region).length}/${rows.length}`,
  dateAgrees: `${rows.filter((r) => r.date).length}/${rows.length}`,
  ingestMs,
};

if (asJson) {
  console.log(
    JSON.stringify(
      { totals, splits, rows, fixtures: { tags: fixtureTags, figures: fixtureFigures, rows: fixtureRows } },
      null,
      2,
    ),
  );
} else {
  console.log('seed bodies');
  for (const s of splits)
    console.log(
      `  ${s.ok ? '✓' : '✗'} ${s.seed}: ${s.found.join('、')}${s.ok ? '' : `  (curated: ${s.expected.join('、')})`}`,
    );
  console.log('\ncase                                   similarity  region date  tags P/R      missing | extra');
  for (const r of rows) {
    const p = r.proposed ? r.tp / r.proposed : 0;
    const rc = r.expected ? r.tp / r.expected : 0;
    console.log(
      `  ${r.curated.padEnd(36)} ${r.similarity.toFixed(4).padStart(8)}    ${r.region ? '✓' : '✗'}     ${r.date ? '✓' : '✗'}    ${p.toFixed(2)}/${rc.toFixed(2)}   ${r.missing.join(',') || '-'} | ${r.extra.join(',') || '-'}`,
    );
  }
  console.log(
    `\nmean similarity ${totals.meanSimilarity.toFixed(4)} (min ${totals.minSimilarity.toFixed(4)}); bodies split ${totals.bodiesSplitCorrectly}; tags precision ${totals.precision.toFixed(2)} recall ${totals.recall.toFixed(2)}; region ${totals.regionAgrees}; date ${totals.dateAgrees}; ingest ${ingestMs} ms`,
  );
  console.log(
    '\nother provinces (tests/fixtures/tagging)   tags P/R    figures found/label/kind/period   missing | extra',
  );
  for (const r of fixtureRows) {
    const t = r.tags;
    const f = r.figures;
    console.log(
      `  ${r.file.padEnd(32)} ${(t.tp / Math.max(1, t.proposed)).toFixed(2)}/${(t.tp / Math.max(1, t.expected)).toFixed(2)}   ${f.found}/${f.expected} ${f.labelOk} ${f.kindOk} ${f.periodOk}   ${t.missing.join(',') || '-'} | ${t.extra.join(',') || '-'}${f.missing.length ? `  figures missing: ${f.missing.join('、')}` : ''}`,
    );
  }
  console.log(
    `\nother provinces: tags precision ${fixtureTags.precision.toFixed(2)} recall ${fixtureTags.recall.toFixed(2)}; figure recall ${fixtureFigures.recall.toFixed(2)}, of those label ${fixtureFigures.labelOk.toFixed(2)}, kind ${fixtureFigures.kindOk.toFixed(2)}, period ${fixtureFigures.periodOk.toFixed(2)}`,
  );
  if (diffs.length) console.log(`\n${diffs.join('\n')}`);
}
