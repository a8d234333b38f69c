/** Search results as HTML, shared by the quick-search dialog and the search page. */
import { t } from '../../../i18n/index.ts';
import { escapeHtml } from '../../../lib/highlight.ts';
import type { Hit, SearchEngine, SearchOutcome } from '../../../lib/search/engine.ts';
import type { TermMeasure } from '../../../lib/search/terms.ts';
import type { UiKey } from '../../../i18n/zh-CN.ts';

const TYPE_KEYS: Record<string, UiKey> = {
  case: 'search.type.case',
  measure: 'search.type.measure',
  theme: 'search.type.theme',
  region: 'search.type.region',
  source: 'search.type.source',
};

function metaLine(hit: Hit): string {
  if (hit.type === 'case') return [hit.meta['region'], hit.meta['body'], hit.meta['date']].filter(Boolean).map((s) => escapeHtml(s!)).join(' · ');
  const label = TYPE_KEYS[hit.type];
  return label ? escapeHtml(t(label)) : '';
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
  options: { chips?: number; headingLevel?: 2 | 3; first?: readonly string[] } = {},
): string {
  const { chips = 4, headingLevel = 3, first = [] } = options;
  const h = `h${headingLevel}`;
  const why = via(hit);
  // The measures the query is about first, then the case's own order.
  const names = [...hit.measures].sort((a, b) => Number(first.includes(b)) - Number(first.includes(a)));
  const shown = names.slice(0, chips);
  const rest = names.length - shown.length;
  const measures = shown.length
    ? `<ul class="search-chips" aria-label="${escapeHtml(t('search.measures'))}">${shown
        .map((name) => {
          const m = engine.measureNamed(name);
          return `<li>${m ? `<a href="${escapeHtml(m.url)}">${escapeHtml(name)}</a>` : `<span>${escapeHtml(name)}</span>`}</li>`;
        })
        .join('')}${rest > 0 ? `<li><span class="search-chips-more">${escapeHtml(t('search.moreMeasures', { n: rest }))}</span></li>` : ''}</ul>`
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
  const count = cases === outcome.total ? t('search.casesCount', { n: cases }) : t('search.resultsCount', { n: outcome.total, cases });
  return outcome.related.length ? t('search.withRelated', { count, m: outcome.related.length }) : count;
}

/** Notes above the list: the query as converted (雙減 → 双减), the pieces found when falling back. */
export function noticeHtml(outcome: SearchOutcome, q: string): string {
  const notes: string[] = [];
  if (outcome.query.converted) notes.push(t('search.converted', { q: outcome.query.normalized }));
  if (outcome.fallback && outcome.related.length) notes.push(t('search.fallbackNote', { q, pieces: outcome.pieces.join('、') }));
  return notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('');
}
