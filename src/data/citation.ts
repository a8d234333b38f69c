/** The citations of a case page, built from its front matter and its source record. */
import { formatCopy, formatOriginal, type CasebookCopy, type OriginalWork } from '../lib/export/citation.ts';
import { buildDate } from '../lib/site/buildDate.ts';
import { cslItem, type CslItem } from '../lib/export/csl.ts';
import { absoluteOrPath } from '../lib/site/siteAddress.ts';
import { href, routes } from '../href.ts';
import { t } from '../i18n/index.ts';
import type { CaseView } from './casebook.ts';

/** Fixed for the whole build, so every page and export names the same access date. */
const BUILD_DATE = buildDate(process.env);

/** The responsible party: the signed author, else the reporting body (GB/T 7714 §8.1.1). */
export function caseAuthors(view: CaseView): string[] {
  return [view.data.author ?? view.data.body];
}

function originalWork(view: CaseView): OriginalWork {
  const s = view.source.data;
  const title = view.data.originalTitle ?? s.title;
  // A report inside a page that collects several is cited as part of that page.
  const inHost = (s.kind === '网页' || s.kind === '文章') && title !== s.title;
  return {
    authors: caseAuthors(view),
    title,
    kind: s.kind,
    host: inHost ? { title: s.title, by: s.publisher } : undefined,
    publication: s.publication,
    issue: s.issue,
    publisher: s.publisher,
    // The document's own date (a web page's date may differ from the date of the report it carries).
    date: s.date,
    url: s.url,
    accessed: s.accessed,
  };
}

function casebookCopy(view: CaseView, url: string): CasebookCopy {
  return { authors: caseAuthors(view), title: view.data.title, siteName: t('site.name'), accessed: BUILD_DATE, url };
}

/** Both citations of a case: the original document and the casebook's copy at `url`. */
export function caseCitations(view: CaseView, url: string) {
  return { original: formatOriginal(originalWork(view)), copy: formatCopy(casebookCopy(view, url)) };
}

/** The case as a CSL-JSON item, the source of its RIS and BibTeX exports. */
export function caseCsl(view: CaseView, url: string): CslItem {
  return cslItem({
    id: view.id,
    title: view.data.title,
    originalTitle: view.data.originalTitle,
    authors: caseAuthors(view),
    date: view.data.date,
    accessed: BUILD_DATE,
    url,
    siteName: t('site.name'),
    summary: view.data.summary,
    keywords: view.measures.map((m) => m.data.name),
    original: `${t('cite.originalLabel')}：${formatOriginal(originalWork(view))}`,
  });
}

/** Where a case's page and exports live (absolute when SITE_URL is set, else the path). */
export function caseAddresses(id: string, site: URL | undefined) {
  const page = href(routes.case(id));
  return {
    page: absoluteOrPath(page, site),
    ris: `${page}citation.ris`,
    bibtex: `${page}citation.bib`,
    ogImage: `${page}og.png`,
  };
}

export const formatOriginalOf = (view: CaseView) => formatOriginal(originalWork(view));
