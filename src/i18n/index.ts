import { zhCN, type UiKey } from './zh-CN.ts';

/** Looks up a UI string and fills `{name}` placeholders. */
export function t(key: UiKey, params: Record<string, string | number> = {}): string {
  return zhCN[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export type { UiKey };
