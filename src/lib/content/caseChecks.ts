/**
 * The rules of a case file that need its body (the schema checks the front matter field by
 * field): the body is plain text, and every key figure's quote, number, unit and period stand
 * in it. One owner for the build (src/content.config.ts) and the studio (src/lib/studio/), so
 * that the studio refuses exactly what the build would.
 */
import { checkFigures, type FigureLike } from '../model/figures.ts';
import { paragraphs, unescapedMarkup } from '../text/bodyText.ts';

export interface CaseForChecks {
  title: string;
  originalTitle?: string | undefined;
  measures: readonly string[];
  figures: readonly FigureLike[];
}

export type CaseBodyProblem =
  /** `line` is the body line with the markup. */
  | { kind: 'markup'; line: string; message: string }
  | { kind: 'figure'; figure: number; message: string };

export function caseBodyProblems(data: CaseForChecks, body: string): CaseBodyProblem[] {
  const problems: CaseBodyProblem[] = [];
  // Bodies are plain text by rule: a raw < > { } would become HTML or code.
  for (const line of unescapedMarkup(body)) {
    problems.push({
      kind: 'markup',
      line,
      message: `raw markup in the text (escape < > { } as \\< \\> \\{ \\}): ${line.trim().slice(0, 60)}`,
    });
  }
  for (const p of checkFigures(paragraphs(body), data.figures, data.measures, {
    titles: [data.title, data.originalTitle ?? ''],
  })) {
    problems.push({
      kind: 'figure',
      figure: p.figure,
      message: `figure ${p.figure + 1} (${data.figures[p.figure]?.label ?? ''}): ${p.message}`,
    });
  }
  return problems;
}
