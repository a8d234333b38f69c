import { formatCitation } from '../lib/citation.ts';
import type { CaseView } from './casebook.ts';

/** The citation of a case page: its reporting body, headline and source details. */
export function caseCitation(view: CaseView, url: string): string {
  const s = view.source.data;
  return formatCitation({
    author: view.data.author,
    body: view.data.body,
    title: view.data.originalTitle ?? view.data.title,
    kind: s.kind,
    publication: s.publication,
    issue: s.issue,
    date: view.data.date,
    url,
  });
}
