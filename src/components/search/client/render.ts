/** Search results as HTML, shared by the quick-search dialog and the search page. */
import { t } from '../../../i18n/search.ts';
import { escapeHtml } from '../../../lib/text/highlight.ts';
import type { SearchEngine } from '../../../lib/search/engine/engine.ts';
import type { Hit, SearchOutcome } from '../../../lib/search/engine/types.ts';
import type { ForgivingOutcome } from '../../../lib/search/query/forgive.ts';
import {
  FILTER_KEYS,
  filterLabel,
  isPageType,
  type FilterLabels,
  type Selection,
} from '../../../lib/search/index/schema.ts';
import type { TermMeasure } from '../../../lib/search/query/terms.ts';

function metaLine(hit: Hit): string {
  if (hit.type === 'case')
    return [hit.meta['region'], hit.meta['body'], hit.meta['date']]
      .filter(Boolean)
      .map((s) => escapeHtml(s!))
      .join(' · ');
  return isPageType(hit.type) ? escapeHtml(t(`search.type.${hit.type}`)) : '';
}

function via(hit: Hit): string {
  const list = hit.reason.join('、');
  if (!list) return '';
  if (hit.kind === 'alias') return t('search.via.alias', { terms: list });
  if (hit.kind === 'tag') return t('search.via.tag', { names: list });
  if (hit.kind === 'partial') return t('search.via.partial', { terms: list });
  return '';
}

/** One result: title link, region · body · date, excerpt with marks, why it matched, measure chips. */
export function hitHtml(
  hit: Hit,
  engine: SearchEngine,
  /** `first`: measure ids to list first. */
  options: { chips?: number; headingLevel?: 2 | 3; first?: readonly string[] } = {},
): string {
  const { chips = 4, headingLevel = 3, first = [] } = options;
  const h = `h${headingLevel}`;
  const why = via(hit);
  // The measures the query is about first, then the case's own order.
  const ids = [...hit.measures].sort((a, b) => Number(first.includes(b)) - Number(first.includes(a)));
  const shown = ids.slice(0, chips);
  const rest = ids.length - shown.length;
  const measures = shown.length
    ? `<ul class="search-chips" aria-label="${escapeHtml(t('search.measures'))}">${shown
        .map((id) => {
          const m = engine.measureById(id);
          return `<li>${m ? `<a href="${escapeHtml(m.url)}">${escapeHtml(m.name)}</a>` : `<span>${escapeHtml(id)}</span>`}</li>`;
        })
        .join(
          '',
        )}${rest > 0 ? `<li><span class="search-chips-more">${escapeHtml(t('search.moreMeasures', { n: rest }))}</span></li>` : ''}</ul>`
    : '';
  return `<li class="search-hit" data-type="${escapeHtml(hit.type)}" data-kind="${hit.kind}">
<${h} class="search-hit-title"><a href="${escapeHtml(hit.url)}" data-hit-link>${hit.titleHtml || escapeHtml(hit.url)}</a></${h}>
<p class="search-hit-meta">${metaLine(hit)}</p>
<p class="search-hit-excerpt">${hit.excerptHtml}</p>
${why ? `<p class="search-hit-via">${escapeHtml(why)}</p>` : ''}${measures}</li>`;
}

/** The measure hint above results: the measure a query names, its definition and page. */
export function hintHtml(m: TermMeasure): string {
  return `<aside class="search-hint" aria-label="${escapeHtml(t('search.measureHint', { name: m.name }))}">
<p><span class="search-hint-label">${escapeHtml(t('search.measureHint', { name: '' }))}</span><a href="${escapeHtml(m.url)}" data-hit-link><strong>${escapeHtml(m.name)}</strong></a>
<span class="search-hint-count">${escapeHtml(t('search.measureHintCases', { n: m.cases }))}</span></p>
<p class="search-hint-def">${escapeHtml(m.definition)} <a href="${escapeHtml(m.url)}">${escapeHtml(t('search.measureHintLink'))} ›</a></p>
</aside>`;
}

