/**
 * `t()` of the search's browser code (src/components/search/client/): over the search's section
 * of the dictionary only (./zh-CN.search.ts), so that the search bundle carries no other string.
 */
import { translator } from './translate.ts';
import { zhCNSearch } from './zh-CN.search.ts';

export type SearchKey = keyof typeof zhCNSearch;

export const t = translator<SearchKey>(zhCNSearch);
