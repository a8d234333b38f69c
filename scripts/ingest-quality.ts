/**
 * npm exec tsx scripts/ingest-quality.ts [--diff] [--json]
 *
 * Measures the ingest tool against the hand-curated cases: ingests every seed that a source
 * record in content/sources/ points to (with the real CLI, into a temporary --out dir) and
 * compares each draft with the curated case of the same reporting body:
 *   - text similarity of the body (1 − normalised Levenshtein distance over the text of
 *     headings and paragraphs, as the build reads them back),
 *   - whether the same reporting bodies were split out of each seed,
 *   - precision/recall of the proposed `measures:` against the curated lists,
 *   - whether region and date agree.
 * --diff prints the curated paragraphs that the draft does not reproduce exactly.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CONTENT_PATHS } from '../src/lib/contentFiles.ts';
import { readFrontMatter } from '../src/lib/frontMatter.ts';
import { bodyBlocks } from '../src/lib/text.ts';

const root = process.cwd();
const showDiff = process.argv.includes('--diff');
const asJson = process.argv.includes('--json');

interface CaseFile {
  slug: string;
  data: { body: string; region: string; date: string | number | Date; source: string; measures: string[] };
  text: string;
  blocks: string[];
}

function readCase(path: string): CaseFile {
  const { data, body } = readFrontMatter<CaseFile['data']>(readFileSync(path, 'utf8'));
  if (!data.body) throw new Error(`${path}: no front matter`);
  const blocks = bodyBlocks(body).map((b) => b.text);
  return { slug: path.split('/').pop()!.replace(/\.mdx$/, ''), data, text: blocks.join('\n'), blocks };
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
    .map((f) => [f.replace(/\.ya?ml$/, ''), parse(readFileSync(join(root, CONTENT_PATHS.sources, f), 'utf8')) as { file: string }]),
);
const seeds = [...new Set([...sources.values()].map((s) => s.file))].filter((f) => existsSync(join(root, f))).sort();

const out = mkdtempSync(join(tmpdir(), 'ingest-quality-'));
const started = Date.now();
const run = spawnSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/ingest.ts'), ...seeds, '--out', out, '--json'], {
  cwd: root,
  encoding: 'utf8',
});
const ingestMs = Date.now() - started;
if (run.status !== 0) {
  console.error(run.stdout, run.stderr);
  throw new Error(`ingest exited with ${run.status}`);
}
const reports = JSON.parse(run.stdout) as { input: string; cases: { path: string; body: string }[] }[];

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
        diffs.push(`${c.slug}: curated block not reproduced (best ${best ? best.s.toFixed(3) : 0}):\n  curated: ${block.slice(0, 160)}\n  draft:   ${best?.b.slice(0, 160) ?? '—'}`);
      }
    }
  }
}
rmSync(out, { recursive: true, force: true });

const sum = (f: (r: Row) => number) => rows.reduce((n, r) => n + f(r), 0);
const totals = {
  cases: rows.length,
  meanSimilarity: sum((r) => r.similarity) / rows.length,
  minSimilarity: Math.min(...rows.map((r) => r.similarity)),
  bodiesSplitCorrectly: `${splits.filter((s) => s.ok).length}/${splits.length} seeds`,
  precision: sum((r) => r.tp) / Math.max(1, sum((r) => r.proposed)),
  recall: sum((r) => r.tp) / Math.max(1, sum((r) => r.expected)),
  regionAgrees: `${rows.filter((r) => r.region).length}/${rows.length}`,
  dateAgrees: `${rows.filter((r) => r.date).length}/${rows.length}`,
  ingestMs,
};

if (asJson) {
  console.log(JSON.stringify({ totals, splits, rows }, null, 2));
} else {
  console.log('seed bodies');
  for (const s of splits) console.log(`  ${s.ok ? '✓' : '✗'} ${s.seed}: ${s.found.join('、')}${s.ok ? '' : `  (curated: ${s.expected.join('、')})`}`);
  console.log('\ncase                                   similarity  region date  tags P/R      missing | extra');
  for (const r of rows) {
    const p = r.proposed ? r.tp / r.proposed : 0;
    const rc = r.expected ? r.tp / r.expected : 0;
    console.log(`  ${r.curated.padEnd(36)} ${r.similarity.toFixed(4).padStart(8)}    ${r.region ? '✓' : '✗'}     ${r.date ? '✓' : '✗'}    ${p.toFixed(2)}/${rc.toFixed(2)}   ${r.missing.join(',') || '-'} | ${r.extra.join(',') || '-'}`);
  }
  console.log(`\nmean similarity ${totals.meanSimilarity.toFixed(4)} (min ${totals.minSimilarity.toFixed(4)}); bodies split ${totals.bodiesSplitCorrectly}; tags precision ${totals.precision.toFixed(2)} recall ${totals.recall.toFixed(2)}; region ${totals.regionAgrees}; date ${totals.dateAgrees}; ingest ${ingestMs} ms`);
  if (diffs.length) console.log(`\n${diffs.join('\n')}`);
}
