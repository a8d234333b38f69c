import type { Page } from 'astro';
import { getCasebook, type CaseView } from './casebook.ts';
import { CASES_PER_PAGE } from './limits.ts';
import { href, routes } from '../href.ts';

/** The case list split into pages: /cases/, then /cases/page/2/, /cases/page/3/ … */
export async function casesPages(): Promise<Page<CaseView>[]> {
  const { cases } = await getCasebook();
  const lastPage = Math.max(1, Math.ceil(cases.length / CASES_PER_PAGE));
  const url = (n: number) => (n === 1 ? href(routes.cases()) : href(`${routes.cases()}page/${n}/`));
  return Array.from({ length: lastPage }, (_, i) => {
    const n = i + 1;
    const start = i * CASES_PER_PAGE;
    const data = cases.slice(start, start + CASES_PER_PAGE);
    return {
      data,
      start,
      end: start + data.length - 1,
      size: CASES_PER_PAGE,
      total: cases.length,
      currentPage: n,
      lastPage,
      url: {
        current: url(n),
        prev: n > 1 ? url(n - 1) : undefined,
        next: n < lastPage ? url(n + 1) : undefined,
        first: n > 1 ? url(1) : undefined,
        last: n < lastPage ? url(lastPage) : undefined,
      },
    };
  });
}
