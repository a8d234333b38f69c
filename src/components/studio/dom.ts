/** Small DOM helpers for the studio's client code, and its UI strings (rendered into the page). */

type Child = Node | string | null | undefined | false;
type Props = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

/** An element with attributes (`on…` functions become listeners; false/undefined are left out) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (value === true) el.setAttribute(name, '');
    else if (value !== false && value !== undefined) el.setAttribute(name, String(value));
  }
  for (const child of children.flat()) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

/** A labelled form control with its hint and the element its problems are shown in (`<id>-error`). */
export function field(id: string, label: string, control: HTMLElement, hint?: string): HTMLElement {
  return h(
    'div',
    { class: 'studio-field' },
    h('label', { for: id }, label),
    control,
    hint ? h('p', { class: 'studio-hint', id: `${id}-hint` }, hint) : null,
    h('p', { class: 'studio-error', id: `${id}-error` }),
  );
}

let strings: Record<string, string> = {};

/** Reads the UI strings the page carries (`studio.*` of src/i18n/zh-CN.ts). */
export function loadStrings(root: HTMLElement): void {
  strings = JSON.parse(root.querySelector('[data-studio-strings]')?.textContent ?? '{}') as Record<string, string>;
}

/** A UI string (`studio.` + key) with its `{name}` placeholders filled. */
export function tr(key: string, params: Record<string, string | number> = {}): string {
  const text = strings[`studio.${key}`] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
