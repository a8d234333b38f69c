/**
 * Splits text for display so that a line never breaks inside a number, a date or a URL:
 * numbers and dates become unbreakable runs; a URL becomes unbreakable chunks with a break
 * opportunity only after / ? & = # (where a reader expects a URL to continue on the next line).
 * The pieces concatenate back to the text unchanged, so copying keeps the exact citation.
 */
export type Piece = { text: string; keep: boolean } | { wbr: true };

const URL_RE = /(?:https?:\/\/|\/)[^\s，。、；）\]]*[^\s，。、；）\].]/g;
/** Digits with the punctuation that lives inside dates, issues and decimals: 2025-10-11, 60.36, [2026-12-01]. */
const NUMBER_RE = /\[?\d+(?:[-.:/]\d+)*\]?/g;

function numberPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(NUMBER_RE)) {
    if (m.index > last) pieces.push({ text: text.slice(last, m.index), keep: false });
    pieces.push({ text: m[0], keep: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), keep: false });
  return pieces;
}

function urlPieces(url: string): Piece[] {
  const chunks = url.split(/(?<=[/?&=#])(?!\/)/);
  // Never leave a lone “/” or “https://” at the end of a line: they stay with what follows.
  if (chunks.length > 1 && /^\/$|:\/\/$/.test(chunks[0]!)) chunks.splice(0, 2, chunks[0]! + chunks[1]!);
  const pieces: Piece[] = [];
  for (const chunk of chunks) {
    if (pieces.length) pieces.push({ wbr: true });
    pieces.push({ text: chunk, keep: true });
  }
  return pieces;
}

export function noBreakPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_RE)) {
    // A “/” inside running text (e.g. EB/OL, N/OL) is not a URL: paths start after a space or at the start.
    if (m[0].startsWith('/') && m.index > 0 && !/\s/.test(text[m.index - 1] ?? '')) continue;
    if (m.index > last) pieces.push(...numberPieces(text.slice(last, m.index)));
    pieces.push(...urlPieces(m[0]));
    last = m.index + m[0].length;
  }
  if (last < text.length) pieces.push(...numberPieces(text.slice(last)));
  return pieces;
}
