/**
 * ingest(text | bytes, options) → { cases, source, report, issues }: one raw bulletin to
 * reviewed-ready drafts. Pure: the caller reads the taxonomy, regions and existing files
 * and writes what comes back (see ./fileIO.ts and scripts/ingest.ts).
 */
import type { MeasureRecord } from '../contentFiles.ts';
import { resolveRegionPath, regionTrail, type DivisionDataset, type Region } from '../regions.ts';
import { countHan } from '../han.ts';
import { decodeBytes, MAX_INPUT_BYTES } from './decode.ts';
import { latestReportedYear, titleYear } from './dating.ts';
import { caseMdx, sourceYaml, type CaseFrontMatter, type SourceRecord } from './draft.ts';
import { extractFigures } from './extractFigures.ts';
import { parseMasthead, type Masthead } from './masthead.ts';
import { notACase, proposeMeasures } from './measures.ts';
import { canonicalBody, findOrgs, parsePlace, placesIn, type OrgMention, type PlaceChain } from './orgs.ts';
import type { CaseReport, InputReport, MeasureLine } from './report.ts';
import { chainSlug, freeName, slugify } from './slug.ts';
import { structureDocument, type Section } from './structure.ts';

export interface IngestOptions {
  /** The input as named on the command line (for messages). */
  fileName: string;
  /** The source record's `file:`, e.g. `seeds/2025-10-shangjie-xinxi-49.txt`. */
  seedFile: string;
  /** Taxonomy (`readMeasures()`). */
  measures: readonly MeasureRecord[];
  /** The site's regions (`loadRegions()`). */
  regions: readonly Region[];
  /** GB/T 2260 dataset (`loadDivisionDataset()`). */
  divisions: DivisionDataset;
  /** `source:` of an existing case file with this slug, undefined when there is none. */
  caseOwner?: (slug: string) => string | undefined;
  /** `file:` of an existing source record with this key, undefined when there is none. */
  sourceOwner?: (key: string) => string | undefined;
  /** Key of an existing source record whose `file:` is this seed (a re-ingest), if any. */
  sourceKeyOf?: (seedFile: string) => string | undefined;
  /** Write cases with no education measures anyway. @default false */
  force?: boolean;
  /**
   * The editor's date (YYYY, YYYY-MM or YYYY-MM-DD) for a text that prints no date and no
   * year. Without it such a text is rejected: the casebook never invents a date.
   */
  fallbackDate?: string;
  /** @default MAX_INPUT_BYTES (2 MiB) */
  maxBytes?: number;
}

export interface DraftFile {
  /** Relative to the output directory: `cases/<slug>.mdx`, `sources/<key>.yaml`. */
  path: string;
  text: string;
}

export interface IngestResult {
  /** False when the input was rejected (nothing to write). */
  ok: boolean;
  cases: DraftFile[];
  source?: DraftFile;
  report: InputReport;
  /** Everything an editor should check, flattened (also inside the report). */
  issues: string[];
}

/** Minimum Chinese characters, and their share of non-space characters, for a bulletin. */
export const MIN_CJK = 100;
export const MIN_CJK_SHARE = 0.3;

const PLACEHOLDER_BODY = '（报送单位待定）';

function reject(fileName: string, reason: string, encoding?: string): IngestResult {
  return {
    ok: false,
    cases: [],
    report: { input: fileName, status: 'rejected', reason, ...(encoding && { encoding }), bodies: [], cases: [], removed: [], proposedRegions: [], uncertain: [], files: [] },
    issues: [reason],
  };
}

interface BodyGuess {
  mention?: OrgMention;
  from: string;
  author?: string;
  authorRole?: string;
}

