import { fill, type Params } from './translate.ts';
import { zhCN, zhCNStudio, type StudioKey, type UiKey } from './zh-CN.ts';

/** Looks up a UI string and fills `{name}` placeholders. */
export function t(key: UiKey, params: Params = {}): string {
  return fill(zhCN[key], params);
}

/** The UI strings whose keys `wanted` accepts, for a page's client code to fill with ./translate.ts (`translator`). */
export function uiStrings(wanted: (key: UiKey) => boolean): Partial<Record<UiKey, string>> {
  return Object.fromEntries(Object.entries(zhCN).filter(([key]) => wanted(key as UiKey)));
}

/**
 * The same for a string of the editors' studio: used by its page and the footer at build time
 * only, so the site's client code (which carries `zhCN`) never carries these.
 */
export function tStudio(key: StudioKey): string {
  return zhCNStudio[key];
}

export type { StudioKey, UiKey };
