/**
 * Stage "structure", second half: the reporting body of one section and its region. The body
 * is read from where bulletins name it (a heading line or signature, a closing signature,
 * the title, the masthead or the document's metadata, the first paragraph, else the body the
 * text names most often); its place is completed from context with the GB/T 2260 dataset; the
 * region is the place if `content/regions.yaml` has it, else the nearest enclosing region,
 * with the exact line to add.
 */
import { resolveRegionPath, type DivisionDataset, type Region } from '../../model/regions.ts';
import type { DocumentMeta } from './blocks.ts';
import type { Masthead } from './masthead.ts';
import { canonicalBody, findOrgs, parsePlace, placesIn, type OrgMention, type PlaceChain } from './orgs.ts';
import type { DocKindInfo } from './kind.ts';
import type { Section } from './structure.ts';

export const PLACEHOLDER_BODY = '（报送单位待定）';

/** What a `来源：` line says when it names no body: 本站原创, 网络, 综合整理 … */
const NOT_A_BODY = /原创|本站|本网|网络|网友|互联网|综合|整理|转载|未知|佚名|微信公众号/;

export interface BodyGuess {
  mention?: OrgMention;
  from: string;
  author?: string;
  authorRole?: string;
}

/** Each body with a place that a text names, with how often it names it (its first mention kept). */
function countBodies(text: string, data: DivisionDataset, hints: readonly string[]) {
  const counts = new Map<string, { mention: OrgMention; n: number }>();
  for (const m of findOrgs(text, data, hints)) {
    if (!m.place) continue;
    const entry = counts.get(m.text) ?? { mention: m, n: 0 };
    entry.n++;
    counts.set(m.text, entry);
  }
  return counts;
}

/** The body named most often (with its place) in a text, if it is named at least twice. */
export function mostNamedBody(text: string, data: DivisionDataset, hints: readonly string[]): OrgMention | undefined {
  const counts = countBodies(text, data, hints);
  const best = [...counts.values()].sort((a, b) => b.n - a.n || a.mention.index - b.mention.index)[0];
  return best && best.n >= 2 ? best.mention : undefined;
}

/** Bodies of education (a bureau, a department, a commission) before other bodies a text names. */
const EDUCATION_TYPE = /教育|教委|教体|教科|教文|教工委/;

/** Bodies with a place that a text names, education bodies first, then by how often. */
export function namedBodies(text: string, data: DivisionDataset, hints: readonly string[]): OrgMention[] {
  const counts = countBodies(text, data, hints);
  const education = (m: OrgMention) => (EDUCATION_TYPE.test(m.type) ? 0 : 1);
  return [...counts.values()]
    .sort((a, b) => education(a.mention) - education(b.mention) || b.n - a.n || a.mention.index - b.mention.index)
    .map((c) => c.mention);
}

/** An issuing body named in a document's frame (`浙江省人民代表大会常务委员会`, `省教育厅`, `教育部`) as a mention. */
export function issuerMention(name: string, data: DivisionDataset, hints: readonly string[]): OrgMention {
  const org = findOrgs(name, data, hints).at(-1);
  if (org && org.index + org.text.length === name.length && (org.place || org.generic)) return { ...org, index: 0 };
  const place = placesIn(name, data).find((p) => p.index === 0 && parsePlace(name.slice(0, p.name.length), data));
  return place
    ? { text: name, place: name.slice(0, place.name.length), type: name.slice(place.name.length), index: 0 }
    : { text: name, place: '', type: name, index: 0 };
}

export interface BodyContext {
  masthead: Masthead;
  meta: DocumentMeta;
  docTitleLines: string[];
  data: DivisionDataset;
  hints: string[];
  kind: DocKindInfo;
}

/**
 * Where a section's reporting body is named: a compilation's heading line or signature; the
 * bodies the document's kind names in its frame (a regulation's enacting body, a notice's
 * signatories); a closing signature; the title; then, for a news report, a WeChat article or a
 * web page, the bureau the text is about before the account, outlet or site that published it
 * (for a bulletin, the masthead first).
 */
export function guessBody(section: Section, ctx: BodyContext): BodyGuess {
  const aboutText = ctx.kind.kind === 'news' || ctx.kind.kind === 'wechat' || ctx.kind.kind === 'webpage';
  return (
    framedBody(section, ctx) ??
    signedOrTitledBody(section, ctx) ??
    (aboutText ? bodyTheTextIsAbout(section, ctx) : undefined) ??
    publishingBody(ctx) ??
    (aboutText ? undefined : bodyTheTextNames(section, ctx)) ?? { from: 'not found' }
  );
}

const paragraphsOf = (section: Section) => section.items.filter((i) => i.kind === 'paragraph');

