import { zhCN, zhCNStudio, type StudioKey, type UiKey } from './zh-CN.ts';

/** Looks up a UI string and fills `{name}` placeholders. */
export function t(key: UiKey, params: Record<string, string | number> = {}): string {
  return zhCN[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/**
 * The same for a string of the editors' studio: used by its page and the footer at build time
 * only, so the site's client code (which carries `zhCN`) never carries these.
 */
export function tStudio(key: StudioKey): string {
  return zhCNStudio[key];
}

export type { StudioKey, UiKey };