/** The status line (announced by aria-live): how many results, or why none. */
export function statusText(outcome: SearchOutcome, q: string, shownFilters: boolean): string {
  if (outcome.browse) {
    const onlyCases = outcome.results.length > 0 && outcome.results.every((h) => h.type === 'case');
    return t(onlyCases ? 'search.browseCount' : 'search.browsePagesCount', { n: outcome.total });
  }
  if (outcome.fallback) {
    if (!outcome.related.length) return shownFilters ? t('search.noResultsFiltered') : t('search.noResults', { q });
    return t('search.fallbackCount', { n: outcome.total });
  }
  if (!outcome.results.length && !outcome.related.length) {
    return shownFilters ? t('search.noResultsFiltered') : t('search.noResults', { q });
  }
  // Exact counts from the index (engine.ts), not only the results read so far.
  const cases = outcome.caseTotal;
  const count =
    cases === outcome.total
      ? t('search.casesCount', { n: cases })
      : t('search.resultsCount', { n: outcome.total, cases });
  return outcome.related.length ? t('search.withRelated', { count, m: outcome.related.length }) : count;
}

/** A link that runs another search (`data-search-query`; a plain link to the search page without JavaScript). */
export function queryLink(q: string, href: (q: string) => string, label = q): string {
  return `<a href="${escapeHtml(href(q))}" data-search-query="${escapeHtml(q)}" data-hit-link>${escapeHtml(label)}</a>`;
}

/** What was typed, each word quoted: searched exactly, never corrected again (forgive.ts). */
function asTyped(words: string): string {
  return words
    .split(' ')
    .map((w) => `"${w}"`)
    .join(' ');
}

/**
 * Notes above the list: what was searched when it differs from what was typed (pinyin read
 * as terms, question words dropped, traditional or full-width characters converted), the
 * pieces found when falling back, and did-you-mean corrections (unless `suggestions` is
 * false: the dialog lists them as its first result).
 */
export function noticeHtml(
  result: ForgivingOutcome,
  q: string,
  href: (q: string) => string,
  suggestions = true,
): string {
  const { outcome, understood, corrected } = result;
  const notes: string[] = [];
  if (corrected)
    notes.push(
      escapeHtml(t('search.corrected', { to: corrected.to })) +
        escapeHtml(t('search.searchInstead')) +
        queryLink(asTyped(corrected.from), href, corrected.from),
    );
  for (const p of understood.pinyin) {
    const others = p.alternatives.length
      ? ` ${escapeHtml(t('search.pinyinOthers'))}${p.alternatives.map((a) => queryLink(a, href)).join('、')}`
      : '';
    notes.push(escapeHtml(t('search.pinyinNote', { typed: p.typed, term: p.term })) + others);
  }
  if (understood.dropped.length)
    notes.push(
      escapeHtml(t('search.questionNote', { terms: outcome.query.normalized, dropped: understood.dropped.join('、') })),
    );
  else if (outcome.query.converted) notes.push(escapeHtml(t('search.converted', { q: outcome.query.normalized })));
  if (suggestions && result.suggestions.length)
    notes.push(escapeHtml(t('search.didYouMean')) + result.suggestions.map((s) => queryLink(s, href)).join('、'));
  if (outcome.fallback && outcome.related.length)
    notes.push(escapeHtml(t('search.fallbackNote', { q, pieces: outcome.pieces.join('、') })));
  return notes.map((n) => `<p>${n}</p>`).join('');
}

/** The top entry of the dialog's list when nothing matched: the best correction, as a link. */
export function suggestionItemHtml(result: ForgivingOutcome, href: (q: string) => string): string {
  const best = result.suggestions[0];
  if (!best) return '';
  return `<li class="search-suggestion" data-kind="suggestion">${escapeHtml(t('search.didYouMean'))}${queryLink(best, href)}</li>`;
}

/** The selected filters in words; several values of one filter are alternatives: 措施：县管校聘 或 集团化办学. */
export function selectionText(selection: Selection, labels: FilterLabels): string {
  return FILTER_KEYS.filter((k) => selection[k]?.length)
    .map((k) =>
      t('search.anyOf', {
        facet: t(`search.filter.${k}`),
        values: selection[k]!.map((v) => filterLabel(labels, k, v)).join(t('search.or')),
      }),
    )
    .join(t('search.and'));
}
