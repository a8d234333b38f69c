/**
 * Stages "tag", "figures" and "summary" for one section (one reporting body's account): its
 * body and region (./bodies.ts), the measures it practises (./measures.ts), its key figures
 * (./extractFigures.ts), an extractive summary (./summary.ts), and the case's front matter
 * and report. Pure: names (slugs) are given later, when all cases of the input are known.
 */
import type { MeasureRecord } from '../contentFiles.ts';
import { regionTrail, type DivisionDataset, type Region } from '../regions.ts';
import type { DocumentMeta } from './blocks.ts';
import { bodyName, guessBody, pickRegion, placeOf } from './bodies.ts';
import { sectionDate, type DocumentDate } from './dating.ts';
import type { CaseFrontMatter } from './draft.ts';
import { extractFigures } from './extractFigures.ts';
import { notACase, proposeMeasures } from './measures.ts';
import { guessMetric, type Metric } from '../metrics.ts';
import { joinTitle, type DocumentHead } from './metadata.ts';
import type { PlaceChain } from './orgs.ts';
import type { CaseReport, MeasureLine } from './report.ts';
import type { Section } from './structure.ts';
import { extractiveSummary } from './summary.ts';

export interface CaseContext {
  head: DocumentHead;
  meta: DocumentMeta;
  /** Title lines of the whole document (for a section that has none of its own). */
  docTitleLines: string[];
  date: DocumentDate;
  /** Places (provinces, cities) the whole text names: they decide between same-named districts. */
  hints: string[];
  /** True when the input has more than one section (bylines of the head then belong to none). */
  compilation: boolean;
  docBylines: { name: string; role: string }[];
  measures: readonly MeasureRecord[];
  /** The metric vocabulary, for proposing a figure's metric (none: no metric proposed). */
  metrics: readonly Metric[];
  regions: readonly Region[];
  divisions: DivisionDataset;
  force: boolean;
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

/** One section → the case's front matter and report. */
export function buildCase(section: Section, ctx: CaseContext): BuiltCase {
  const { head, divisions: data, hints } = ctx;
  const { masthead } = head;
  const uncertain = [...section.notes];
  const paragraphs = section.items.filter((i) => i.kind === 'paragraph').map((i) => i.text);
  const headings = section.items.filter((i) => i.kind === 'heading').map((i) => i.text);
  const printed = section.marker ? joinTitle(section.titleLines) : head.title;

  // Body and region.
  const guess = guessBody(section, masthead, ctx.meta, ctx.docTitleLines, data, hints);
  const context = [
    masthead.publisher,
    masthead.publication,
    ...masthead.other,
    printed,
    head.title,
    paragraphs[0],
  ].filter((s): s is string => !!s);
  const place = placeOf(guess.mention, context, data, hints);
  if (place.note) uncertain.push(place.note);
  const named = bodyName(guess, place.chain, masthead);
  if (named.note) uncertain.push(named.note);
  const body = named.body;
  const sectionText = [...section.titleLines, ...section.items.map((i) => i.text)].join('\n');
  const pick = pickRegion(place.chain, sectionText, ctx.regions, data);
  if (pick.note) uncertain.push(pick.note);

  // Tag. The title lines count as headings: a term or number they repeat is a headline.
  const headlines = [...new Set([printed, head.title].filter((s): s is string => !!s)), ...headings];
  const proposal = proposeMeasures(paragraphs, headlines, ctx.measures);
  const byId = new Map(ctx.measures.map((m) => [m.id, m]));
  const line = (e: (typeof proposal.selected)[number], proposed: boolean): MeasureLine => ({
    id: e.measure,
    name: byId.get(e.measure)?.name ?? e.measure,
    confidence: e.confidence,
    score: e.score,
    mentions: e.mentions,
    paragraphs: e.paragraphs.map((p) => ({ paragraph: p.index + 1, count: p.count, terms: p.terms })),
    inHeading: e.inHeading,
    proposed,
  });
  const notCase = notACase(sectionText, proposal);
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
  const measureLines = [
    ...selected.map((e) => line(e, true)),
    ...proposal.low.filter((e) => !selected.includes(e)).map((e) => line(e, false)),
  ];
  const ranked = selected.map((e) => byId.get(e.measure)).filter((m): m is MeasureRecord => !!m);

  // Figures.
  const figures = extractFigures(paragraphs, { measures: ranked, headings: headlines });
  if (figures.length < 3)
    uncertain.push(`only ${figures.length} key figure(s) found: add figures by hand if the text has more`);

  // People, title, summary, date.
  const bylines = [...(ctx.compilation ? [] : ctx.docBylines), ...section.bylines];
  const author = guess.author ?? (bylines.length ? bylines.map((b) => b.name).join('、') : undefined);
  const authorRole = guess.authorRole ?? bylines[0]?.role;
  const title =
    printed.length >= 4
      ? printed
      : `${body}：${
          ranked
            .slice(0, 3)
            .map((m) => m.name)
            .join('、') || '工作报告'
        }`;
  if (printed.length < 4)
    uncertain.push('no printed title: `title:` drafted from the body and its measures — write one');
  const terms = selected.flatMap((e) => e.paragraphs.flatMap((p) => p.terms));
  const drafted = extractiveSummary(paragraphs, { terms });
  const summary = drafted && drafted.text.length >= 10 ? drafted.text : `${title}（摘要待写）`.slice(0, 300);
  uncertain.push(
    drafted?.cut
      ? 'summary: no sentence of the text is short enough — the first one is cut: rewrite it'
      : `summary: ${drafted?.sentences.length ?? 0} sentence(s) taken verbatim from the text (ranked by measure terms and figures): review`,
  );
  const dated = sectionDate(ctx.date, head, sectionText);
  if (dated.note) uncertain.push(dated.note);

  const fm: CaseFrontMatter = {
    title,
    ...(printed.length >= 4 && { originalTitle: printed }),
    summary,
    region: pick.region?.id ?? '000000',
    body,
    ...(author && { author }),
    ...(authorRole && { authorRole }),
    date: dated.date,
    ...(dated.dateNote && { dateNote: dated.dateNote }),
    source: '',
    measures: selected.map((e) => e.measure),
    figures: figures.map(({ paragraph: _p, score: _s, ...f }) => {
      const metric = guessMetric(f.label, f.unit, f.measure, ctx.metrics)?.metric;
      return metric ? { ...f, metric: metric.id } : f;
    }),
  };
  const report: CaseReport = {
    slug: '',
    path: '',
    written: !notCase || ctx.force,
    ...(notCase && !ctx.force && { skipped: `${notCase} (use --force to write it anyway)` }),
    title,
    ...(printed && { originalTitle: printed }),
    body,
    bodyFrom: guess.from,
    ...(author && { author }),
    ...(authorRole && { authorRole }),
    region: pick.region
      ? { code: pick.region.id, trail: regionTrail(pick.region), exact: pick.exact }
      : { code: '000000', trail: '(none)', exact: false },
    date: dated.date,
    ...(dated.dateNote && { dateNote: dated.dateNote }),
    summary,
    paragraphs: paragraphs.length,
    headings: headings.length,
    measures: measureLines,
    figures: figures.map(({ score: _s, ...f }) => f),
    removed: section.removed.map((r) => ({
      kind: r.kind,
      line: r.line,
      text: r.text,
      ...(r.keptAt && { keptAt: r.keptAt }),
    })),
    uncertain,
  };
  return {
    fm,
    report,
    section,
    ...(place.chain && { chain: place.chain }),
    low: measureLines.filter((m) => !m.proposed),
    write: report.written,
    proposedRegions: pick.proposed,
  };
}