/** Where a section's reporting body is named: marker, closing signature, title, masthead, text. */
function guessBody(section: Section, masthead: Masthead, doc: { titleLines: string[] }, data: DivisionDataset, hints: string[]): BodyGuess {
  const sig = section.marker?.signature ?? section.closing?.signature;
  if (section.marker) return { mention: section.marker.org, from: `${section.marker.kind === 'signature' ? 'signature' : 'heading line'} “${section.marker.text}” (line ${section.marker.line})`, ...(sig && { author: sig.name, authorRole: sig.role }) };
  if (section.closing) return { mention: section.closing.org, from: `closing signature (line ${section.closing.line})`, ...(sig && { author: sig.name, authorRole: sig.role }) };
  const last = section.items.filter((i) => i.kind === 'paragraph').at(-1)?.text ?? '';
  const trailing = /[（(]([^（）()]{2,24})[)）]$/.exec(last)?.[1];
  const fromTrailing = trailing ? findOrgs(trailing, data, hints)[0] : undefined;
  if (fromTrailing) return { mention: fromTrailing, from: `signature at the end of the text “（${trailing}）”` };
  const titles = (section.titleLines.length ? section.titleLines : doc.titleLines).join(' ');
  const fromTitle = findOrgs(titles, data, hints)[0];
  if (fromTitle) return { mention: fromTitle, from: 'title' };
  const fromMasthead = findOrgs([masthead.publisher, masthead.publication].filter(Boolean).join(' '), data, hints).find((m) => m.place);
  if (fromMasthead) return { mention: fromMasthead, from: 'masthead' };
  const first = section.items.find((i) => i.kind === 'paragraph')?.text ?? '';
  const fromText = findOrgs(first, data, hints).find((m) => m.place);
  if (fromText) return { mention: fromText, from: 'first paragraph' };
  return { from: 'not found' };
}

/** The place of a body: its printed place, or for `区教育局` the place the masthead/title names. */
function placeOf(mention: OrgMention | undefined, context: string[], data: DivisionDataset, hints: string[]): { chain?: PlaceChain; note?: string } {
  if (mention?.place) return { chain: parsePlace(mention.place, data, hints) };
  for (const text of context) {
    const places = placesIn(text, data);
    const wanted = mention?.generic === '区' || mention?.generic === '县' ? '县区' : mention?.generic === '市' ? '市' : undefined;
    const hit = places.find((p) => !wanted || p.level === wanted) ?? places[0];
    if (hit) {
      const chain = parsePlace(hit.name, data, hints);
      if (chain) return { chain, note: `place of “${mention?.text ?? 'the body'}” taken from “${text.length > 30 ? `${text.slice(0, 30)}…` : text}”` };
    }
  }
  return {};
}

/** Region path names of a place chain: ['河南省', '郑州市', '金水区']. */
function chainPath(chain: PlaceChain): string[] {
  return [chain.province?.name, chain.city?.name, chain.area?.name].filter((n): n is string => !!n && n !== '市辖区');
}

interface RegionPick {
  region?: Region;
  exact: boolean;
  proposed?: string;
  note?: string;
}

function pickRegion(chain: PlaceChain | undefined, text: string, regions: readonly Region[], data: DivisionDataset): RegionPick {
  if (chain) {
    const path = chainPath(chain);
    const ids = new Map(regions.map((r) => [r.id, r]));
    for (let n = path.length; n >= 1; n--) {
      const resolved = resolveRegionPath(path.slice(0, n).join(' '), data);
      if ('error' in resolved) continue;
      const existing = ids.get(resolved.id);
      if (existing) {
        if (n === path.length) return { region: existing, exact: true };
        return {
          region: existing,
          exact: false,
          proposed: `- ${path.join(' ')}`,
          note: `region ${path.join(' ')} is not in content/regions.yaml: the draft uses the enclosing ${existing.name} (${existing.id}); add the proposed line and set the region code`,
        };
      }
    }
    const full = resolveRegionPath(path.join(' '), data);
    return {
      exact: false,
      proposed: `- ${path.join(' ')}`,
      note: `region ${path.join(' ')}${'error' in full ? '' : ` (${full.id})`} and no enclosing region are in content/regions.yaml: add the proposed line`,
      ...(!('error' in full) && { region: full }),
    };
  }
  const order = { 县区: 0, 市: 1, 省: 2 } as const;
  const mentioned = regions.filter((r) => text.includes(r.name)).sort((a, b) => order[a.level] - order[b.level]);
  if (mentioned[0]) return { region: mentioned[0], exact: false, note: `no place in the reporting body: region guessed from the text (${mentioned[0].name})` };
  return { exact: false, note: 'no region found: set `region:` by hand' };
}

