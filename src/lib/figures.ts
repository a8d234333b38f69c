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

/** A figure as the page shows it: the text's own wording when set, else value and unit. */
export function figureText(f: Pick<FigureLike, 'value' | 'unit' | 'display'>): string {
  return f.display ?? `${f.value}${f.unit}`;
}

const withoutCommas = (s: string) => s.replace(/(\d),(?=\d{3})/g, '$1');

/** Words after a number that make it approximate or a bound: shown without them, it would overstate. */
const APPROX_AFTER = /^(多|余|以上|左右|以下)/;

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
    } else if (f.display === undefined) {
      // The value must stand in the quote followed by the unit (12.0亿元 is 12 亿元), and not by 多/余/以上.
      const quote = withoutCommas(f.quote);
      const stated = [...quote.matchAll(/\d+(?:\.\d+)?/g)].find((m) => Number(m[0]) === f.value && quote.startsWith(f.unit, m.index + m[0].length));
      if (!stated) {
        problems.push({ figure, message: `the quote “${f.quote}” does not state ${f.value}${f.unit}: fix the unit, or set display to the quote's wording (e.g. 30多亿元)` });
      } else if (APPROX_AFTER.test(quote.slice(stated.index + stated[0].length + f.unit.length))) {
        problems.push({ figure, message: `the quote qualifies ${f.value}${f.unit} (多/余/以上…): set display so the page keeps the text's wording` });
      }
    }
    if (f.year !== undefined && !paragraphs.some((p) => p.includes(f.quote) && p.includes(String(f.year)))) {
      problems.push({ figure, message: `year ${f.year} is not in the paragraph of the quote: drop it or quote the sentence that dates the figure` });
    }
    if (f.measure && !caseMeasures.includes(f.measure)) {
      problems.push({ figure, message: `measure “${f.measure}” is not one of this case's measures (${caseMeasures.join(', ')})` });
    }
  });
  return problems;
}

