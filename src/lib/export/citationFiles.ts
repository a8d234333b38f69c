/** RIS and BibTeX files for citation managers, written by Citation.js from CSL-JSON items. */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import '@citation-js/plugin-bibtex';
import type { CslItem } from './csl.ts';

// Keep Chinese text as it is (the default ASCII-only output drops every CJK character), and keep
// the case id as the key: hyphens are valid in BibTeX keys, but Citation.js would replace the key.
const bibtexFormat = plugins.config.get('@bibtex').format;
if (bibtexFormat) Object.assign(bibtexFormat, { asciiOnly: false, checkLabel: false });

type RisEntry = Record<string, string | number | (string | number)[]>;

/**
 * Citation.js maps CSL to RIS tags; the lines are written here because its text output wraps
 * values every 70 characters, which readers (its own included) join with a space: “1980” would
 * come back as “1 980”. One line per value, CRLF line ends as the RIS spec has them.
 */
export function toRis(items: CslItem[]): string {
  const entries = new Cite(items).format('ris', { format: 'object' }) as unknown as RisEntry[];
  const oneLine = (v: string | number) => String(v).replace(/\s*[\r\n]+\s*/g, ' ');
  return entries
    .map((entry) => {
      const lines = [`TY  - ${entry.TY}`];
      for (const [tag, value] of Object.entries(entry)) {
        if (tag !== 'TY') for (const v of [value].flat()) lines.push(`${tag}  - ${oneLine(v)}`);
      }
      lines.push('ER  - ');
      return lines.join('\r\n');
    })
    .join('\r\n')
    .concat('\r\n');
}

/** LaTeX's special characters, which Citation.js leaves as they are once ASCII-only output is off. */
const LATEX_SPECIAL: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};
const escapeLatex = (text: string) => text.replace(/[\\{}%&$#_~^]/g, (c) => LATEX_SPECIAL[c] ?? c);

/** Text fields that BibTeX reads as LaTeX (the URL is read verbatim and stays as it is). */
const TEXT_FIELDS = ['title', 'original-title', 'container-title', 'publisher', 'abstract', 'keyword', 'note'] as const;

/**
 * biblatex entries (@online with `date` and `urldate`): dates keep exactly the precision the case
 * has, which BibTeX's year/month fields cannot say; Zotero, JabRef and biber read them.
 */
export function toBibtex(items: CslItem[]): string {
  const escaped = items.map((item) => {
    const copy: CslItem = { ...item, author: item.author.map((a) => ({ literal: escapeLatex(a.literal) })) };
    for (const field of TEXT_FIELDS) {
      const value = item[field];
      if (value !== undefined) copy[field] = escapeLatex(value);
    }
    return copy;
  });
  return String(new Cite(escaped).format('biblatex'));
}
