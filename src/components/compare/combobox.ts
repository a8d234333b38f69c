/**
 * An editable combobox with a list popup (WAI-ARIA 1.2 combobox pattern): the text input keeps
 * focus, the options are announced through aria-activedescendant; ↓/↑ move, Enter picks, Esc
 * closes (and clears when closed), a click picks. Roles are set here, so that without scripts the
 * field is a plain text box of the GET form. Input methods: nothing is matched mid-composition.
 */

export interface Option<T> {
  value: T;
  label: string;
  detail: string;
}

export interface Combobox<T> {
  /** Shows these options (the list closes when there are none). */
  show(options: Option<T>[]): void;
  close(): void;
}

/** One option of the popup: its label and detail, picked on click (focus stays in the input). */
function optionItem(id: string, o: Option<unknown>, choose: () => void): HTMLLIElement {
  const li = document.createElement('li');
  li.id = id;
  li.setAttribute('role', 'option');
  li.setAttribute('aria-selected', 'false');
  const detail = document.createElement('span');
  detail.className = 'combobox-detail';
  detail.textContent = o.detail;
  li.append(o.label, detail);
  // Keep focus in the input: pick on click, not on the focus change a press would make.
  li.addEventListener('mousedown', (e) => e.preventDefault());
  li.addEventListener('click', choose);
  return li;
}

class ComboboxWidget<T> implements Combobox<T> {
  options: Option<T>[] = [];
  active = -1;

  readonly input: HTMLInputElement;
  readonly listbox: HTMLElement;
  readonly pick: (option: Option<T>) => void;

  constructor(input: HTMLInputElement, listbox: HTMLElement, pick: (option: Option<T>) => void) {
    this.input = input;
    this.listbox = listbox;
    this.pick = pick;
  }

  items(): HTMLElement[] {
    return [...this.listbox.children] as HTMLElement[];
  }

  setActive(i: number): void {
    this.active = i;
    this.items().forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    const current = this.items()[i];
    if (current) {
      this.input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else this.input.removeAttribute('aria-activedescendant');
  }

  close(): void {
    this.listbox.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.setActive(-1);
  }

  choose(i: number): void {
    const option = this.options[i];
    if (!option) return;
    this.input.value = option.label;
    this.close();
    this.pick(option);
  }

  show(next: Option<T>[]): void {
    this.options = next;
    this.listbox.replaceChildren(...next.map((o, i) => optionItem(`${this.listbox.id}-${i}`, o, () => this.choose(i))));
    this.listbox.hidden = next.length === 0;
    this.input.setAttribute('aria-expanded', String(next.length > 0));
    this.setActive(-1);
  }

  /** ↓/↑ open the list or move in it, Enter picks, Esc closes (and clears when closed). */
  key(e: KeyboardEvent, find: () => Option<T>[]): void {
    if (e.isComposing) return;
    const open = !this.listbox.hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return this.show(find());
      const n = this.options.length;
      this.setActive(e.key === 'ArrowDown' ? (this.active + 1) % n : (this.active - 1 + n) % n);
    } else if (e.key === 'Enter' && open && this.active >= 0) {
      e.preventDefault();
      this.choose(this.active);
    } else if (e.key === 'Escape') {
      if (open) this.close();
      else this.input.value = '';
    }
  }
}

export function combobox<T>(
  input: HTMLInputElement,
  listbox: HTMLElement,
  find: (text: string) => Option<T>[],
  pick: (option: Option<T>) => void,
): Combobox<T> {
  input.setAttribute('role', 'combobox');
  input.setAttribute('aria-autocomplete', 'list');
  input.setAttribute('aria-expanded', 'false');
  input.setAttribute('aria-controls', listbox.id);
  listbox.setAttribute('role', 'listbox');
  if (listbox.dataset.label) listbox.setAttribute('aria-label', listbox.dataset.label);
  const box = new ComboboxWidget(input, listbox, pick);
  const findTyped = () => find(input.value);
  input.addEventListener('input', (e) => {
    if ((e as InputEvent).isComposing) return;
    box.show(findTyped());
  });
  input.addEventListener('compositionend', () => box.show(findTyped()));
  input.addEventListener('keydown', (e) => box.key(e, findTyped));
  input.addEventListener('blur', () => box.close());
  return { show: (options) => box.show(options), close: () => box.close() };
}
