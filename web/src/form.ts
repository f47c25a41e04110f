import { citationsNode } from './citations';
import { h } from './dom';
import type { AnswerOption, QuestionSpec, RecordField } from './questions';

/** How a list or records question stands: not known yet, known to be empty, or listing entries. */
type ListStatus = 'unknown' | 'none' | 'some';

const NONE = '__none__';

/**
 * Renders one question as a fieldset showing `value` (its current answer; `undefined` = not known). Controls fire
 * ordinary `input`/`change` events; `readAnswer` turns the fieldset back into a value.
 */
export function renderQuestion(spec: QuestionSpec, value: unknown): HTMLFieldSetElement {
  const id = `q-${spec.fact.replace(/\./g, '-')}`;
  return h(
    'fieldset',
    { class: 'question', id, 'data-fact': spec.fact, 'data-kind': spec.kind },
    h('legend', {}, spec.title, spec.required ? h('span', { class: 'required', title: 'Required' }, ' *') : null),
    h('p', { class: 'prompt' }, spec.prompt),
    control(spec, value, id),
    spec.help === undefined ? null : h('details', { class: 'help' }, h('summary', {}, 'What this means'), h('p', {}, spec.help)),
    h('p', { class: 'question-cite' }, citationsNode(spec.citation, spec.seeAlso)),
    h('p', { class: 'issue', role: 'alert', hidden: true }),
  );
}

function control(spec: QuestionSpec, value: unknown, id: string): HTMLElement {
  switch (spec.kind) {
    case 'boolean':
      return radios(id, [
        ['yes', 'Yes', value === true],
        ['no', 'No', value === false],
        ['unknown', "Don't know", value !== true && value !== false],
      ]);
    case 'choice':
      return select(id, spec.options ?? [], typeof value === 'string' ? value : spec.default, spec.default !== undefined ? undefined : spec.required ? 'Choose…' : "Don't know");
    case 'multi':
      return multi(id, spec.options ?? [], Array.isArray(value) ? (value as string[]) : undefined);
    case 'list':
      return list(id, spec, Array.isArray(value) ? (value as string[]) : undefined);
    case 'records':
      return records(id, spec.fields ?? [], Array.isArray(value) ? (value as Record<string, unknown>[]) : undefined);
    case 'number':
      return h('input', { type: 'number', name: id, value: typeof value === 'number' ? value : undefined, 'aria-label': spec.title });
    case 'text':
      return h('input', { type: 'text', name: id, value: typeof value === 'string' ? value : undefined, 'aria-label': spec.title });
  }
}

function radios(name: string, choices: readonly (readonly [string, string, boolean])[]): HTMLElement {
  return h(
    'div',
    { class: 'choices' },
    choices.map(([value, label, checked]) => h('label', { class: 'choice' }, h('input', { type: 'radio', name, value, checked }), ` ${label}`)),
  );
}

function select(name: string, options: readonly AnswerOption[], selected: string | undefined, emptyLabel: string | undefined): HTMLSelectElement {
  const element = h(
    'select',
    { name },
    emptyLabel === undefined ? null : h('option', { value: '' }, emptyLabel),
    options.map((option) => h('option', { value: option.value, title: option.description }, option.label)),
  );
  element.value = selected !== undefined && options.some((option) => option.value === selected) ? selected : '';
  return element;
}

function multi(name: string, options: readonly AnswerOption[], selected: readonly string[] | undefined): HTMLElement {
  const box = h(
    'div',
    { class: 'choices multi' },
    options.map((option) =>
      h(
        'label',
        { class: 'choice' },
        h('input', { type: 'checkbox', name, value: option.value, checked: selected?.includes(option.value) === true }),
        ` ${option.label}`,
        option.description === undefined ? null : h('span', { class: 'option-description' }, option.description),
      ),
    ),
    h('label', { class: 'choice none' }, h('input', { type: 'checkbox', name, value: NONE, checked: selected !== undefined && selected.length === 0 }), ' None of these'),
    h('p', { class: 'hint' }, 'Leave every box unticked while you do not know yet.'),
  );
  // "None of these" and the entries exclude each other.
  box.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement;
    if (!target.checked) return;
    for (const input of box.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) {
      if (input !== target && (target.value === NONE || input.value === NONE)) input.checked = false;
    }
  });
  return box;
}

function statusRadios(name: string, status: ListStatus, labels: Readonly<Record<ListStatus, string>>): HTMLElement {
  return radios(`${name}-status`, (['unknown', 'none', 'some'] as const).map((value) => [value, labels[value], status === value] as const));
}

function statusOf(entries: readonly unknown[] | undefined): ListStatus {
  return entries === undefined ? 'unknown' : entries.length === 0 ? 'none' : 'some';
}

