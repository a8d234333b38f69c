/**
 * Stages "tag", "figures" and "summary" for one section (one reporting body's account): its
 * body and region (../structure/bodies.ts), the measures it practises (./measures.ts), its key figures
 * (./figures.ts), an extractive summary (./summary.ts), and the case's front matter
 * and report. Pure: names (slugs) are given later, when all cases of the input are known.
 */
import type { MeasureRecord } from '../../content/contentFiles.ts';
import { regionTrail, type DivisionDataset, type Region } from '../../model/regions.ts';
import type { DocumentMeta } from '../structure/blocks.ts';
import { bodyName, guessBody, pickRegion, placeOf } from '../structure/bodies.ts';
import { sectionDate, type DocumentDate } from '../structure/dating.ts';
import type { CaseFrontMatter } from './files.ts';
import type { DocKindInfo } from '../structure/kind.ts';
import { extractFigures } from './figures.ts';
import { notACase, proposeMeasures } from './measures.ts';
import { guessMetric, type Metric } from '../../model/metrics.ts';
import { joinTitle, type DocumentHead } from '../structure/metadata.ts';
import { maskBodies, type PlaceChain } from '../structure/orgs.ts';
import type { CaseReport, MeasureLine } from '../run/report.ts';
import type { Section } from '../structure/structure.ts';
import { extractiveSummary } from './summary.ts';

export interface CaseContext {
  head: DocumentHead;
  meta: DocumentMeta;
  /** Title lines of the whole document (for a section that has none of its own). */
  docTitleLines: string[];
  date: DocumentDate;
  /** Places (provinces, cities) the whole text names: they decide between same-named districts. */
  hints: string[];
  /** The kind of document and the bodies and date its frame prints. */
  kind: DocKindInfo;
  /** True when the input has more than one section (bylines of the head then belong to none). */
  compilation: boolean;
  docBylines: { name: string; role: string }[];
  measures: readonly MeasureRecord[];
  /** The metric vocabulary, for proposing a figure's metric (none: no metric proposed). */
  metrics: readonly Metric[];
  regions: readonly Region[];
  divisions: DivisionDataset;
  force: boolean;
  /** For a traditional-character text: its simplified copy, character for character, for the analysis. */
  simplify?: (text: string) => string;
}

export interface BuiltCase {
  fm: CaseFrontMatter;
  report: CaseReport;
  section: Section;
  chain?: PlaceChain;
  /** Passing mentions (not proposed), for the draft's comment. */
  low: MeasureLine[];
  write: boolean;
  /** Lines the report proposes for content/regions.yaml. */
  proposedRegions: string[];
}

const QUESTION = /^(问|Q)\s*\d*\s*[:：]|[？?]$/;

/**
 * The printed title of a case: a compilation's section has its own (or none); a single text
 * signed under its title (a speech: 标题 / 日期 / 局长 某某) has the document's.
 */
function caseTitle(section: Section, docTitle: string, compilation: boolean): string {
  if (!section.marker) return docTitle;
  return joinTitle(section.titleLines) || (compilation ? '' : docTitle);
}

/** What the analysis reads: the section, titles and masthead in simplified characters. */
interface View {
  section: Section;
  paragraphs: string[];
  headings: string[];
  /** The printed title of the case (simplified). */
  printed: string;
  head: DocumentHead;
  docTitleLines: string[];
  text: string;
}

function analysisView(section: Section, ctx: CaseContext): View {
  const s = ctx.simplify ?? ((t: string) => t);
  const view: Section = {
    ...section,
    titleLines: section.titleLines.map(s),
    items: section.items.map((i) => ({ ...i, text: s(i.text) })),
  };
  const { masthead } = ctx.head;
  const head: DocumentHead = {
    ...ctx.head,
    title: s(ctx.head.title),
    masthead: {
      ...masthead,
      ...(masthead.publisher && { publisher: s(masthead.publisher) }),
      ...(masthead.publication && { publication: s(masthead.publication) }),
      other: masthead.other.map(s),
    },
  };
  return {
    section: view,
    paragraphs: view.items.filter((i) => i.kind === 'paragraph').map((i) => i.text),
    headings: view.items.filter((i) => i.kind === 'heading').map((i) => i.text),
    printed: caseTitle(view, head.title, ctx.compilation),
    head,
    docTitleLines: ctx.docTitleLines.map(s),
    text: [...view.titleLines, ...view.items.map((i) => i.text)].join('\n'),
  };
}

