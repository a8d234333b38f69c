/**
 * Scoring drafts against what an editor expects: tag precision and recall, and figure recall
 * with label, kind and period agreement. Used by scripts/ingest-quality.ts and its tests.
 */
export interface TagScore {
  tp: number;
  proposed: number;
  expected: number;
  missing: string[];
  extra: string[];
}

export function scoreTags(proposed: readonly string[], expected: readonly string[]): TagScore {
  const want = new Set(expected);
  const got = new Set(proposed);
  return {
    tp: [...got].filter((m) => want.has(m)).length,
    proposed: got.size,
    expected: want.size,
    missing: [...want].filter((m) => !got.has(m)),
    extra: [...got].filter((m) => !want.has(m)),
  };
}

/** Micro-averaged precision and recall over several scores. */
export function precisionRecall(scores: readonly TagScore[]): { precision: number; recall: number } {
  const sum = (f: (s: TagScore) => number) => scores.reduce((n, s) => n + f(s), 0);
  return {
    precision:
      sum((s) => s.tp) /
      Math.max(
        1,
        sum((s) => s.proposed),
      ),
    recall:
      sum((s) => s.tp) /
      Math.max(
        1,
        sum((s) => s.expected),
      ),
  };
}

export interface FigureExpectation {
  label: string;
  value: number;
  unit: string;
  kind?: string;
  period?: { from?: number; to?: number };
}

export interface FigureFound {
  label: string;
  value: number;
  unit: string;
  kind?: string;
  period?: { from?: number; to?: number } | undefined;
}

export interface FigureScore {
  expected: number;
  /** Expected figures proposed (same value and unit). */
  found: number;
  /** …whose label is the expected noun phrase or contains it (or is contained in it). */
  labelOk: number;
  kindOk: number;
  periodOk: number;
  missing: string[];
}

const samePeriod = (a?: { from?: number; to?: number }, b?: { from?: number; to?: number }) =>
  (a?.from ?? null) === (b?.from ?? null) && (a?.to ?? null) === (b?.to ?? null);

export function scoreFigures(found: readonly FigureFound[], expected: readonly FigureExpectation[]): FigureScore {
  const score: FigureScore = { expected: expected.length, found: 0, labelOk: 0, kindOk: 0, periodOk: 0, missing: [] };
  for (const e of expected) {
    const f = found.find((x) => x.value === e.value && x.unit === e.unit);
    if (!f) {
      score.missing.push(`${e.label} ${e.value}${e.unit}`);
      continue;
    }
    score.found++;
    if (f.label === e.label || f.label.includes(e.label) || e.label.includes(f.label)) score.labelOk++;
    if (!e.kind || f.kind === e.kind) score.kindOk++;
    if (samePeriod(f.period, e.period)) score.periodOk++;
  }
  return score;
}
