/**
 * The build's problems (src/lib/studio/validate.ts) said in Chinese, next to the field they
 * concern: by zod issue code where the code says it all (a required field, a text too short),
 * else by the build's own message. The words are the studio's UI strings (`studio.problem.*` of
 * src/i18n/zh-CN.ts); a message with no translation is shown as the build says it, after a
 * Chinese lead, so nothing the build would refuse goes unsaid.
 */
import type { Problem } from './validate.ts';

/** Looks up a UI string (`studio.problem.<key>`) and fills its `{name}` placeholders. */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

export interface Described {
  /** Dotted field path the message belongs next to. */
  field: string;
  text: string;
}

/** Messages of custom checks: pattern, string key, and the figure's field it concerns. */
const BY_MESSAGE: [RegExp, string, string?][] = [
  [/quote “[\s\S]*” is not in the case text/, 'quoteNotInText', 'quote'],
  [/value (\S+) does not appear in its quote/, 'valueNotInQuote', 'value'],
  [/display “[\s\S]*” must be part of the quote/, 'displayNotInQuote', 'display'],
  [/does not state [\s\S]*: fix the unit/, 'unitNotStated', 'unit'],
  [/the quote qualifies/, 'quoteQualifies', 'display'],
  [/period [\s\S]* is not stated in the paragraph/, 'periodNotStated', 'period'],
  [/measure “[\s\S]*” is not one of this case's measures/, 'figureMeasure', 'measure'],
  [/^unknown region/, 'unknownRegion'],
  [/^unknown measure “([^”]*)”/, 'unknownMeasure'],
  [/^unknown key “([^”]*)”/, 'unknownKey'],
  [/^unknown source “([^”]*)”/, 'unknownSource'],
  [/^unknown metric|^metric “[^”]*” belongs to/, 'metric'],
  [/^unit “([^”]*)” does not convert/, 'metricUnit'],
  [/a case needs at least one measure/, 'noMeasure'],
  [/is not a date|must be a date written/, 'date'],
  [/has no month (\d+)/, 'noMonth'],
  [/has no day (\d+) \(month (\d+) has (\d+) days\)/, 'noDay'],
  [/a target needs its due year/, 'targetYear'],
  [/a period needs from and\/or to/, 'emptyPeriod'],
  [/period\.from must not be after period\.to/, 'periodOrder'],
  [/a year is a whole number/, 'year'],
  [/unit is required/, 'unit'],
  [/must be a number/, 'number'],
  [/is not a finite number|is out of range|has more digits than/, 'numberRange'],
  [/kind is required/, 'kind'],
  [/cannot be used:/, 'url'],
  [/a slug is lowercase|must be lowercase ASCII/, 'id'],
];

/** Keys of the messages said by code (./validate.ts `code`), and the fallback. */
const BY_CODE = [
  'required',
  'tooShort',
  'tooLong',
  'tooSmall',
  'tooLarge',
  'sourceKind',
  'character',
  'yaml',
  'frontMatter',
  'markup',
  'other',
];

/** Every `studio.problem.*` string this module uses (the dictionary must have each). */
export const PROBLEM_KEYS: readonly string[] = [...BY_CODE, ...BY_MESSAGE.map(([, key]) => key)];

/** What the zod issue code says alone. */
function byCode(p: Problem, tr: Translate): string | undefined {
  if (p.code === 'invalid_type' && p.type === 'undefined') return tr('required');
  if (p.code === 'too_small' && p.type === 'string') return tr('tooShort', { n: p.minimum ?? 0 });
  if (p.code === 'too_big' && p.type === 'string') return tr('tooLong', { n: p.maximum ?? 0 });
  if (p.code === 'too_small' && p.type === 'number') return tr('tooSmall', { n: p.minimum ?? 0 });
  if (p.code === 'too_big' && p.type === 'number') return tr('tooLarge', { n: p.maximum ?? 0 });
  if (p.code === 'invalid_enum_value' && p.field === 'kind') return tr('sourceKind');
  if (p.code === 'character') return tr('character', { what: p.type ?? '' });
  if (p.code === 'yaml') return tr('yaml', { message: p.message });
  if (p.code === 'frontMatter') return tr('frontMatter');
  if (p.code === 'markup') return tr('markup');
  return undefined;
}

export function describe(p: Problem, tr: Translate): Described {
  const plain = byCode(p, tr);
  if (plain) return { field: p.field, text: plain };
  for (const [pattern, key, sub] of BY_MESSAGE) {
    const m = pattern.exec(p.message);
    if (!m) continue;
    const params = Object.fromEntries(m.slice(1).map((v, i) => [String(i + 1), v ?? '']));
    return { field: sub ? `${p.field}.${sub}` : p.field, text: tr(key, params) };
  }
  return { field: p.field, text: tr('other', { message: p.message }) };
}

/** Why ingest refused a file (its reasons are the CLI's, in English): pattern and string key. */
const REFUSALS: [RegExp, string][] = [
  [/^empty file/, 'empty'],
  [/^file too large/, 'tooLarge'],
  [/^binary file/, 'binary'],
  [/^not readable as UTF-8/, 'encoding'],
  [/^too little Chinese text/, 'littleChinese'],
  [/^no paragraphs of text/, 'noParagraphs'],
  [/^no date printed/, 'noDate'],
  [/^not a case: the text is not about education/, 'notEducation'],
  [/^not a case: no education measure/, 'noMeasure'],
];

/** Every `studio.refusal.*` string this module uses. */
export const REFUSAL_KEYS: readonly string[] = REFUSALS.map(([, key]) => key);

/**
 * A refusal said in Chinese (`studio.refusal.<key>`); the readers' own refusals (a scan, a
 * password, an old .doc) are Chinese already and pass as they are.
 */
export function refusalText(reason: string, tr: Translate): string {
  const known = REFUSALS.find(([pattern]) => pattern.test(reason));
  return known ? tr(known[1]) : reason;
}
