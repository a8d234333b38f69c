/**
 * Proposing measures for a draft with the shared tagger (`findEvidence`): measures with
 * enough evidence go into `measures:`, passing mentions are listed for the editor to
 * confirm. Also the “is this about education at all?” check behind “not a case”.
 */
import { findEvidence, type MeasureEvidence, type MeasureTerms } from '../../model/tagging.ts';
import { countHan } from '../../text/han.ts';

export interface MeasureProposal {
  /** Ranked measures with enough evidence to propose (front matter `measures:`). */
  selected: MeasureEvidence[];
  /** Passing mentions: listed in the report and as a comment, not proposed. */
  low: MeasureEvidence[];
}

/**
 * Minimum evidence for a measure to be proposed: a medium or high confidence from the
 * tagger (2+ mentions, one mention a figure quantifies, or named in a title or heading) — any
 * other single mention is a passing one, and a mention inside an enumeration of values or
 * criteria is no evidence at all.
 */
export const MIN_SCORE = 4;

/**
 * Share of the strongest measure's score a measure needs to be proposed: a text about one thing
 * (a regulation on 学前教育 names it hundreds of times) mentions others in its duties and
 * definitions; those stay passing mentions however often a long text repeats them. @default 0.15
 */
export const NEAR_STRONGEST = 0.15;

export function proposeMeasures(
  paragraphs: readonly string[],
  headings: readonly string[],
  taxonomy: readonly MeasureTerms[],
): MeasureProposal {
  const evidence = findEvidence(paragraphs, taxonomy, headings);
  const top = Math.max(0, ...evidence.map((e) => e.score));
  const strong = (e: MeasureEvidence) =>
    e.confidence !== 'low' && e.score >= MIN_SCORE && e.score >= NEAR_STRONGEST * top;
  return { selected: evidence.filter(strong), low: evidence.filter((e) => !strong(e)) };
}

const EDUCATION_WORDS = /教育|学校|教师|学生|幼儿园|课堂|课程|办学|教学|学位|校长|中小学|招生|育人/g;

/** Mentions of education words per 1,000 Chinese characters, and in total. */
export function educationDensity(text: string): { mentions: number; perThousand: number } {
  const mentions = text.match(EDUCATION_WORDS)?.length ?? 0;
  const cjk = countHan(text);
  return { mentions, perThousand: cjk ? (mentions * 1000) / cjk : 0 };
}

/** Thresholds for “this is about education”: @default 8 mentions and 10 per 1,000 characters. */
export const MIN_EDUCATION_MENTIONS = 8;
export const MIN_EDUCATION_DENSITY = 10;

/** Why a text is not an education case, or undefined when it is one. */
export function notACase(text: string, proposal: MeasureProposal): string | undefined {
  const { mentions, perThousand } = educationDensity(text);
  if (mentions < MIN_EDUCATION_MENTIONS || perThousand < MIN_EDUCATION_DENSITY) {
    return `not a case: the text is not about education (${mentions} education words, ${perThousand.toFixed(1)} per 1,000 characters; at least ${MIN_EDUCATION_MENTIONS} and ${MIN_EDUCATION_DENSITY} expected)`;
  }
  if (!proposal.selected.length) {
    return 'not a case: no education measure has more than a passing mention';
  }
  return undefined;
}
