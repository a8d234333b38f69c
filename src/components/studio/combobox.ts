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

export function combobox(options: ComboboxOptions): HTMLElement {
  const listId = `${options.id}-list`;
  const input = h('input', {
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
  const list = h('ul', {
    id: listId,
    role: 'listbox',
    class: 'studio-listbox',
    hidden: true,
    'aria-label': options.label,
  });
  const status = h('p', { class: 'sr-only', role: 'status', 'aria-live': 'polite' });
  let choices: Choice[] = [];
  let active = -1;
  let asked = 0;
  /** The matches for the text as it is now (keys wait for them: typing may be ahead of the answers). */
  let latest: Promise<void> = Promise.resolve();

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const highlight = (i: number) => {
    active = i;
    [...list.children].forEach((li, n) => li.setAttribute('aria-selected', String(n === i)));
    const li = list.children[i] as HTMLElement | undefined;
    if (li) {
      input.setAttribute('aria-activedescendant', li.id);
      li.scrollIntoView({ block: 'nearest' });
    }
  };
  const take = (choice: Choice | undefined) => {
    if (!choice) return;
    close();
    input.value = '';
    options.pick(choice);
  };
  const update = async () => {
    const ask = ++asked;
    const found = input.value.trim() ? await options.find(input.value) : [];
    if (ask !== asked) return;
    choices = found;
    list.replaceChildren(
      ...choices.map((c, i) =>
        h(
          'li',
          {
            id: `${listId}-${i}`,
            role: 'option',
            'aria-selected': 'false',
            onmousedown: (e) => e.preventDefault(),
            onclick: () => take(c),
          },
          h('span', { class: 'studio-option-label' }, c.label),
          c.hint ? h('span', { class: 'studio-option-hint' }, c.hint) : null,
        ),
      ),
    );
    const open = choices.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    input.removeAttribute('aria-activedescendant');
    active = -1;
    status.textContent = input.value.trim() && !open ? options.none : '';
  };
  input.addEventListener('input', () => {
    latest = update();
  });
  input.addEventListener('blur', close);
  input.addEventListener('keydown', async (e) => {
    if (e.isComposing || !['ArrowDown', 'ArrowUp', 'Enter', 'Escape'].includes(e.key)) return;
    if (e.key !== 'Escape' || !list.hidden) e.preventDefault();
    await latest;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      if (list.hidden) await (latest = update());
      if (!choices.length) return;
      const step = e.key === 'ArrowDown' ? 1 : -1;
      highlight((active + step + choices.length) % choices.length);
    } else if (e.key === 'Enter' && !list.hidden) {
      take(choices[active < 0 ? 0 : active]);
    } else if (e.key === 'Escape') {
      close();
    }
  });
  return h(
    'div',
    { class: 'studio-combobox' },
    h('label', { for: options.id }, options.label),
    h('div', { class: 'studio-combobox-box' }, input, list),
    status,
  );
}
