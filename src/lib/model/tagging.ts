/**
 * Tagging: text + taxonomy → measures with evidence. Shared by the site (evidence links,
 * measure-page excerpts) and the ingest CLI (proposed tags). A mention in passing is not a
 * practice, so every measure gets a score and a confidence an editor can act on. Three rules
 * keep the tags precise, all driven by the taxonomy data rather than by special cases here:
 * - terms of all measures compete for the text, longest first (大学区 is not 大学);
 * - an ambiguous alias counts only in context: `aliasContext` in the taxonomy lists words one of
 *   which must stand in the same sentence (`5+2` only next to 课后/托管…);
 * - a term that is only one item of an enumeration of values or criteria (德育、智育、体育、美育、
 *   劳动教育; 从德、智、体、美、劳五个方面) is listed, not practised: it is counted apart and
 *   gives no evidence.
 */
export interface MeasureTerms {
  id: string;
  name: string;
  aliases: readonly string[];
  /**
   * Aliases that count only in context: alias → words of which one must occur in the same
   * sentence (outside the alias itself). Aliases not listed here always count.
   */
  aliasContext?: Readonly<Record<string, readonly string[]>> | undefined;
}

export interface ParagraphEvidence {
  /** Paragraph index (0-based; the page anchor is `p-(index+1)`). */
  index: number;
  /** Mentions of the measure's terms in this paragraph. */
  count: number;
  /** The distinct terms found. */
  terms: string[];
}

export type Confidence = 'high' | 'medium' | 'low';

export interface MeasureEvidence {
  measure: string;
  mentions: number;
  paragraphs: ParagraphEvidence[];
  /** Also named in a heading of the text. */
  inHeading: boolean;
  /** Mentions that are only items of an enumeration of values or criteria (no evidence). */
  listed: number;
  /** Mentions stated as practised (an action verb governs them, or a figure stands with them). */
  practised: number;
  /** Mentions with a figure in their clause. */
  quantified: number;
  score: number;
  confidence: Confidence;
}

/** The terms that signal a measure, longest first so that longer phrases win overlaps. */
export function measureTerms(m: MeasureTerms): string[] {
  return [...new Set([m.name, ...m.aliases])].filter(Boolean).sort((a, b) => b.length - a.length);
}

export interface Mention {
  measure: string;
  term: string;
  start: number;
  end: number;
  /** An item of an enumeration of values or criteria. */
  listed: boolean;
  /** Its clause states it as done or quantified: an action verb governs it, or a figure stands with it. */
  practised: boolean;
  /** A figure (number with a unit) stands in its clause. */
  quantified: boolean;
}

/** Verbs that state a measure as practised when they govern it in its clause (推进集团化办学). */
const ACTION =
  /推进|推行|实施|实行|深化|开展|建立|健全|完善|落实|启动|探索|创建|组建|成立|建成|新建|打造|试点|全面|扩大|覆盖|实现|出台|制定/;
const QUANTITY = /\d+(?:\.\d+)?\s*(?:万|亿)?(?:个|所|名|人|家|项|%|元|次|门|场|支|批|间|班)/;
const SENTENCE_END = /[。！？!?；;\n]/;
const CLAUSE_BREAK = /[，,。；;：:！？!?\n（）()“”"]/;
/** Longest sentence or clause looked at: keeps tagging linear on a text without punctuation. */
const REACH = 400;

/** A text cut into sentences or clauses in one pass: `of[i]` is the segment of character i. */
interface Segments {
  of: Int32Array;
  start: number[];
  end: number[];
}

function segment(text: string, isBreak: RegExp): Segments {
  const of = new Int32Array(text.length);
  const start: number[] = [0];
  const end: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const k = start.length - 1;
    of[i] = k;
    if (isBreak.test(text[i]!) || i + 1 - start[k]! >= REACH) {
      end.push(isBreak.test(text[i]!) ? i : i + 1);
      start.push(i + 1);
    }
  }
  end.push(text.length);
  return { of, start, end };
}

const occurrences = (text: string, word: string) => {
  let n = 0;
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) n++;
  return n;
};

/** Words after a list that make it a list of values or criteria (方面, 维度, 全面发展, 并举 …). */
const CRITERIA_AFTER =
  /^[^，,。；;！？]{0,8}?(方面|维度|指标|要素|标准|全面发展|并举|并重|融合发展|协调发展|五育|素养|内容)/;
const ITEM_SEPARATORS = /[、]|(?<=.)(?:和|与|及)(?=.)/;

/**
 * Marks mentions that stand in an enumeration of values or criteria: a `、`-list of at least
 * three short items that ends in a criteria word (五个方面, 全面发展, 并举 …), or a parallel list
 * in which four or more short items name measures (德育为先、智育为本、体育为基、美育为根、劳动教育为要).
 * A list of three practices (集团化办学、县管校聘、教师交流轮岗) still counts.
 */
