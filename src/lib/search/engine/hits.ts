/**
 * A checked page as a result shows it: its title and excerpt with the words found marked, why a
 * non-literal result is listed, and its meta bounded (bounds.ts).
 */
import { MAX_META_CHARS, MAX_TITLE_CHARS, truncateText } from '../query/bounds.ts';
import { normalizeWithMap } from '../query/normalize.ts';
import type { ParsedQuery } from '../query/query.ts';
import type { Dictionary } from '../query/terms.ts';
import { withHighlight } from '../query/url.ts';
import type { PageMeta } from '../index/schema.ts';
import { escapeHtml } from '../../text/highlight.ts';
import { buildExcerpt, markTerms } from './excerpt.ts';
import type { Analysis, PreparedDoc, Ranked } from './match.ts';
import type { Hit, MatchKind } from './types.ts';

/** Longest summary shown in place of an excerpt. */
const SUMMARY_CHARS = 200;

/** A page's meta as a result shows it: each value bounded (bounds.ts). */
function shownMeta(meta: PageMeta): PageMeta {
  const out: PageMeta = {};
  for (const [key, value] of Object.entries(meta) as Array<[keyof PageMeta, string | undefined]>)
    if (value !== undefined)
      out[key] = truncateText(
        value,
        key === 'title' ? MAX_TITLE_CHARS : key === 'summary' ? SUMMARY_CHARS : MAX_META_CHARS,
      );
  return out;
}

function matchKind(analysis: Analysis, partial: boolean): MatchKind {
  if (partial) return 'partial';
  return analysis.minLevel === 3 ? 'literal' : analysis.minLevel === 2 ? 'alias' : 'tag';
}

/** Why a non-literal result is listed: the aliases, the measure names of the tags, or the pieces found. */
function matchReason(kind: MatchKind, analysis: Analysis, parsed: ParsedQuery, dict: Dictionary): string[] {
  const own = new Set(parsed.words.map((w) => w.text));
  if (kind === 'alias') return analysis.terms.filter((x) => !own.has(x) && x !== parsed.phrase);
  if (kind === 'tag')
    return parsed.words.flatMap((w, i) =>
      analysis.levels[i] === 1 ? w.measures.map((id) => dict.byId.get(id)?.name ?? id) : [],
    );
  return kind === 'partial' ? analysis.terms : [];
}

/** The excerpt: the text around the occurrences, or the summary (the page's start) when none is in the text. */
function excerptHtml(doc: PreparedDoc, analysis: Analysis): string {
  const skip = doc.title && doc.content.startsWith(doc.title) ? doc.title.length : 0;
  return analysis.occurrences.length
    ? buildExcerpt(doc.content, doc.norm, analysis.occurrences, { skipBefore: skip }).html
    : escapeHtml(truncateText(doc.meta['summary'] ?? doc.content.slice(skip, skip + 90), SUMMARY_CHARS));
}

/** A checked page as a result (`partial`: a related page). */
export function toHit(r: Ranked, parsed: ParsedQuery, partial: boolean, dict: Dictionary): Hit {
  const { doc, analysis } = r;
  const kind = matchKind(analysis, partial);
  const title = truncateText(doc.title, MAX_TITLE_CHARS);
  const titleNorm = normalizeWithMap(title, { t2s: dict.t2s, compact: true });
  return {
    id: doc.id,
    type: doc.type,
    url: withHighlight(doc.url, analysis.terms),
    title,
    titleHtml: markTerms(title, titleNorm, analysis.terms),
    excerptHtml: excerptHtml(doc, analysis),
    meta: shownMeta(doc.meta),
    filters: doc.filters,
    measures: doc.filters['measure'] ?? [],
    kind,
    terms: analysis.terms,
    reason: matchReason(kind, analysis, parsed, dict),
    analysis,
  };
}

/** A browsed page (no query): its title and summary. */
export function plainHit(doc: PreparedDoc): Hit {
  const title = truncateText(doc.title, MAX_TITLE_CHARS);
  return {
    id: doc.id,
    type: doc.type,
    url: doc.url,
    title,
    titleHtml: escapeHtml(title),
    excerptHtml: escapeHtml(truncateText(doc.meta['summary'] ?? '', SUMMARY_CHARS)),
    meta: shownMeta(doc.meta),
    filters: doc.filters,
    measures: doc.filters['measure'] ?? [],
    kind: 'literal',
    terms: [],
    reason: [],
  };
}
