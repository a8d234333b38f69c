/**
 * The review report: what ingest found and did for one input, as data (printed as JSON with
 * `--json`) and as text for the editor (`formatReport`).
 */
import type { Confidence } from '../../model/tagging.ts';
import type { FigureProposal } from '../draft/figures.ts';
import type { RemovedKind } from '../structure/structure.ts';
import { UNSAFE_CLASSES, UNSAFE_EXTRA } from '../../text/unsafeChars.ts';

export interface MeasureLine {
  id: string;
  name: string;
  confidence: Confidence;
  score: number;
  mentions: number;
  /** Paragraph numbers (1-based, as the page anchors p-1, p-2 …) with mention counts. */
  paragraphs: { paragraph: number; count: number; terms: string[] }[];
  inHeading: boolean;
  /** Mentions stated as practised (an action verb governs them) and quantified (a figure stands with them). */
  practised: number;
  quantified: number;
  /** In the draft's `measures:` (otherwise listed as a comment for the editor). */
  proposed: boolean;
}

export interface CaseReport {
  slug: string;
  /** Path relative to the output directory: cases/<slug>.mdx. */
  path: string;
  written: boolean;
  /** Why the case was not written. */
  skipped?: string;
  title: string;
  originalTitle?: string;
  body: string;
  /** Where the reporting body was read from. */
  bodyFrom: string;
  author?: string;
  authorRole?: string;
  region: { code: string; trail: string; exact: boolean };
  date: string;
  dateNote?: string;
  summary: string;
  paragraphs: number;
  headings: number;
  measures: MeasureLine[];
  figures: Omit<FigureProposal, 'score'>[];
  removed: { kind: RemovedKind; line: number; text: string; keptAt?: number }[];
  uncertain: string[];
}

export interface FileAction {
  path: string;
  action: 'written' | 'would write' | 'exists' | 'unchanged' | 'skipped';
  note?: string;
}

export interface InputReport {
  input: string;
  status: 'ok' | 'partial' | 'rejected';
  reason?: string;
  encoding?: string;
  /** The format the input was read as (text, markdown, html, docx, pdf). */
  format?: string;
  masthead?: {
    title?: string;
    publication?: string;
    issue?: string;
    date?: string;
    publisher?: string;
    author?: string;
    url?: string;
    kind: string;
    other: string[];
  };
  source?: {
    key: string;
    path: string;
    file: string;
    date: string;
    dateNote?: string;
    title: string;
    /** The text's fingerprint (../draft/fingerprint.ts). */
    fingerprint?: string;
  };
  /** What kind of document it is (told by its structure), who issues it and its number. */
  document?: { kind: string; issuers: string[]; docNumber?: string; date?: string; dateFrom?: string };
  /** Reporting bodies found, in order. */
  bodies: string[];
  cases: CaseReport[];
  /** Removed outside any case: chrome, editor's notes, a preamble before the first body. */
  removed: { kind: RemovedKind; line: number; text: string }[];
  /** Lines to add to content/regions.yaml. */
  proposedRegions: string[];
  uncertain: string[];
  /** Filled in by the CLI: what happened to each file. */
  files: FileAction[];
}

/** The report of an input that was rejected before anything was drafted. */
export function rejectedReport(input: string, reason: string, encoding?: string): InputReport {
  return {
    input,
    status: 'rejected',
    reason,
    ...(encoding && { encoding }),
    bodies: [],
    cases: [],
    removed: [],
    proposedRegions: [],
    uncertain: [],
    files: [],
  };
}

/**
 * Characters that must not reach a terminal as themselves: the one unsafe list
 * (src/lib/text/unsafeChars.ts: controls — ESC can clear the screen, BEL rings, a lone CR
 * overwrites a line —, bidi controls that display 0051 as 1500, invisible and format characters,
 * separators, noncharacters), and tab, newline and CR, which a line of output does not contain.
 */
const { controls, bidi, invisible, separators, noncharacters } = UNSAFE_CLASSES;
const UNSAFE = new RegExp(
  `[${controls}${bidi}${invisible}${separators}${noncharacters}\\t\\n\\r]|${UNSAFE_EXTRA}`,
  'g',
);

/** The same in JSON, less the C0 controls, which JSON.stringify escapes already. */
const UNSAFE_IN_JSON = new RegExp(`[\\x7F-\\x9F${bidi}${invisible}${separators}${noncharacters}]|${UNSAFE_EXTRA}`, 'g');

const visible = (c: string) => {
  const names: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };
  return names[c] ?? `\\u{${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}}`;
};

/** One line of terminal output with every unsafe character shown as an escape (`\e`, `\u{202E}`). */
export function escapeTerminal(line: string): string {
  return line.replace(UNSAFE, visible);
}