/** The body the document's frame names: a compilation's heading line or signature, the issuers of its kind, a closing signature. */
function framedBody(section: Section, { data, hints, kind }: BodyContext): BodyGuess | undefined {
  const sig = section.marker?.signature ?? section.closing?.signature;
  if (section.marker)
    return {
      mention: section.marker.org,
      from: `${section.marker.kind === 'signature' ? 'signature' : 'heading line'} “${section.marker.text}” (line ${section.marker.line})`,
      ...(sig && { author: sig.name, authorRole: sig.role }),
    };
  if (kind.issuers[0])
    return {
      mention: issuerMention(kind.issuers[0], data, hints),
      from: `${kind.kind}: ${kind.issuedFrom ?? 'the document'}${kind.issuers.length > 1 ? ` (lead of ${kind.issuers.join('、')})` : ''}`,
    };
  if (section.closing)
    return {
      mention: section.closing.org,
      from: `closing signature (line ${section.closing.line})`,
      ...(sig && { author: sig.name, authorRole: sig.role }),
    };
  return undefined;
}

/** A body signed in brackets at the end of the text, or named in the title. */
function signedOrTitledBody(section: Section, { docTitleLines, data, hints }: BodyContext): BodyGuess | undefined {
  const last = paragraphsOf(section).at(-1)?.text ?? '';
  const trailing = /[（(]([^（）()]{2,24})[)）]$/.exec(last.slice(-40))?.[1];
  const fromTrailing = trailing ? findOrgs(trailing, data, hints)[0] : undefined;
  if (fromTrailing) return { mention: fromTrailing, from: `signature at the end of the text “（${trailing}）”` };
  const titles = (section.titleLines.length ? section.titleLines : docTitleLines).join(' ');
  const fromTitle = findOrgs(titles, data, hints)[0];
  return fromTitle ? { mention: fromTitle, from: 'title' } : undefined;
}

/** For a report about a bureau: the body of its first paragraph, the bureau it names, or one named by level only. */
function bodyTheTextIsAbout(section: Section, { data, hints }: BodyContext): BodyGuess | undefined {
  const first = findOrgs(paragraphsOf(section)[0]?.text ?? '', data, hints).find((m) => m.place);
  if (first) return { mention: first, from: 'first paragraph' };
  const text = section.items.map((i) => i.text).join('\n');
  const named = namedBodies(text, data, hints)[0];
  if (named) return { mention: named, from: 'the bureau the text names' };
  // A bureau named by its level only (记者从区教育局获悉) when the text names one place of that
  // level, where it is (各区教委, in a report on several cities, is no one body).
  const generic = findOrgs(text, data, hints).find(
    (m) => m.generic && EDUCATION_TYPE.test(m.type) && text[m.index - 1] !== '各',
  );
  const level = generic?.generic === '市' ? '市' : generic?.generic === '省' ? '省' : '县区';
  const places = new Set(
    placesIn(text.slice(0, 50_000), data)
      .filter((p) => p.level === level)
      .map((p) => p.name),
  );
  return generic && places.size === 1
    ? { mention: generic, from: 'the bureau the text names (place from the context)' }
    : undefined;
}

/** The publisher: the masthead, then the document's metadata (source, author, publication). */
function publishingBody({ masthead, meta, data, hints }: BodyContext): BodyGuess | undefined {
  const fromMasthead = findOrgs([masthead.publisher, masthead.publication].filter(Boolean).join(' '), data, hints).find(
    (m) => m.place,
  );
  if (fromMasthead) return { mention: fromMasthead, from: 'masthead' };
  for (const [field, value] of [
    ['source', meta.source],
    ['author', meta.author],
    ['publication', meta.publication],
  ] as const) {
    const fromMeta = value ? findOrgs(value, data, hints).find((m) => m.place) : undefined;
    if (fromMeta) return { mention: fromMeta, from: `document metadata (${field}: ${value})` };
  }
  return undefined;
}

/** For a bulletin: the body of its first paragraph, else the one the text names most often. */
function bodyTheTextNames(section: Section, { data, hints }: BodyContext): BodyGuess | undefined {
  const first = findOrgs(paragraphsOf(section)[0]?.text ?? '', data, hints).find((m) => m.place);
  if (first) return { mention: first, from: 'first paragraph' };
  const most = mostNamedBody(section.items.map((i) => i.text).join('\n'), data, hints);
  return most ? { mention: most, from: 'the body the text names most often' } : undefined;
}

