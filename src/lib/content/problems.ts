/**
 * Content problems as `file:line: message` lines (editors' tools jump to them), and the error a
 * loader throws for them. The error has no stack: Astro prints a “Stack trace” section for any
 * error that has one, and for bad content that is noise pointing at our own code.
 */
export interface Problem {
  /** Repository-relative path, e.g. content/cases/x.mdx. */
  file: string;
  line: number;
  message: string;
}

const formatProblem = (p: Problem) => `${p.file}:${p.line}: ${p.message}`;

export class ContentError extends Error {
  constructor(title: string, problems: Problem[]) {
    const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    super(`${title}\n${[...new Set(sorted.map(formatProblem))].join('\n')}`);
    this.name = 'ContentError';
    this.stack = '';
  }
}

export function throwIfProblems(title: string, problems: Problem[]): void {
  if (problems.length) throw new ContentError(title, problems);
}
