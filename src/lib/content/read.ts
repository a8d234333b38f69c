/** Reading one content file: valid UTF-8, no unsafe characters (../text/unsafeChars.ts), line-numbered problems. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from './problems.ts';
import { unsafeCharacters } from '../text/unsafeChars.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Control characters and bidi/invisible characters are build errors, not silently stripped:
 * content is curated text whose every figure is checked against the body, so the file and the
 * page must stay the same text; the error names line, column and code point so the editor can
 * remove it (the ingest CLI already strips them from new drafts).
 */
export function characterProblems(file: string, text: string): Problem[] {
  return unsafeCharacters(text).map((c) => ({
    file,
    line: c.line,
    message: `invisible or control character ${c.description} at column ${c.column}: delete it (it can hide or reorder text)`,
  }));
}

export function readContentFile(root: string, file: string): { text?: string; problems: Problem[] } {
  let text: string;
  try {
    text = utf8.decode(readFileSync(join(root, file)));
  } catch (error) {
    const message = error instanceof TypeError ? 'is not valid UTF-8 text (save it as UTF-8)' : `cannot be read (${(error as Error).message})`;
    return { problems: [{ file, line: 1, message }] };
  }
  const problems = characterProblems(file, text);
  return { text: text.replace(/^\uFEFF/, ''), problems };
}
