/**
 * Size of a case body, checked before it is rendered: the Markdown parser's inline pass is
 * quadratic in emphasis delimiters within a paragraph (30 KB of `*a_` took 42 s) and its block pass
 * recurses once per container level (100,000 nested `>` overflowed the stack), so a body with a
 * paragraph over MAX_LENGTH.paragraph characters, more than MAX_LENGTH.caseBody in all, or a line
 * that opens more than MAX_NESTING containers is refused with its line and not rendered.
 */
import { characterCount, MAX_LENGTH } from './lengths.ts';
import type { Problem } from './problems.ts';

/** Quote and list markers before the text of a line (case bodies have none: plain paragraphs). */
const MAX_NESTING = 8;

export function bodyProblems(file: string, body: string, firstLine: number): Problem[] {
  const problems: Problem[] = [];
  const total = characterCount(body);
  if (total > MAX_LENGTH.caseBody)
    problems.push({
      file,
      line: firstLine,
      message: `the text is ${total} characters, more than the ${MAX_LENGTH.caseBody} a case allows (one reporting body’s account): split it into cases`,
    });
  const lines = body.split('\n');
  let paragraphStart = -1;
  let paragraphLength = 0;
  lines.forEach((line, i) => {
    const markers = /^(?:[ \t]*(?:>|[-*+][ \t]|\d{1,9}[.)][ \t]))*/.exec(line.slice(0, 4 * MAX_NESTING))![0];
    if (markers.replace(/[^>*+\-.)]/g, '').length > MAX_NESTING)
      problems.push({
        file,
        line: firstLine + i,
        message: `more than ${MAX_NESTING} nested quote or list markers at the start of the line: a case body is plain paragraphs`,
      });
    if (!line.trim()) {
      paragraphStart = -1;
      return;
    }
    if (paragraphStart < 0) {
      paragraphStart = i;
      paragraphLength = 0;
    }
    paragraphLength += characterCount(line);
    if (paragraphLength > MAX_LENGTH.paragraph && paragraphLength - characterCount(line) <= MAX_LENGTH.paragraph)
      problems.push({
        file,
        line: firstLine + paragraphStart,
        message: `a paragraph of more than ${MAX_LENGTH.paragraph} characters (real paragraphs have a few hundred): split it at a sentence end`,
      });
  });
  return problems;
}
