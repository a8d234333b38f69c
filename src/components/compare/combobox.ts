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
  let options: Option<T>[] = [];
  let active = -1;

  const items = () => [...listbox.children] as HTMLElement[];
  const setActive = (i: number) => {
    active = i;
    items().forEach((li, j) => li.setAttribute('aria-selected', String(j === i)));
    const current = items()[i];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const close = () => {
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    setActive(-1);
  };
  const choose = (i: number) => {
    const option = options[i];
    if (!option) return;
    input.value = option.label;
    close();
    pick(option);
  };
  const show = (next: Option<T>[]) => {
    options = next;
    listbox.replaceChildren(
      ...next.map((o, i) => {
        const li = document.createElement('li');
        li.id = `${listbox.id}-${i}`;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        const detail = document.createElement('span');
        detail.className = 'combobox-detail';
        detail.textContent = o.detail;
        li.append(o.label, detail);
        // Keep focus in the input: pick on click, not on the focus change a press would make.
        li.addEventListener('mousedown', (e) => e.preventDefault());
        li.addEventListener('click', () => choose(i));
        return li;
      }),
    );
    listbox.hidden = next.length === 0;
    input.setAttribute('aria-expanded', String(next.length > 0));
    setActive(-1);
  };

  input.addEventListener('input', (e) => {
    if ((e as InputEvent).isComposing) return;
    show(find(input.value));
  });
  input.addEventListener('compositionend', () => show(find(input.value)));
  input.addEventListener('keydown', (e) => {
    if (e.isComposing) return;
    const open = !listbox.hidden;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return show(find(input.value));
      const n = options.length;
      setActive(e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n);
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      choose(active);
    } else if (e.key === 'Escape') {
      if (open) close();
      else input.value = '';
    }
  });
  input.addEventListener('blur', close);
  return { show, close };
}