/** The place of a body: its printed place, or for `区教育局` the place the masthead/title names. */
export function placeOf(
  mention: OrgMention | undefined,
  context: string[],
  data: DivisionDataset,
  hints: string[],
): { chain?: PlaceChain; note?: string } {
  if (mention?.place) return { chain: parsePlace(mention.place, data, hints) };
  for (const text of context) {
    const places = placesIn(text, data);
    const wanted =
      mention?.generic === '区' || mention?.generic === '县' ? '县区' : mention?.generic === '市' ? '市' : undefined;
    const hit = places.find((p) => !wanted || p.level === wanted) ?? places[0];
    if (hit) {
      const chain = parsePlace(hit.name, data, hints);
      if (chain)
        return {
          chain,
          note: `place of “${mention?.text ?? 'the body'}” taken from “${text.length > 30 ? `${text.slice(0, 30)}…` : text}”`,
        };
    }
  }
  return {};
}

/** The body's canonical name, or what stands in for it, and what the editor should check. */
export function bodyName(
  guess: BodyGuess,
  chain: PlaceChain | undefined,
  masthead: Masthead,
): { body: string; note?: string } {
  if (!guess.mention) {
    // `来源：本站原创` names no one; an outlet or publisher that is a name stands in.
    const body = [masthead.publisher, masthead.publication].find((v) => v && !NOT_A_BODY.test(v)) ?? PLACEHOLDER_BODY;
    return { body, note: `reporting body not found in the text: \`body:\` set to “${body}”` };
  }
  const body = chain ? canonicalBody(chain, guess.mention.type) : guess.mention.text;
  return body !== guess.mention.text
    ? { body, note: `reporting body printed as “${guess.mention.text}”, completed to “${body}”` }
    : { body };
}

/**
 * Region path names of a place chain, as content/regions.yaml resolves them: ['河南省', '郑州市',
 * '金水区']; a municipality's district goes through the dataset's 市辖区 (['北京市', '市辖区', '西城区']).
 */
export function chainPath(chain: PlaceChain): string[] {
  const city = chain.city?.name === '市辖区' && !chain.area ? undefined : chain.city?.name;
  return [chain.province?.name, city, chain.area?.name].filter((n): n is string => !!n);
}

export interface RegionPick {
  region?: Region;
  exact: boolean;
  /** Lines to add to content/regions.yaml: the place and any missing enclosing region, outermost first. */
  proposed: string[];
  note?: string;
}

export function pickRegion(
  chain: PlaceChain | undefined,
  text: string,
  regions: readonly Region[],
  data: DivisionDataset,
): RegionPick {
  if (chain) {
    const path = chainPath(chain);
    const ids = new Map(regions.map((r) => [r.id, r]));
    const prefixes = path.map((_, n) => path.slice(0, n + 1).join(' '));
    const missing = prefixes.filter((p) => {
      const resolved = resolveRegionPath(p, data);
      return !('error' in resolved) && !ids.has(resolved.id);
    });
    const proposed = missing.map((p) => `- ${p}`);
    const lines = proposed.map((l) => `\`${l}\``).join(', ');
    const full = resolveRegionPath(path.join(' '), data);
    if (!('error' in full) && ids.has(full.id)) return { region: ids.get(full.id)!, exact: true, proposed: [] };
    // The draft names its own place, never a wider one that happens to exist: once the lines
    // are added, the code is right without another edit.
    return {
      exact: false,
      proposed,
      note: `region ${path.join(' ')}${'error' in full ? '' : ` (${full.id})`} is not in content/regions.yaml: the draft uses its code; add ${lines} to content/regions.yaml`,
      ...(!('error' in full) && { region: full }),
    };
  }
  // No body with a place: the place the text names most often (a county/district before a city).
  const counts = new Map<string, { level: string; n: number }>();
  for (const p of placesIn(text.slice(0, 50_000), data))
    counts.set(p.name, { level: p.level, n: (counts.get(p.name)?.n ?? 0) + 1 });
  const rank = { 县区: 0, 市: 1, 省: 2 } as Record<string, number>;
  const named = [...counts]
    .filter(([, c]) => c.n >= 2)
    .sort((a, b) => rank[a[1].level]! - rank[b[1].level]! || b[1].n - a[1].n)[0];
  const guessed = named ? parsePlace(named[0], data) : undefined;
  if (guessed) {
    const pick = pickRegion(guessed, '', regions, data);
    return {
      ...pick,
      exact: false,
      note: `no place in the reporting body: region guessed from the place the text names most often (${named![0]}, ${named![1].n}×)${pick.note ? `; ${pick.note}` : ''}`,
    };
  }
  const order = { 县区: 0, 市: 1, 省: 2 } as const;
  const mentioned = regions.filter((r) => text.includes(r.name)).sort((a, b) => order[a.level] - order[b.level]);
  if (mentioned[0])
    return {
      region: mentioned[0],
      exact: false,
      proposed: [],
      note: `no place in the reporting body: region guessed from the text (${mentioned[0].name})`,
    };
  return { exact: false, proposed: [], note: 'no region found: set `region:` by hand' };
}