/** The reporting body, its place and the case's region. */
function bodyAndRegion(view: View, ctx: CaseContext, uncertain: string[]) {
  const { divisions: data, hints } = ctx;
  const { masthead } = view.head;
  const guess = guessBody(view.section, {
    masthead,
    meta: ctx.meta,
    docTitleLines: view.docTitleLines,
    data,
    hints,
    kind: ctx.kind,
  });
  const context = [
    masthead.publisher,
    masthead.publication,
    ...masthead.other,
    view.printed,
    view.head.title,
    view.paragraphs[0],
  ].filter((s): s is string => !!s);
  const place = placeOf(guess.mention, context, data, hints);
  if (place.note) uncertain.push(place.note);
  // A body that stands in by its name (an outlet) is named as printed.
  const named = bodyName(guess, place.chain, ctx.head.masthead);
  if (named.note) uncertain.push(named.note);
  const pick = pickRegion(place.chain, view.text, ctx.regions, data);
  if (pick.note) uncertain.push(pick.note);
  return { guess, place, body: named.body, pick };
}

/** The measures the case practises (proposed) and passes by (listed), and whether it is a case at all. */
function caseMeasures(view: View, ctx: CaseContext, uncertain: string[]) {
  // The title lines count as headings: a term or number they repeat is a headline.
  const headlines = [...new Set([view.printed, view.head.title].filter((s): s is string => !!s)), ...view.headings];
  // A measure's word inside a body's name (教育科技体育局) is no evidence of practice.
  const masked = view.paragraphs.map((p) => maskBodies(p, ctx.divisions));
  // A question (问：…？) asks about a measure; it does not name what the text practises.
  const stated = headlines.filter((h) => !QUESTION.test(h));
  const proposal = proposeMeasures(
    masked,
    stated.map((h) => maskBodies(h, ctx.divisions)),
    ctx.measures,
  );
  const byId = new Map(ctx.measures.map((m) => [m.id, m]));
  const line = (e: (typeof proposal.selected)[number], proposed: boolean): MeasureLine => ({
    id: e.measure,
    name: byId.get(e.measure)?.name ?? e.measure,
    confidence: e.confidence,
    score: e.score,
    mentions: e.mentions,
    paragraphs: e.paragraphs.map((p) => ({ paragraph: p.index + 1, count: p.count, terms: p.terms })),
    inHeading: e.inHeading,
    practised: e.practised,
    quantified: e.quantified,
    proposed,
  });
  const notCase = notACase(view.text, proposal);
  let selected = proposal.selected;
  if (notCase && ctx.force) uncertain.push(`written with --force although ${notCase}`);
  if (notCase && ctx.force && !selected.length && proposal.low.length) {
    selected = proposal.low.slice(0, 1);
    uncertain.push(`written with --force: \`measures:\` holds only the best passing mention (${selected[0]!.measure})`);
  } else if (notCase && ctx.force && !selected.length) {
    uncertain.push(
      'written with --force but no measure is mentioned at all: add one to `measures:` or the build fails',
    );
  }
  const lines = [
    ...selected.map((e) => line(e, true)),
    ...proposal.low.filter((e) => !selected.includes(e)).map((e) => line(e, false)),
  ];
  const ranked = selected.map((e) => byId.get(e.measure)).filter((m): m is MeasureRecord => !!m);
  return { selected, lines, ranked, notCase, headlines };
}

/** What one section's analysis found, before it is written as front matter and report. */
interface CaseParts {
  section: Section;
  view: View;
  paragraphs: string[];
  printed: string;
  title: string;
  summary: string;
  author: string | undefined;
  authorRole: string | undefined;
  found: ReturnType<typeof bodyAndRegion>;
  measures: ReturnType<typeof caseMeasures>;
  figures: ReturnType<typeof extractFigures>;
  dated: ReturnType<typeof sectionDate>;
  uncertain: string[];
}

/** One section → the case's front matter and report. */
export function buildCase(section: Section, ctx: CaseContext): BuiltCase {
  const uncertain = [...section.notes];
  const view = analysisView(section, ctx);
  const paragraphs = section.items.filter((i) => i.kind === 'paragraph').map((i) => i.text);
  const printed = caseTitle(section, ctx.head.title, ctx.compilation);
  const found = bodyAndRegion(view, ctx, uncertain);
  const measures = caseMeasures(view, ctx, uncertain);
  // Figures: found in the analysis copy, quoted from the text as printed.
  const figures = extractFigures(paragraphs, {
    measures: measures.ranked,
    headings: measures.headlines,
    analysis: view.paragraphs,
    norms: !!ctx.kind.prescriptive,
  });
  if (figures.length < 3)
    uncertain.push(`only ${figures.length} key figure(s) found: add figures by hand if the text has more`);
  const { author, authorRole } = caseAuthor(section, found.guess, ctx);
  const title = draftTitle(printed, found.body, measures.ranked, uncertain);
  const summary = draftSummary(paragraphs, title, measures.selected, ctx, uncertain);
  const dated = sectionDate(ctx.date, ctx.head, view.text);
  if (dated.note) uncertain.push(dated.note);
  const parts: CaseParts = {
    section,
    view,
    paragraphs,
    printed,
    title,
    summary,
    author,
    authorRole,
    found,
    measures,
    figures,
    dated,
    uncertain,
  };
  const report = caseReport(parts, ctx);
  return {
    fm: caseFrontMatter(parts, ctx),
    report,
    section,
    ...(found.place.chain && { chain: found.place.chain }),
    low: measures.lines.filter((m) => !m.proposed),
    write: report.written,
    proposedRegions: found.pick.proposed,
  };
}