function markEnumerations(text: string, mentions: readonly Mention[], clauses: Segments): void {
  const byClause = new Map<number, Mention[]>();
  for (const m of mentions) {
    const k = clauses.of[m.start]!;
    const list = byClause.get(k);
    if (list) list.push(m);
    else byClause.set(k, [m]);
  }
  for (const [k, inClause] of byClause) {
    const start = clauses.start[k]!;
    const clause = text.slice(start, clauses.end[k]!);
    if (!clause.includes('、')) continue;
    // Items with their offsets; short items only (a list of practices carries verbs and objects).
    const items: { from: number; to: number }[] = [];
    let from = 0;
    for (const part of clause.split(ITEM_SEPARATORS)) {
      const at = clause.indexOf(part, from);
      items.push({ from: start + at, to: start + at + part.length });
      from = at + part.length;
    }
    if (items.length < 3 || items.filter((i) => i.to - i.from <= 8).length < 3) continue;
    const inItem = (m: Mention, i: { from: number; to: number }) => m.start >= i.from && m.end <= i.to;
    const named = items.filter((i) => inClause.some((m) => inItem(m, i))).length;
    const criteria = CRITERIA_AFTER.test(text.slice(items.at(-1)!.from, items.at(-1)!.from + 40));
    if (named < 4 && !(criteria && named >= 1)) continue;
    for (const m of inClause) {
      if (!items.some((i) => inItem(m, i) && i.to - i.from <= 8)) continue;
      m.listed = true;
      m.practised = m.quantified = false;
    }
  }
}

/**
 * Every mention of every measure in a text: terms of all measures compete, longest first; an
 * alias with a context counts only when one of its words is in the same sentence (outside the
 * alias itself). Linear in the text: sentences and clauses are cut once, and what a sentence
 * or clause holds is computed once.
 */
function findMentions(text: string, measures: readonly MeasureTerms[]): Mention[] {
  const all = measures.flatMap((m) =>
    measureTerms(m).map((term) => ({ measure: m.id, term, context: m.aliasContext?.[term] })),
  );
  all.sort((a, b) => b.term.length - a.term.length);
  const sentences = segment(text, SENTENCE_END);
  const clauses = segment(text, CLAUSE_BREAK);
  const quantifiedClause = new Map<number, boolean>();
  const contextHolds = new Map<string, boolean>();
  const taken = new Uint8Array(text.length);
  const mentions: Mention[] = [];
  for (const { measure, term, context } of all) {
    for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) {
      const end = at + term.length;
      if (taken.subarray(at, end).includes(1)) continue;
      if (context?.length) {
        const k = sentences.of[at]!;
        const key = `${k}\u0000${term}`;
        let holds = contextHolds.get(key);
        if (holds === undefined) {
          const sentence = text.slice(sentences.start[k]!, sentences.end[k]!);
          // A context word inside the alias itself does not count.
          holds = context.some((w) => occurrences(sentence, w) > occurrences(sentence, term) * occurrences(term, w));
          contextHolds.set(key, holds);
        }
        if (!holds) continue;
      }
      taken.fill(1, at, end);
      const c = clauses.of[at]!;
      let quantified = quantifiedClause.get(c);
      if (quantified === undefined) {
        quantified = QUANTITY.test(text.slice(clauses.start[c]!, clauses.end[c]!));
        quantifiedClause.set(c, quantified);
      }
      // The verb governs the term: it stands at most a few characters before it (推进“县管校聘”管理改革).
      const practised = quantified || ACTION.test(text.slice(Math.max(clauses.start[c]!, at - 6), at));
      mentions.push({ measure, term, start: at, end, listed: false, practised, quantified });
    }
  }
  mentions.sort((a, b) => a.start - b.start);
  markEnumerations(text, mentions, clauses);
  return mentions;
}

function confidenceOf(
  e: Pick<MeasureEvidence, 'mentions' | 'paragraphs' | 'inHeading'> & { quantified?: number },
): Confidence {
  if (e.inHeading || (e.paragraphs.length >= 2 && e.mentions >= 3)) return 'high';
  // Two mentions, or one that a figure quantifies (累计培训教师3.1万人次).
  if (e.mentions >= 2 || (e.quantified ?? 0) >= 1) return 'medium';
  return 'low';
}

/**
 * Evidence for every measure that the paragraphs mention, best first. Ranked by evidence:
 * mentions + 2 × paragraphs + 5 when a heading names it + 1 for each of up to two mentions
 * stated as practised; listed mentions add nothing.
 * @param headings headings of the text; a measure named in one is central to it.
 */
export function findEvidence(
  paragraphs: readonly string[],
  measures: readonly MeasureTerms[],
  headings: readonly string[] = [],
): MeasureEvidence[] {
  const perParagraph = paragraphs.map((text) => findMentions(text, measures));
  const headingMentions = headings.flatMap((h) => findMentions(h, measures).filter((m) => !m.listed));
  const results: MeasureEvidence[] = [];
  for (const m of measures) {
    const found: ParagraphEvidence[] = [];
    let listed = 0;
    let practised = 0;
    let quantified = 0;
    perParagraph.forEach((mentions, index) => {
      const own = mentions.filter((x) => x.measure === m.id);
      listed += own.filter((x) => x.listed).length;
      practised += own.filter((x) => x.practised).length;
      quantified += own.filter((x) => x.quantified).length;
      const counted = own.filter((x) => !x.listed);
      if (counted.length) found.push({ index, count: counted.length, terms: [...new Set(counted.map((x) => x.term))] });
    });
    const inHeading = headingMentions.some((x) => x.measure === m.id);
    if (found.length === 0 && !inHeading && listed === 0) continue;
    const mentions = found.reduce((n, p) => n + p.count, 0);
    const score = mentions + 2 * found.length + (inHeading ? 5 : 0) + Math.min(practised, 2);
    const partial = { mentions, paragraphs: found, inHeading, practised, quantified };
    results.push({ measure: m.id, ...partial, listed, score, confidence: confidenceOf(partial) });
  }
  return results.sort((a, b) => b.score - a.score || a.measure.localeCompare(b.measure));
}
