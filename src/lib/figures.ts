/**
 * Key figures must be traceable: each one quotes the exact phrase of the case body it
 * comes from, and that phrase must contain the number. The build and the ingest CLI both
 * run these checks.
 */
export interface FigureLike {
  label: string;
  value: number;
  unit: string;
  quote: string;
  /** How the text states it when the bare value would lose meaning: 30多亿元, 6万余名, 85%以上. */
  display?: string | undefined;
  year?: number | undefined;
  measure?: string | undefined;
}

export interface FigureProblem {
  /** Position of the figure in the case's `figures` list. */
  figure: number;
  message: string;
}

/** How a number may be written in the text: 1980, 1,980 or 1980.0 are all the number 1980. */
export function numberAppearsIn(value: number, text: string): boolean {
  const candidates = text.replace(/(\d),(?=\d{3})/g, '$1').match(/\d+(?:\.\d+)?/g) ?? [];
  return candidates.some((c) => Number(c) === value);
}

export function checkFigures(
  paragraphs: readonly string[],
  figures: readonly FigureLike[],
  caseMeasures: readonly string[],
): FigureProblem[] {
  const problems: FigureProblem[] = [];
  figures.forEach((f, figure) => {
    if (!paragraphs.some((p) => p.includes(f.quote))) {
      problems.push({ figure, message: `quote “${f.quote}” is not in the case text (copy the exact phrase from one paragraph)` });
    } else if (!numberAppearsIn(f.value, f.quote)) {
      problems.push({ figure, message: `value ${f.value} does not appear in its quote “${f.quote}”` });
    } else if (f.display !== undefined && (!f.quote.includes(f.display) || !numberAppearsIn(f.value, f.display))) {
      problems.push({ figure, message: `display “${f.display}” must be part of the quote and contain the value ${f.value}` });
    }
    if (f.measure && !caseMeasures.includes(f.measure)) {
      problems.push({ figure, message: `measure “${f.measure}” is not one of this case's measures (${caseMeasures.join(', ')})` });
    }
  });
  return problems;
}