/** The author: the body's signatory, else the bylines (the document's only when it is one text). */
function caseAuthor(section: Section, guess: ReturnType<typeof bodyAndRegion>['guess'], ctx: CaseContext) {
  const bylines = [...(ctx.compilation ? [] : ctx.docBylines), ...section.bylines];
  const author = guess.author ?? (bylines.length ? bylines.map((b) => b.name).join('、') : undefined);
  const authorRole = guess.authorRole ?? bylines[0]?.role;
  return { author, authorRole };
}

/** The printed title, or (none printed) one drafted from the body and its measures, said so. */
function draftTitle(printed: string, body: string, ranked: readonly MeasureRecord[], uncertain: string[]): string {
  if (printed.length >= 4) return printed;
  uncertain.push('no printed title: `title:` drafted from the body and its measures — write one');
  return `${body}：${
    ranked
      .slice(0, 3)
      .map((m) => m.name)
      .join('、') || '工作报告'
  }`;
}

/** Sentences of the text as the summary (ranked by the measures' terms), or a placeholder to write. */
function draftSummary(
  paragraphs: readonly string[],
  title: string,
  selected: ReturnType<typeof caseMeasures>['selected'],
  ctx: CaseContext,
  uncertain: string[],
): string {
  const terms = selected.flatMap((e) => e.paragraphs.flatMap((p) => p.terms));
  const drafted = extractiveSummary(paragraphs, {
    terms,
    ...(ctx.simplify && { analyse: ctx.simplify }),
    ...(ctx.kind.kind === 'regulation' && { purposeFirst: true }),
  });
  uncertain.push(
    drafted?.cut
      ? 'summary: no sentence of the text is short enough — the first one is cut: rewrite it'
      : `summary: ${drafted?.sentences.length ?? 0} sentence(s) taken verbatim from the text (ranked by measure terms and figures): review`,
  );
  return drafted && drafted.text.length >= 10 ? drafted.text : `${title}（摘要待写）`.slice(0, 300);
}

function caseFrontMatter(parts: CaseParts, ctx: CaseContext): CaseFrontMatter {
  const { printed, title, summary, author, authorRole, found, dated } = parts;
  return {
    draft: true,
    title,
    ...(printed.length >= 4 && { originalTitle: printed }),
    summary,
    region: found.pick.region?.id ?? '000000',
    body: found.body,
    ...(author && { author }),
    ...(authorRole && { authorRole }),
    date: dated.date,
    ...(dated.dateNote && { dateNote: dated.dateNote }),
    source: '',
    measures: parts.measures.selected.map((e) => e.measure),
    figures: parts.figures.map(({ paragraph: _p, score: _s, ...f }) => {
      const metric = guessMetric(f.label, f.unit, f.measure, ctx.metrics)?.metric;
      return metric ? { ...f, metric: metric.id } : f;
    }),
  };
}

function caseReport(parts: CaseParts, ctx: CaseContext): CaseReport {
  const { printed, title, author, authorRole, found, dated, measures } = parts;
  const { pick } = found;
  const notCase = measures.notCase;
  return {
    slug: '',
    path: '',
    written: !notCase || ctx.force,
    ...(notCase && !ctx.force && { skipped: `${notCase} (use --force to write it anyway)` }),
    title,
    ...(printed && { originalTitle: printed }),
    body: found.body,
    bodyFrom: found.guess.from,
    ...(author && { author }),
    ...(authorRole && { authorRole }),
    region: pick.region
      ? { code: pick.region.id, trail: regionTrail(pick.region), exact: pick.exact }
      : { code: '000000', trail: '(none)', exact: false },
    date: dated.date,
    ...(dated.dateNote && { dateNote: dated.dateNote }),
    summary: parts.summary,
    paragraphs: parts.paragraphs.length,
    headings: parts.view.headings.length,
    measures: measures.lines,
    figures: parts.figures.map(({ score: _s, ...f }) => f),
    removed: parts.section.removed.map((r) => ({
      kind: r.kind,
      line: r.line,
      text: r.text,
      ...(r.keptAt && { keptAt: r.keptAt }),
    })),
    uncertain: parts.uncertain,
  };
}
