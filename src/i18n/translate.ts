/**
 * How a UI string is filled, for the build (./index.ts `t`) and the browser alike: a
 * translator over a table of strings, so that client code carries only its own table
 * (./search.ts; /compare/ gets its strings in the page).
 */

export type Params = Record<string, string | number>;

/** Fills `{name}` placeholders from `params`; one without a value stays as it is. */
export function fill(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

/** A `t()` over `table`: looks a string up and fills it (a key the table lacks is shown as the key). */
export function translator<K extends string>(table: Readonly<Partial<Record<K, string>>>) {
  return (key: K, params: Params = {}): string => fill(table[key] ?? key, params);
}
