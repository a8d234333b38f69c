/**
 * Values as the YAML parser decoded them, checked with the same list as the raw text
 * (../text/unsafeChars.ts): a double-quoted scalar can spell any character as an escape — `"\u202E"`,
 * `"\e"`, `"\0"`, `"\x85"`, `"\L"`, `"\uFEFF"`, a lone `"\uD800"` — which the check of the
 * file's characters cannot see. Each is an error at the field's line, naming the field.
 */
import type { Problem } from './problems.ts';
import { unsafeCharacters } from '../text/unsafeChars.ts';

type Path = (string | number)[];

/** Every string in `data` with its field path. */
function* strings(data: unknown, path: Path = []): Generator<[Path, string]> {
  if (typeof data === 'string') yield [path, data];
  else if (Array.isArray(data)) for (const [i, v] of data.entries()) yield* strings(v, [...path, i]);
  else if (data && typeof data === 'object')
    for (const [k, v] of Object.entries(data)) {
      yield [[...path, k], k];
      yield* strings(v, [...path, k]);
    }
}

/**
 * Problems for decoded values with unsafe characters; lines in `reported` (a raw character there
 * was already reported) are skipped so that one character gives one error.
 */
export function valueProblems(
  file: string,
  data: unknown,
  lineOf: (path: readonly (string | number)[]) => number,
  reported: ReadonlySet<number> = new Set(),
): Problem[] {
  const problems: Problem[] = [];
  for (const [path, value] of strings(data)) {
    // unsafeCharacters allows a file's leading BOM; in a value it is one more invisible character.
    const found = unsafeCharacters(value);
    const first = value.startsWith('\uFEFF') ? { description: 'U+FEFF BYTE ORDER MARK / ZERO WIDTH NO-BREAK SPACE' } : found[0];
    const line = lineOf(path);
    if (!first || reported.has(line)) continue;
    problems.push({
      file,
      line,
      message: `${path.join('.')}: the value contains ${first.description}${found.length > 1 ? ` (and ${found.length - 1} more)` : ''}, written as an escape or in quotes — delete it (it can hide or reorder text)`,
    });
  }
  return problems;
}
