/**
 * What search needs from the casebook: the index record of a case page, the filter values
 * the search page offers (keys and labels), and the shipped search dictionary.
 */
import type { Casebook, CaseView } from './casebook.ts';
import { buildT2S, cjkCandidates, corpusChars, type SearchTerms } from '../lib/search/query/terms.ts';
import {
  FILTER_KEYS,
  PAGE_TYPES,
  type FilterKey,
  type FilterLabels,
  type IndexRecord,
} from '../lib/search/index/schema.ts';
import { buildVocabularyFile, type VocabularyFile } from '../lib/search/query/vocabulary.ts';
import { chineseSegmenter } from '../lib/search/query/question.ts';
import { t } from '../i18n/index.ts';
import { href, routes } from '../href.ts';
import { placeNames } from '../lib/model/regions.ts';
import { caseBody } from '../lib/content/astroWorkarounds.ts';
import { isHan } from '../lib/text/han.ts';

/** The index record of a case page (schema.ts): filters by stable keys, the case's own metadata as meta. */
export function caseIndexRecord(view: CaseView): IndexRecord {
  return {
    type: 'case',
    filters: {
      measure: view.measures.map((m) => m.id),
      theme: [...new Set(view.measures.map((m) => m.data.theme))],
      city: [(view.city ?? view.region).id],
      year: [String(view.year)],
      level: [view.region.data.level],
    },
    meta: {
      region: view.region.data.path.slice(1).join('') || view.region.data.name,
      body: view.data.body,
      author: view.data.author,
      date: view.dateText,
      summary: view.data.summary,
    },
    date: view.data.date,
  };
}

export interface FacetOption {
  value: string;
  label: string;
}

/** Filter values the search page lists, in display order, with their labels from the taxonomy. */
export function facetOptions(casebook: Casebook): Record<FilterKey, FacetOption[]> {
  const { cases, measures, themes } = casebook;
  const measureIds = new Set(cases.flatMap((c) => c.data.measures));
  const themeIds = new Set(cases.flatMap((c) => c.measures.map((m) => m.data.theme)));
  const cities = new Map<string, string>();
  for (const c of cases) {
    const city = c.city ?? c.region;
    cities.set(city.id, city.data.name);
  }
  const levelOrder = ['省', '市', '县区'];
  const levels = new Set<string>(cases.map((c) => c.region.data.level));
  const same = (v: string) => ({ value: v, label: v });
  return {
    type: PAGE_TYPES.map((type) => ({ value: type, label: t(`search.type.${type}`) })),
    measure: themes.flatMap((th) =>
      measures
        .filter((m) => m.data.theme === th.id && measureIds.has(m.id))
        .map((m) => ({ value: m.id, label: m.data.name })),
    ),
    theme: themes.filter((th) => themeIds.has(th.id)).map((th) => ({ value: th.id, label: th.data.name })),
    city: [...cities].sort((a, b) => a[0].localeCompare(b[0])).map(([value, label]) => ({ value, label })),
    year: [...new Set(cases.map((c) => String(c.year)))].sort().reverse().map(same),
    level: levelOrder.filter((l) => levels.has(l)).map(same),
  };
}

/**
 * Labels of every filter value the index can hold (all measures and themes, not only the
 * used ones), so old URLs with display names still resolve to keys.
 */
export function filterLabels(casebook: Casebook): FilterLabels {
  const options = facetOptions(casebook);
  const table = (list: FacetOption[]) => Object.fromEntries(list.map((o) => [o.value, o.label]));
  return {
    ...Object.fromEntries(FILTER_KEYS.map((k) => [k, table(options[k])])),
    measure: Object.fromEntries(casebook.measures.map((m) => [m.id, m.data.name])),
    theme: Object.fromEntries(casebook.themes.map((th) => [th.id, th.data.name])),
  };
}

/** Every text the casebook shows (for the traditional → simplified map and the vocabulary). */
function corpusParts(casebook: Casebook): string[] {
  const parts: string[] = [];
  for (const c of casebook.cases) {
    parts.push(
      c.data.title,
      c.data.originalTitle ?? '',
      c.data.summary,
      c.data.body,
      c.data.dateNote ?? '',
      ...c.paragraphs,
      caseBody(c.id).text,
    );
    for (const f of c.data.figures) parts.push(f.label, f.unit, f.quote);
  }
  for (const m of casebook.measures) parts.push(m.data.name, m.data.definition, ...m.data.aliases);
  for (const t of casebook.themes) parts.push(t.data.name, t.data.description);
  for (const r of casebook.regions) parts.push(r.data.name, ...r.data.path);
  for (const s of casebook.sources)
    parts.push(s.data.title, s.data.summary, s.data.publication ?? '', s.data.publisher ?? '');
  return parts;
}

/** The dictionary served as search-terms.json (opencc-js is loaded only for this file). */
export async function searchTerms(casebook: Casebook): Promise<SearchTerms> {
  const OpenCC = await import('opencc-js/t2cn');
  const convert = OpenCC.Converter({ from: 't', to: 'cn' });
  const convertHk = OpenCC.Converter({ from: 'hk', to: 'cn' });
  const convertTw = OpenCC.Converter({ from: 'tw', to: 'cn' });
  const corpus = corpusChars(corpusParts(casebook));
  const candidates = cjkCandidates();
  // Later maps fill characters the standard (OpenCC `t`) conversion leaves alone.
  const t2s = {
    ...buildT2S(corpus, candidates, convertTw),
    ...buildT2S(corpus, candidates, convertHk),
    ...buildT2S(corpus, candidates, convert),
  };
  return {
    version: 1,
    measures: casebook.measures.map((m) => ({
      id: m.id,
      name: m.data.name,
      aliases: m.data.aliases,
      url: href(routes.measure(m.id)),
      cases: casebook.casesByMeasure.get(m.id)?.length ?? 0,
      definition: m.data.definition,
    })),
    places: placeNames(casebook.regions.map((r) => r.data.name)),
    t2s,
  };
}

/** The 3,755 common characters (GB 2312 level 1), whose readings ship for typed homophones. */
function commonChars(): string[] {
  const decoder = new TextDecoder('gb18030');
  const out: string[] = [];
  for (let hi = 0xb0; hi <= 0xd7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (isHan(ch)) out.push(ch);
    }
  }
  return out;
}

/** The vocabulary served as search-vocabulary.json: searched-for terms with pinyin (pinyin-pro only at build time). */
export async function searchVocabulary(casebook: Casebook): Promise<VocabularyFile> {
  const { pinyin } = await import('pinyin-pro');
  const names = [
    ...casebook.measures.flatMap((m) => [m.data.name, ...m.data.aliases]),
    ...casebook.themes.map((th) => th.data.name),
    ...placeNames(casebook.regions.map((r) => r.data.name)),
    ...casebook.cases.map((c) => c.data.body),
  ];
  const segmenter = chineseSegmenter();
  return buildVocabularyFile({
    names,
    corpus: corpusParts(casebook),
    segment: segmenter,
    readingOf: (term) => pinyin(term, { toneType: 'none', type: 'array', v: true }),
    commonChars: commonChars(),
  });
}