function list(name: string, spec: QuestionSpec, entries: readonly string[] | undefined): HTMLElement {
  const input = h('input', {
    type: 'text',
    name: `${name}-entries`,
    value: entries?.join(', '),
    placeholder: spec.fact === 'item.annexIEntries' ? 'e.g. 5A001.j, 4A005' : 'entries, separated by commas',
    'aria-label': `${spec.title}: entries`,
  });
  const box = h('div', { class: 'list' }, statusRadios(name, statusOf(entries), { unknown: 'Not known yet', none: 'None', some: 'These:' }), input);
  input.addEventListener('input', () => {
    const some = box.querySelector<HTMLInputElement>(`input[name="${name}-status"][value=some]`);
    if (some !== null && input.value.trim() !== '') some.checked = true;
  });
  return box;
}

function records(name: string, fields: readonly RecordField[], entries: readonly Record<string, unknown>[] | undefined): HTMLElement {
  const rows = h('ol', { class: 'records' });
  const box = h('div', { class: 'records-box' }, statusRadios(name, statusOf(entries), { unknown: 'Not known yet', none: 'None', some: 'These:' }), rows);
  const addRow = (entry: Record<string, unknown>) => {
    const remove = h('button', { type: 'button', class: 'remove', 'data-action': 'remove' }, 'Remove');
    const row = h(
      'li',
      { class: 'record' },
      fields.map((field) =>
        h(
          'label',
          { class: 'record-field' },
          h('span', {}, field.label, field.required ? ' *' : ''),
          field.options === undefined
            ? h('input', { type: 'text', 'data-field': field.name, value: typeof entry[field.name] === 'string' ? (entry[field.name] as string) : undefined })
            : withField(
                select(`${name}-${field.name}`, field.options, typeof entry[field.name] === 'string' ? (entry[field.name] as string) : field.default, field.default !== undefined ? undefined : 'Choose…'),
                field.name,
              ),
        ),
      ),
      remove,
    );
    remove.addEventListener('click', () => {
      row.remove();
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
    rows.append(row);
  };
  for (const entry of entries ?? []) addRow(entry);
  const add = h('button', { type: 'button', class: 'add', 'data-action': 'add' }, 'Add one');
  add.addEventListener('click', () => {
    addRow({});
    const some = box.querySelector<HTMLInputElement>(`input[name="${name}-status"][value=some]`);
    if (some !== null) some.checked = true;
    box.dispatchEvent(new Event('change', { bubbles: true }));
  });
  box.append(add);
  return box;
}

function withField<T extends HTMLElement>(element: T, field: string): T {
  element.setAttribute('data-field', field);
  return element;
}

/** The answer a question's fieldset holds, as the transaction stores it; `undefined` means not known. */
export function readAnswer(fieldset: HTMLElement, spec: QuestionSpec): unknown {
  const checked = (name: string) => fieldset.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value;
  const id = fieldset.id;
  switch (spec.kind) {
    case 'boolean': {
      const value = checked(id);
      return value === 'yes' ? true : value === 'no' ? false : undefined;
    }
    case 'choice': {
      const value = fieldset.querySelector<HTMLSelectElement>(`select[name="${id}"]`)?.value ?? '';
      return value === '' ? undefined : value;
    }
    case 'multi': {
      const values = [...fieldset.querySelectorAll<HTMLInputElement>(`input[name="${id}"]:checked`)].map((input) => input.value);
      if (values.length === 0) return undefined;
      return values.filter((value) => value !== NONE);
    }
    case 'list': {
      const status = checked(`${id}-status`) as ListStatus | undefined;
      if (status === 'none') return [];
      if (status !== 'some') return undefined;
      const entries = (fieldset.querySelector<HTMLInputElement>(`input[name="${id}-entries"]`)?.value ?? '').split(/[\s,;]+/).filter((entry) => entry !== '');
      return entries.length === 0 ? undefined : entries;
    }
    case 'records': {
      const status = checked(`${id}-status`) as ListStatus | undefined;
      if (status === 'none') return [];
      if (status !== 'some') return undefined;
      const entries = [...fieldset.querySelectorAll<HTMLElement>('li.record')].map((row) => {
        const entry: Record<string, string> = {};
        for (const control of row.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-field]')) {
          if (control.value.trim() !== '') entry[control.dataset.field as string] = control.value;
        }
        return entry;
      });
      return entries.length === 0 ? undefined : entries;
    }
    case 'number': {
      const value = fieldset.querySelector<HTMLInputElement>('input')?.value ?? '';
      return value === '' ? undefined : Number(value);
    }
    case 'text': {
      const value = fieldset.querySelector<HTMLInputElement>('input')?.value ?? '';
      return value.trim() === '' ? undefined : value;
    }
  }
}