/** First sentence(s) of the account, 10–300 characters, for the draft summary. */
export function draftSummary(paragraphs: readonly string[], fallback: string): string {
  const text = paragraphs.find((p) => p.length >= 10) ?? fallback;
  const sentences = text.match(/[^。！？]+[。！？]?/g) ?? [text];
  let out = '';
  for (const s of sentences) {
    if (out.length >= 60 || out.length + s.length > 300) break;
    out += s;
  }
  if (!out) {
    const cut = text.slice(0, 290);
    const comma = cut.lastIndexOf('，');
    out = `${cut.slice(0, comma > 100 ? comma : 290)}……`;
  }
  out = out.trim();
  return out.length >= 10 ? out : `${out}（摘要待写）`.padEnd(10, '。');
}

/** Title lines → one printed title: a `——` subtitle is appended directly, other lines with a space. */
export function joinTitle(lines: readonly string[]): string {
  return lines.reduce((acc, l) => (!acc ? l : /^[—–-]{1,2}/.test(l) ? `${acc}${l}` : `${acc} ${l}`), '');
}

/** Drafts for one bulletin. */
export function ingest(input: string | Uint8Array, options: IngestOptions): IngestResult {
  const { fileName, divisions: data } = options;
  let text: string;
  let encoding: string;
  if (typeof input === 'string') {
    text = input.replace(/^\ufeff/, '');
    encoding = 'text';
    if (!text.trim()) return reject(fileName, 'empty file (only whitespace)');
  } else {
    const decoded = decodeBytes(input, options.maxBytes ?? MAX_INPUT_BYTES);
    if (!decoded.ok) return reject(fileName, decoded.reason);
    text = decoded.text;
    encoding = decoded.encoding;
  }
  const cjk = countHan(text);
  const visible = text.replace(/\s/g, '').length;
  if (cjk < MIN_CJK || cjk / visible < MIN_CJK_SHARE) {
    return reject(fileName, `too little Chinese text to be a bulletin (${cjk} Chinese characters, ${Math.round((100 * cjk) / Math.max(1, visible))}% of the text; at least ${MIN_CJK} and ${MIN_CJK_SHARE * 100}% expected)`, encoding);
  }

  const doc = structureDocument(text, data);
  const masthead = parseMasthead(doc.head, doc.titleLines, doc.bylines);
  const docTitle = joinTitle(doc.titleLines);
  const hints = placesIn(text, data).filter((p) => p.level !== '县区').map((p) => p.name);
  const uncertain: string[] = [];
  const proposedRegions = new Set<string>();
  const sections = doc.sections.filter((s) => s.items.some((i) => i.kind === 'paragraph'));
  if (!sections.length) return reject(fileName, 'no paragraphs of text found', encoding);

  // Date: printed in the masthead, else a year in the title, else the latest year reported (lower bound).
  const allText = [docTitle, ...doc.preamble, ...sections.flatMap((s) => [...s.titleLines, ...s.items.map((i) => i.text)])].join('\n');
  // Undefined when nothing dates the text: such a case is rejected below, never given a date.
  let date: string | undefined;
  let dateNote: string | undefined;
  const lower = latestReportedYear(allText);
  if (masthead.date) {
    date = masthead.date;
    if (masthead.kind === '网页') {
      dateNote = `日期取自网页所印的“${masthead.dateLine}”；原文发布日期未印出`;
      uncertain.push(`date ${date} is the web page's date, not the original publication's`);
    }
  } else if (titleYear(docTitle)) {
    date = String(titleYear(docTitle));
    dateNote = `文中未印出版日期；标题写明${date}年，故只定为${date}年。`;
  } else if (lower) {
    date = String(lower.year);
    dateNote = `原文未注明日期；草稿按文中所报最晚年份定为${date}年（${lower.why}），请核对。`;
    uncertain.push(`no date printed: year ${date} inferred as a lower bound (${lower.why})`);
  } else if (options.fallbackDate) {
    date = options.fallbackDate;
    dateNote = '原文未注明日期，文中也无年份；日期由编辑录入时给出。';
    uncertain.push(`no date and no year in the text: ${date} was given with --date`);
  }

  // Each section → one case.
  interface Built { fm: CaseFrontMatter; report: CaseReport; section: Section; chain?: PlaceChain; low: MeasureLine[]; write: boolean }
  const built: Built[] = [];
  for (const section of sections) {
    const caseUncertain = [...section.notes];
    const paragraphs = section.items.filter((i) => i.kind === 'paragraph').map((i) => i.text);
    const headings = section.items.filter((i) => i.kind === 'heading').map((i) => i.text);
    const guess = guessBody(section, masthead, doc, data, hints);
    const context = [masthead.publisher, masthead.publication, ...masthead.other, joinTitle(section.titleLines), docTitle, paragraphs[0]].filter((s): s is string => !!s);
    const place = placeOf(guess.mention, context, data, hints);
    if (place.note) caseUncertain.push(place.note);
    const body = guess.mention ? (place.chain ? canonicalBody(place.chain, guess.mention.type) : guess.mention.text) : masthead.publisher ?? PLACEHOLDER_BODY;
    if (!guess.mention) caseUncertain.push(`reporting body not found in the text: \`body:\` set to “${body}”`);
    else if (body !== guess.mention.text) caseUncertain.push(`reporting body printed as “${guess.mention.text}”, completed to “${body}”`);
    const sectionText = [...section.titleLines, ...section.items.map((i) => i.text)].join('\n');
    const pick = pickRegion(place.chain, sectionText, options.regions, data);
    if (pick.note) caseUncertain.push(pick.note);
    if (pick.proposed) proposedRegions.add(pick.proposed);

    // The printed title names what the text is about: it counts as a heading for the tags.
    const titles = section.titleLines.length ? section.titleLines : sections.length === 1 ? doc.titleLines : [];
    const proposal = proposeMeasures(paragraphs, [...titles, ...headings], options.measures);
    const byId = new Map(options.measures.map((m) => [m.id, m]));
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
    if (notCase && options.force) caseUncertain.push(`written with --force although ${notCase}`);
    if (notCase && options.force && !selected.length && proposal.low.length) {
      selected = proposal.low.slice(0, 1);
      caseUncertain.push(`written with --force: \`measures:\` holds only the best passing mention (${selected[0]!.measure})`);
    } else if (notCase && options.force && !selected.length) {
      caseUncertain.push('written with --force but no measure is mentioned at all: add one to `measures:` or the build fails');
    }
    const measureLines = [...selected.map((e) => line(e, true)), ...proposal.low.filter((e) => !selected.includes(e)).map((e) => line(e, false))];
    const ranked = selected.map((e) => byId.get(e.measure)!).filter(Boolean);
    const figures = extractFigures(paragraphs, { measures: ranked, headings: [...titles, ...headings] });
    if (figures.length < 3) caseUncertain.push(`only ${figures.length} key figure(s) found: add figures by hand if the text has more`);

    const bylines = [...doc.bylines.filter(() => sections.length === 1), ...section.bylines];
    const author = guess.author ?? (bylines.length ? bylines.map((b) => b.name).join('、') : undefined);
    const authorRole = guess.authorRole ?? (bylines.length ? bylines[0]!.role : undefined);
    const printed = joinTitle(section.titleLines);
    const names = ranked.slice(0, 3).map((m) => m.name);
    const title = printed.length >= 4 ? printed : `${body}：${names.join('、') || '工作报告'}`;
    if (printed.length < 4) caseUncertain.push('no printed title: `title:` drafted from the body and its measures — write one');
    const summary = draftSummary(paragraphs, title);
    // A web page reposting older reports: date each report by its own latest year.
    let caseDate = date ?? '';
    let caseDateNote = dateNote;
    if (masthead.kind === '网页' && masthead.date) {
      const pageYear = Number(masthead.date.slice(0, 4));
      const own = latestReportedYear(sectionText, pageYear);
      if (own && own.year < pageYear) {
        caseDate = String(own.year);
        caseDateNote = `报告本身未印日期；文中所报最晚年份为${own.year}年（${own.why}），故定为${own.year}年（所在网页页眉日期为${masthead.date}）。`;
        caseUncertain.push(`dated ${caseDate} from its own text (latest year reported), not the page date ${masthead.date}: check`);
      }
    }
    const fm: CaseFrontMatter = {
      title,
      ...(printed.length >= 4 && { originalTitle: printed }),
      summary,
      region: pick.region?.id ?? '000000',
      body,
      ...(author && { author }),
      ...(authorRole && { authorRole }),
      date: caseDate,
      ...(caseDateNote && { dateNote: caseDateNote }),
      source: '',
      measures: selected.map((e) => e.measure),
      figures: figures.map(({ paragraph: _p, score: _s, ...f }) => f),
    };
    const report: CaseReport = {
      slug: '',
      path: '',
      written: !notCase || !!options.force,
      ...(notCase && !options.force && { skipped: `${notCase} (use --force to write it anyway)` }),
      title,
      ...(printed && { originalTitle: printed }),
      body,
      bodyFrom: guess.from,
      ...(author && { author }),
      ...(authorRole && { authorRole }),
      region: pick.region ? { code: pick.region.id, trail: regionTrail(pick.region), exact: pick.exact } : { code: '000000', trail: '(none)', exact: false },
      date: caseDate,
      ...(caseDateNote && { dateNote: caseDateNote }),
      summary,
      paragraphs: paragraphs.length,
      headings: headings.length,
      measures: measureLines,
      figures: figures.map(({ score: _s, ...f }) => f),
      removed: section.removed.map((r) => ({ kind: r.kind, line: r.line, text: r.text, ...(r.keptAt && { keptAt: r.keptAt }) })),
      uncertain: caseUncertain,
    };
    built.push({ fm, report, section, ...(place.chain && { chain: place.chain }), low: measureLines.filter((m) => !m.proposed), write: report.written });
  }

  if (date === undefined) {
    // Only a text that would be published needs a date; one that is not a case says so instead.
    if (built.some((b) => b.write)) {
      return reject(fileName, 'no date printed and no year in the text: pass --date YYYY[-MM[-DD]] with the date of the original (dates are never invented)', encoding);
    }
    date = '';
  }

  // Names: the source key from the date and the cities; case slugs from the place and the date.
  const cities = [...new Set(built.map((b) => chainSlug(b.chain ? { ...(b.chain.province && { province: b.chain.province }), ...(b.chain.city && { city: b.chain.city }) } : undefined)))];
  const keyBase = slugify(date, built.length === 1 ? chainSlug(built[0]!.chain) : cities.slice(0, 4).join('-'));
  // A seed that already has a source record keeps its key: re-ingesting replaces, never duplicates.
  const existingKey = options.sourceKeyOf?.(options.seedFile);
  if (existingKey) uncertain.push(`${options.seedFile} is already the raw file of source “${existingKey}”: the drafts use that key (existing files are only replaced with --force)`);
  const sourceKey = existingKey ?? freeName(keyBase, new Set(), (k) => options.sourceOwner?.(k), options.seedFile);
  const taken = new Set<string>();
  for (const b of built) {
    const slug = freeName(slugify(chainSlug(b.chain), date), taken, (s) => options.caseOwner?.(s), sourceKey);
    taken.add(slug);
    b.fm.source = sourceKey;
    b.report.slug = slug;
    b.report.path = `cases/${slug}.mdx`;
  }

  const cases = built.filter((b) => b.write).map((b) => ({
    path: b.report.path,
    text: caseMdx({
      frontMatter: b.fm,
      items: b.section.items,
      header: [
        `Draft by \`npm run ingest\` from ${options.seedFile} — review before publishing:`,
        'title, summary (first sentences of the text), measures, figures; see the ingest report.',
      ],
      measureComments: b.low.length
        ? ['Passing mentions, not proposed (add an id above if the text practises it):', ...b.low.map((m) => `  ${m.id} (${m.name}): ${m.mentions} mention(s) in ${m.paragraphs.map((p) => `¶${p.paragraph}`).join(' ')}`)]
        : [],
    }),
  }));

  const bodies = built.map((b) => b.fm.body);
  const written = built.filter((b) => b.write);
  const sourceTitle = docTitle || (built.length === 1 && built[0]!.report.originalTitle) || `${bodies.join('、')}${built.length > 1 ? `（${built.length}篇，原文无总标题）` : ''}`;
  if (!docTitle) uncertain.push(`no overall title printed: source title drafted as “${sourceTitle}”`);
  const describe = [masthead.publication && `《${masthead.publication}》`, masthead.issue].filter(Boolean).join('');
  const what = built.length > 1 ? `${built.length}篇报告` : '稿件';
  const lead = describe
    ? `${describe}${masthead.publisher ? `（${masthead.publisher}）` : ''}刊发${docTitle ? `《${docTitle}》` : ''}`
    : `${masthead.publisher ? `${masthead.publisher}` : ''}${masthead.kind}${docTitle ? `《${docTitle}》` : ''}`;
  const sourceSummary = `${lead}，收录${bodies.join('、')}的${what}。`;
  const record: SourceRecord = {
    title: sourceTitle,
    ...(masthead.publication && { publication: masthead.publication }),
    ...(masthead.issue && { issue: masthead.issue }),
    ...(masthead.publisher && { publisher: masthead.publisher }),
    ...(masthead.author && { author: masthead.author }),
    date,
    ...(dateNote && { dateNote }),
    ...(masthead.url && { url: masthead.url }),
    kind: masthead.kind,
    file: options.seedFile,
    summary: sourceSummary,
  };
  const source: DraftFile = {
    path: `sources/${sourceKey}.yaml`,
    text: sourceYaml(record, [`Draft by \`npm run ingest\` from ${options.seedFile} — review title and summary.`]),
  };

  const status = !written.length ? 'rejected' : written.length < built.length ? 'partial' : 'ok';
  const report: InputReport = {
    input: fileName,
    status,
    ...(status === 'rejected' && { reason: built.map((b) => b.report.skipped).filter(Boolean)[0] ?? 'nothing to write' }),
    encoding,
    masthead: {
      ...(docTitle && { title: docTitle }),
      ...(masthead.publication && { publication: masthead.publication }),
      ...(masthead.issue && { issue: masthead.issue }),
      ...(masthead.date && { date: masthead.date }),
      ...(masthead.publisher && { publisher: masthead.publisher }),
      ...(masthead.author && { author: masthead.author }),
      ...(masthead.url && { url: masthead.url }),
      kind: masthead.kind,
      other: masthead.other,
    },
    source: { key: sourceKey, path: source.path, file: options.seedFile, date, ...(dateNote && { dateNote }), title: sourceTitle },
    bodies,
    cases: built.map((b) => b.report),
    removed: doc.removed.map((r) => ({ kind: r.kind, line: r.line, text: r.text })),
    proposedRegions: [...proposedRegions],
    uncertain,
    files: [],
  };
  const issues = [...uncertain, ...built.flatMap((b) => b.report.uncertain.map((u) => `${b.report.path}: ${u}`))];
  return { ok: status !== 'rejected', cases, ...(written.length && { source }), report, issues };
}
