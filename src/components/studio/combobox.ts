/**
 * A text box that offers matches as the editor types (WAI-ARIA combobox with a list box):
 * arrow keys move through the matches, Enter takes one, Escape closes the list. Typing through an
 * input method is left alone until the characters are committed (Enter then confirms the IME).
 */
import { h } from './dom.ts';

export interface Choice {
  id: string;
  label: string;
  hint?: string;
}

export interface ComboboxOptions {
  id: string;
  label: string;
  placeholder?: string;
  /** Id of an element that describes the box (hint, error). */
  describedBy?: string;
  /** The matches for what was typed (may come from the worker: a later answer replaces an earlier one). */
  find(typed: string): Choice[] | Promise<Choice[]>;
  pick(choice: Choice): void;
  /** Message for the status region when nothing matches. */
  none: string;
}

const KEYS = ['ArrowDown', 'ArrowUp', 'Enter', 'Escape'];

class Combobox {
  readonly input: HTMLInputElement;
  readonly list: HTMLUListElement;
  readonly status = h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  private choices: Choice[] = [];
  private active = -1;
  private asked = 0;
  /** The matches for the text as it is now (keys wait for them: typing may be ahead of the answers). */
  private latest: Promise<void> = Promise.resolve();

  constructor(private options: ComboboxOptions) {
    const listId = `${options.id}-list`;
    this.input = h('input', {
      id: options.id,
      type: 'text',
      role: 'combobox',
      'aria-autocomplete': 'list',
      'aria-expanded': 'false',
      'aria-controls': listId,
      autocomplete: 'off',
      spellcheck: 'false',
      placeholder: options.placeholder,
      'aria-describedby': options.describedBy,
    });
    this.list = h('ul', {
      id: listId,
      role: 'listbox',
      class: 'studio-listbox',
      hidden: true,
      'aria-label': options.label,
    });
    this.input.addEventListener('input', () => {
      this.latest = this.update();
    });
    this.input.addEventListener('blur', () => this.close());
    this.input.addEventListener('keydown', (e) => void this.key(e));
  }

  private close(): void {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
  }

  private highlight(i: number): void {
    this.active = i;
    [...this.list.children].forEach((li, n) => li.setAttribute('aria-selected', String(n === i)));
    const li = this.list.children[i] as HTMLElement | undefined;
    if (!li) return;
    this.input.setAttribute('aria-activedescendant', li.id);
    li.scrollIntoView({ block: 'nearest' });
  }

  private take(choice: Choice | undefined): void {
    if (!choice) return;
    this.close();
    this.input.value = '';
    this.options.pick(choice);
  }

  private option(c: Choice, i: number): HTMLElement {
    return h(
      'li',
      {
        id: `${this.list.id}-${i}`,
        role: 'option',
        'aria-selected': 'false',
        onmousedown: (e) => e.preventDefault(),
        onclick: () => this.take(c),
      },
      h('span', { class: 'studio-option-label' }, c.label),
      c.hint ? h('span', { class: 'studio-option-hint' }, c.hint) : null,
    );
  }

  private async update(): Promise<void> {
    const ask = ++this.asked;
    const typed = this.input.value.trim();
    const found = typed ? await this.options.find(this.input.value) : [];
    if (ask !== this.asked) return;
    this.choices = found;
    this.list.replaceChildren(...found.map((c, i) => this.option(c, i)));
    this.list.hidden = !found.length;
    this.input.setAttribute('aria-expanded', String(found.length > 0));
    this.input.removeAttribute('aria-activedescendant');
    this.active = -1;
    this.status.textContent = typed && !found.length ? this.options.none : '';
  }

  private async key(e: KeyboardEvent): Promise<void> {
    if (e.isComposing || !KEYS.includes(e.key)) return;
    if (e.key !== 'Escape' || !this.list.hidden) e.preventDefault();
    await this.latest;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (this.list.hidden) await (this.latest = this.update());
      if (!this.choices.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      this.highlight((this.active + step + this.choices.length) % this.choices.length);
    } else if (e.key === 'Enter' && !this.list.hidden) {
      this.take(this.choices[this.active < 0 ? 0 : this.active]);
    } else if (e.key === 'Escape') {
      this.close();
    }
  }
}

export function combobox(options: ComboboxOptions): HTMLElement {
  const box = new Combobox(options);
  return h(
    'div',
    { class: 'studio-combobox' },
    h('label', { for: options.id }, options.label),
    h('div', { class: 'studio-combobox-box' }, box.input, box.list),
    box.status,
  );
}
