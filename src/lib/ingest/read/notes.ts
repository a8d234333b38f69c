/** Reader notes for the review report. */
import type { BidiFinding } from './hygiene.ts';

/** A note when bidi controls were removed: they can make `0051` display as `1500`. */
export function bidiNote(bidi: BidiFinding): string[] {
  if (!bidi.count) return [];
  const where = bidi.lines.length ? ` on line ${bidi.lines.join(', ')}${bidi.lines.length >= 10 ? ', …' : ''}` : '';
  return [
    `${bidi.count} bidi control character(s) removed${where}: they can reorder how text displays (0051 shown as 1500) — check against the original`,
  ];
}