/** JSON whose strings cannot carry bidi, separator or format characters to a terminal (still valid JSON). */
export function jsonForTerminal(value: unknown): string {
  // JSON.stringify already escapes C0 controls inside strings; the raw newlines left are the layout's.
  return JSON.stringify(value, null, 2).replace(
    UNSAFE_IN_JSON,
    // Each UTF-16 unit as its own escape: a tag character is a surrogate pair.
    (c) =>
      c
        .split('')
        .map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`)
        .join(''),
  );
}

const short = (s: string, n = 60) => (s.length > n ? `${s.slice(0, n)}…` : s);

const paraList = (m: MeasureLine) => m.paragraphs.map((p) => `¶${p.paragraph}×${p.count}`).join(' ');

/** The report as text, for a person. */
export function formatReport(r: InputReport): string {
  const out: string[] = [];
  const head = r.status === 'rejected' ? 'REJECTED' : r.status === 'partial' ? 'PARTLY WRITTEN' : 'OK';
  out.push(`━━ ${r.input} — ${head}${r.encoding ? ` (${r.encoding})` : ''}`);
  if (r.reason) out.push(`  reason: ${r.reason}`);
  if (r.document) out.push(documentLine(r.document));
  if (r.masthead) out.push(...mastheadLines(r.masthead));
  if (r.source) {
    out.push(`  source ${r.source.path}  (file: ${r.source.file}, date: ${r.source.date})`);
    if (r.source.dateNote) out.push(`    date note: ${r.source.dateNote}`);
  }
  if (r.bodies.length) out.push(`  reporting bodies (${r.bodies.length}): ${r.bodies.join('、')}`);
  for (const c of r.cases) out.push('', ...caseLines(c));
  if (r.removed.length) {
    out.push('', `  removed outside the cases (${r.removed.length})`);
    for (const x of r.removed)
      out.push(`    ${x.kind.padEnd(11)} line ${String(x.line).padStart(4)}  ${short(x.text)}`);
  }
  if (r.proposedRegions.length) {
    out.push('', '  proposed regions — add to content/regions.yaml:');
    for (const l of r.proposedRegions) out.push(`    ${l}`);
  }
  if (r.uncertain.length) {
    out.push('', '  check');
    for (const u of r.uncertain) out.push(`    ! ${u}`);
  }
  if (r.files.length) {
    out.push('', '  files');
    for (const f of r.files) out.push(`    ${f.action.padEnd(11)} ${f.path}${f.note ? `  (${f.note})` : ''}`);
  }
  // Every pushed string is one line: a newline or ESC inside a value is shown, never obeyed.
  return out.map(escapeTerminal).join('\n');
}

function documentLine(d: NonNullable<InputReport['document']>): string {
  const issued = d.issuers.length ? `, issued by ${d.issuers.join('、')}` : '';
  const dated = d.date ? `, dated ${d.date} (${d.dateFrom})` : '';
  return `  document    ${d.kind}${d.docNumber ? ` ${d.docNumber}` : ''}${issued}${dated}`;
}

function mastheadLines(m: NonNullable<InputReport['masthead']>): string[] {
  const out = ['  masthead'];
  const row = (k: string, v?: string) => v && out.push(`    ${k.padEnd(12)}${v}`);
  row('title', m.title);
  row('publication', m.publication);
  row('issue', m.issue);
  row('date', m.date);
  row('publisher', m.publisher);
  row('byline', m.author);
  row('url', m.url);
  row('kind', m.kind);
  for (const o of m.other) row('other line', o);
  return out;
}

/** One case: what was drafted, its measures and figures, what was removed and what to check. */
function caseLines(c: CaseReport): string[] {
  const out = [
    `  ▸ ${c.path}${c.written ? '' : `  — NOT WRITTEN: ${c.skipped}`}`,
    `    title       ${c.title}${c.originalTitle && c.originalTitle !== c.title ? `  (printed: ${c.originalTitle})` : ''}`,
    `    body        ${c.body}  [from ${c.bodyFrom}]`,
  ];
  if (c.author) out.push(`    author      ${c.author}${c.authorRole ? `, ${c.authorRole}` : ''}`);
  out.push(
    `    region      ${c.region.code} ${c.region.trail}${c.region.exact ? '' : '  (nearest existing region — see proposed regions)'}`,
    `    date        ${c.date}${c.dateNote ? `  (${c.dateNote})` : ''}`,
    `    summary     ${short(c.summary, 90)}  [drafted from the first sentences: rewrite]`,
    `    text        ${c.paragraphs} paragraphs, ${c.headings} headings`,
    ...measureLines(c.measures),
    ...figureLines(c.figures),
  );
  if (c.removed.length) {
    out.push(`    removed (${c.removed.length})`);
    for (const x of c.removed)
      out.push(
        `      ${x.kind.padEnd(11)} line ${String(x.line).padStart(4)}  ${short(x.text)}${x.keptAt ? `  (text kept at line ${x.keptAt})` : ''}`,
      );
  }
  if (c.uncertain.length) out.push('    check', ...c.uncertain.map((u) => `      ! ${u}`));
  return out;
}

function measureLines(measures: readonly MeasureLine[]): string[] {
  const out = [
    '    measures (score: mentions + 2×paragraphs + 5 if in a title or heading + 1 per practised mention, up to 2)',
  ];
  for (const m of measures) {
    const name = m.name + ' '.repeat(Math.max(1, 20 - 2 * m.name.length)); // Chinese characters are two columns wide
    out.push(
      `      ${m.proposed ? '✓' : '·'} ${m.id.padEnd(24)} ${name}${m.confidence.padEnd(6)} score ${String(m.score).padStart(3)}  ${m.mentions} mention(s) ${paraList(m)}${m.inHeading ? ' +heading' : ''}`,
    );
  }
  if (!measures.length) out.push('      (none)');
  return out;
}

function figureLines(figures: CaseReport['figures']): string[] {
  const out = [`    figures (${figures.length}, most salient first; kind: result | target | input | context)`];
  for (const f of figures) {
    const period = f.period ? ` ${f.period.from ? `${f.period.from}–` : ''}${f.period.to}` : '';
    out.push(
      `      ${f.kind.padEnd(7)} ${f.label}: ${f.display ?? `${f.value}${f.unit}`}${period}${f.measure ? ` [${f.measure}]` : ''}  ¶${f.paragraph + 1} “${f.quote}”`,
    );
  }
  return out;
}
