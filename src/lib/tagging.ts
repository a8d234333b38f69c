/**
 * Tagging: text + taxonomy → measures with evidence. Shared by the site (evidence links,
 * measure-page excerpts) and the ingest CLI (proposed tags). A mention in passing is not a
 * practice, so every measure gets a score and a confidence an editor can act on.
 */
export interface MeasureTerms {
  id: string;
  name: string;
  aliases: readonly string[];
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
  score: number;
  confidence: Confidence;
}

/** The terms that signal a measure, longest first so that longer phrases win overlaps. */
export function measureTerms(m: MeasureTerms): string[] {
  return [...new Set([m.name, ...m.aliases])].filter(Boolean).sort((a, b) => b.length - a.length);
}

/** Counts non-overlapping occurrences of the terms (longest first) in a text. */
export function countTerms(text: string, terms: string[]): { count: number; found: string[] } {
  const taken: boolean[] = new Array(text.length).fill(false);
  let count = 0;
  const found = new Set<string>();
  for (const term of terms) {
    let from = 0;
    for (let at = text.indexOf(term, from); at >= 0; at = text.indexOf(term, from)) {
      from = at + term.length;
      if (taken.slice(at, at + term.length).some(Boolean)) continue;
      taken.fill(true, at, at + term.length);
      count++;
      found.add(term);
    }
  }
  return { count, found: [...found] };
}

export function confidenceOf(e: Pick<MeasureEvidence, 'mentions' | 'paragraphs' | 'inHeading'>): Confidence {
  if (e.inHeading || (e.paragraphs.length >= 2 && e.mentions >= 3)) return 'high';
  if (e.mentions >= 2) return 'medium';
  return 'low';
}

/**
 * Evidence for every measure that the paragraphs mention, best first.
 * @param headings headings of the text; a measure named in one is central to it.
 */
export function findEvidence(
  paragraphs: readonly string[],
  measures: readonly MeasureTerms[],
  headings: readonly string[] = [],
): MeasureEvidence[] {
  const results: MeasureEvidence[] = [];
  for (const m of measures) {
    const terms = measureTerms(m);
    const found: ParagraphEvidence[] = [];
    paragraphs.forEach((text, index) => {
      const { count, found: t } = countTerms(text, terms);
      if (count > 0) found.push({ index, count, terms: t });
    });
    const inHeading = headings.some((h) => countTerms(h, terms).count > 0);
    if (found.length === 0 && !inHeading) continue;
    const mentions = found.reduce((n, p) => n + p.count, 0);
    const score = mentions + 2 * found.length + (inHeading ? 5 : 0);
    const partial = { mentions, paragraphs: found, inHeading };
    results.push({ measure: m.id, ...partial, score, confidence: confidenceOf(partial) });
  }
  return results.sort((a, b) => b.score - a.score || a.measure.localeCompare(b.measure));
}
