import type { ScaleReference } from '../../src/index';
import { getAnswer, type Draft } from './answers';
import { citationsNode } from './citations';
import { h } from './dom';
import { matchOption, SEARCHABLE_FROM, sortedByLabel } from './options';
import type { AnswerKind, AnswerOption, QuestionSpec, RecordField } from './questions';

/** How a list or records question stands: not known yet, known to be empty, or listing entries. */
type ListStatus = 'unknown' | 'none' | 'some';

const NONE = '__none__';

/**
 * How one kind of question is asked: `render` builds its controls showing a value (`undefined` = not known), `read`
 * turns them back into the value the transaction stores. Controls fire ordinary `input`/`change` events. A new kind
 * of question is one more entry in `CONTROLS`; a statement's source is asked beside any kind (`sourceField`).
 */
interface Control {
  render(spec: QuestionSpec, value: unknown, id: string): HTMLElement;
  read(fieldset: HTMLElement, spec: QuestionSpec): unknown;
}

/** The ids of a question's parts, for labels and descriptions. */
export function questionIds(fact: string) {
  const id = `q-${fact.replace(/\./g, '-')}`;
  return {
    id,
    title: `${id}-title`,
    prompt: `${id}-prompt`,
    problems: `${id}-problems`,
    status: `${id}-status-note`,
    source: `${id}-source`,
  };
}

/** Renders one question as a fieldset showing its answer in the draft (absent = not known). */
export function renderQuestion(spec: QuestionSpec, draft: Draft): HTMLFieldSetElement {
  const ids = questionIds(spec.fact);
  const value = getAnswer(draft, spec.fact);
  return h(
    'fieldset',
    { class: 'question', id: ids.id, 'data-fact': spec.fact, 'data-kind': spec.kind },
    h(
      'legend',
      { id: ids.title },
      spec.title,
      spec.required
        ? [
            h('span', { class: 'required', 'aria-hidden': 'true' }, ' *'),
            h('span', { class: 'visually-hidden' }, ' (required)'),
          ]
        : null,
    ),
    h('p', { class: 'prompt', id: ids.prompt }, spec.prompt),
    CONTROLS[spec.kind].render(spec, value, ids.id),
    spec.source === undefined ? null : sourceField(spec.source, getAnswer(draft, spec.source.fact), ids.source),
    spec.help === undefined
      ? null
      : h('details', { class: 'help' }, h('summary', {}, 'What this means'), h('p', {}, spec.help)),
    h('p', { class: 'question-cite' }, citationsNode(spec.citation, spec.seeAlso)),
    h('p', { class: 'status-note', id: ids.status, hidden: true }),
    h('div', { class: 'problems', id: ids.problems, 'aria-live': 'polite' }),
  );
}

/**
 * The answers a question's fieldset holds, as the transaction stores them, by dotted path: its own, and a statement's
 * source; `undefined` means not known.
 */
export function readAnswers(fieldset: HTMLElement, spec: QuestionSpec): [path: string, value: unknown][] {
  const answers: [string, unknown][] = [[spec.fact, CONTROLS[spec.kind].read(fieldset, spec)]];
  if (spec.source !== undefined) {
    const text = fieldset.querySelector<HTMLTextAreaElement>('textarea[data-source]')?.value ?? '';
    answers.push([spec.source.fact, text.trim() === '' ? undefined : text]);
  }
  return answers;
}

/**
 * The source of a statement (e.g. the national provision, or the competent authority's answer, behind a stated
 * national rule): free text, which the transaction requires whenever the statement is given.
 */
function sourceField(source: NonNullable<QuestionSpec['source']>, value: unknown, id: string): HTMLElement {
  const hintId = `${id}-hint`;
  const area = h('textarea', { id, rows: 2, 'data-source': source.fact, 'aria-describedby': hintId });
  area.value = typeof value === 'string' ? value : '';
  return h(
    'div',
    { class: 'statement-source' },
    h('label', { for: id }, source.title),
    h('p', { class: 'hint', id: hintId }, `${source.prompt} Required with an answer above.`),
    area,
  );
}

const CONTROLS: Readonly<Record<AnswerKind, Control>> = {
  boolean: {
    render: (_, value, id) =>
      radios(id, [
        { value: 'yes', label: 'Yes', checked: value === true },
        { value: 'no', label: 'No', checked: value === false },
        { value: 'unknown', label: "Don't know", checked: value !== true && value !== false },
      ]),
    read: (fieldset) => {
      const value = checkedValue(fieldset, fieldset.id);
      return value === 'yes' ? true : value === 'no' ? false : undefined;
    },
  },
  choice: {
    render: (spec, value, id) =>
      choice(id, spec.options ?? [], typeof value === 'string' ? value : spec.default, {
        labelledBy: `${id}-title`,
        describedBy: `${id}-prompt`,
        required: spec.required,
        emptyLabel: spec.default !== undefined ? undefined : spec.required ? 'Choose…' : "Don't know",
        scale: spec.scale,
        explained: (spec.options ?? []).every((option) => option.description !== undefined),
      }),
    read: (fieldset, spec) => readChoice(fieldset.querySelector<HTMLElement>('[data-choice]'), spec.options ?? []),
  },
  multi: {
    render: (spec, value, id) => multi(id, spec.options ?? [], Array.isArray(value) ? (value as string[]) : undefined),
    read: (fieldset) => {
      const values = [...fieldset.querySelectorAll<HTMLInputElement>(`input[name="${fieldset.id}"]:checked`)].map(
        (input) => input.value,
      );
      if (values.length === 0) return undefined;
      return values.filter((value) => value !== NONE);
    },
  },
  list: {
    render: (spec, value, id) => list(id, spec, Array.isArray(value) ? (value as string[]) : undefined),
    read: (fieldset) => {
      const status = checkedValue(fieldset, `${fieldset.id}-status`) as ListStatus | undefined;
      if (status === 'none') return [];
      if (status !== 'some') return undefined;
      const entries = (fieldset.querySelector<HTMLInputElement>(`input[name="${fieldset.id}-entries"]`)?.value ?? '')
        .split(/[\s,;]+/)
        .filter((entry) => entry !== '');
      return entries.length === 0 ? undefined : entries;
    },
  },
  records: {
    render: (spec, value, id) =>
      records(id, spec, Array.isArray(value) ? (value as Record<string, unknown>[]) : undefined),
    read: (fieldset, spec) => {
      const status = checkedValue(fieldset, `${fieldset.id}-status`) as ListStatus | undefined;
      if (status === 'none') return [];
      if (status !== 'some') return undefined;
      const entries = [...fieldset.querySelectorAll<HTMLElement>('li.record')].map((row) => {
        const entry: Record<string, string | string[]> = {};
        for (const field of spec.fields ?? []) {
          const control = recordFieldControl(row, field.name);
          if (field.kind === 'multi') {
            const chosen = [...(control?.querySelectorAll<HTMLInputElement>('input[type=checkbox]:checked') ?? [])].map(
              (input) => input.value,
            );
            if (chosen.length > 0) entry[field.name] = chosen;
          } else if (field.options === undefined) {
            const text = (control as HTMLInputElement | null)?.value ?? '';
            if (text.trim() !== '') entry[field.name] = text;
          } else {
            const value = readChoice(control, field.options);
            if (value !== undefined) entry[field.name] = value;
          }
        }
        return entry;
      });
      return entries.length === 0 ? undefined : entries;
    },
  },
  number: freeValue('number', (text) => (text === '' ? undefined : Number(text))),
  text: freeValue('text', (text) => (text.trim() === '' ? undefined : text)),
};

/** A single free value, typed into a field the question names; `parse` turns the field's text into the answer. */
function freeValue(type: 'number' | 'text', parse: (text: string) => unknown): Control {
  return {
    render: (_, value, id) =>
      h('input', {
        type,
        name: id,
        value: typeof value === 'number' || typeof value === 'string' ? value : undefined,
        'aria-labelledby': `${id}-title`,
        'aria-describedby': `${id}-prompt`,
      }),
    read: (fieldset) => parse(fieldset.querySelector<HTMLInputElement>('input')?.value ?? ''),
  };
}

function checkedValue(root: HTMLElement, name: string): string | undefined {
  return root.querySelector<HTMLInputElement>(`input[name="${CSS.escape(name)}"]:checked`)?.value;
}

interface RadioChoice {
  readonly value: string;
  readonly label: string;
  readonly checked: boolean;
  readonly description?: string;
}

function radios(name: string, choices: readonly RadioChoice[], explained = false): HTMLElement {
  return h(
    'div',
    { class: explained ? 'choices explained' : 'choices' },
    choices.map((choice, index) => labelledBox('radio', name, index, choice, choice.checked)),
  );
}

/** A radio button or check box with its label and, when the option has one, its meaning beside it as its description. */
function labelledBox(
  type: 'radio' | 'checkbox',
  name: string,
  index: number,
  option: { readonly value: string; readonly label: string; readonly description?: string },
  checked: boolean,
): HTMLElement {
  const descriptionId = option.description === undefined ? undefined : `${name}-${index}-description`;
  return h(
    'label',
    { class: 'choice' },
    h('input', { type, name, value: option.value, checked, 'aria-describedby': descriptionId }),
    ` ${option.label}`,
    option.description === undefined
      ? null
      : h('span', { class: 'option-description', id: descriptionId }, option.description),
  );
}

interface ChoiceOptions {
  /** The id of the element naming the control (a question's legend); without it the control must sit in a label. */
  readonly labelledBy?: string;
  readonly describedBy?: string;
  readonly required: boolean;
  /** The label of the "no answer" choice; none when the field has a default. */
  readonly emptyLabel: string | undefined;
  readonly scale: ScaleReference | undefined;
  /** Every option has a description: show them as radio buttons, each with its meaning beside it. */
  readonly explained?: boolean;
}

/**
 * One value from a pick-list, asked in the way that reads best: the levels of a scale, or a short list whose every
 * option is explained, as radio buttons with each meaning beside it (and a scale's title and citations); a long list
 * (countries) as a search field with suggestions sorted by name; anything else as a dropdown. The element carrying
 * `data-choice` is what `readChoice` reads.
 */
function choice(
  name: string,
  options: readonly AnswerOption[],
  selected: string | undefined,
  settings: ChoiceOptions,
): HTMLElement {
  const current = selected !== undefined && options.some((option) => option.value === selected) ? selected : undefined;
  if (settings.scale !== undefined || (settings.explained === true && options.length < SEARCHABLE_FROM)) {
    const choices: RadioChoice[] = options.map((option) => ({
      value: option.value,
      label: option.label,
      checked: option.value === current,
      ...(option.description === undefined ? {} : { description: option.description }),
    }));
    if (settings.emptyLabel !== undefined)
      choices.push({
        value: '',
        label: settings.emptyLabel === 'Choose…' ? 'Not chosen yet' : settings.emptyLabel,
        checked: current === undefined,
      });
    const scale = settings.scale;
    return h(
      'div',
      { class: 'scale', 'data-choice': 'radios', 'data-name': name },
      scale === undefined ? null : h('p', { class: 'scale-title' }, scale.title),
      radios(name, choices, true),
      scale === undefined ? null : h('p', { class: 'scale-cite' }, citationsNode(scale.citation, scale.seeAlso)),
    );
  }
  if (options.length >= SEARCHABLE_FROM) {
    const listId = `${name}-options`;
    const hintId = `${name}-search-hint`;
    const sorted = sortedByLabel(options);
    const input = h('input', {
      type: 'text',
      name,
      list: listId,
      autocomplete: 'off',
      spellcheck: 'false',
      'data-choice': 'search',
      value: current === undefined ? undefined : options.find((option) => option.value === current)?.label,
      'aria-labelledby': settings.labelledBy,
      'aria-describedby': [settings.describedBy, hintId].filter(Boolean).join(' '),
      'aria-required': settings.required ? 'true' : undefined,
    });
    const hint = h(
      'span',
      { class: 'hint search-hint', id: hintId },
      settings.required
        ? 'Type a name or code, then pick it from the suggestions.'
        : 'Type a name or code, then pick it from the suggestions; leave it empty while you do not know.',
    );
    const mismatch = h('span', { class: 'issue search-mismatch', hidden: true });
    input.addEventListener('change', () => {
      const unmatched = input.value.trim() !== '' && matchOption(options, input.value) === undefined;
      mismatch.hidden = !unmatched;
      mismatch.textContent = unmatched
        ? `“${input.value.trim()}” is not in the list: pick one of the suggestions.`
        : '';
      input.setAttribute('aria-invalid', unmatched ? 'true' : 'false');
    });
    return h(
      'span',
      { class: 'search' },
      input,
      h(
        'datalist',
        { id: listId },
        sorted.map((option) => h('option', { value: option.label })),
      ),
      hint,
      mismatch,
    );
  }
  const element = h(
    'select',
    {
      name,
      'data-choice': 'select',
      'aria-labelledby': settings.labelledBy,
      'aria-describedby': settings.describedBy,
      'aria-required': settings.required ? 'true' : undefined,
    },
    settings.emptyLabel === undefined ? null : h('option', { value: '' }, settings.emptyLabel),
    options.map((option) => h('option', { value: option.value }, option.label)),
  );
  element.value = current ?? '';
  return element;
}

/** The value of a control made by `choice`; `undefined` when nothing (or nothing in the list) is chosen. */
function readChoice(control: HTMLElement | null, options: readonly AnswerOption[]): string | undefined {
  if (control === null) return undefined;
  switch (control.dataset.choice) {
    case 'radios': {
      const value = checkedValue(control, control.dataset.name as string);
      return value === undefined || value === '' ? undefined : value;
    }
    case 'search':
      return matchOption(options, (control as HTMLInputElement).value)?.value;
    default: {
      const value = (control as HTMLSelectElement).value;
      return value === '' ? undefined : value;
    }
  }
}

function multi(name: string, options: readonly AnswerOption[], selected: readonly string[] | undefined): HTMLElement {
  const box = h(
    'div',
    { class: 'choices multi' },
    options.map((option, index) =>
      labelledBox('checkbox', name, index, option, selected?.includes(option.value) === true),
    ),
    h(
      'label',
      { class: 'choice none' },
      h('input', { type: 'checkbox', name, value: NONE, checked: selected !== undefined && selected.length === 0 }),
      ' None of these',
    ),
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
  return radios(
    `${name}-status`,
    (['unknown', 'none', 'some'] as const).map((value) => ({ value, label: labels[value], checked: status === value })),
  );
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
  const box = h(
    'div',
    { class: 'list' },
    statusRadios(name, statusOf(entries), { unknown: 'Not known yet', none: 'None', some: 'These:' }),
    input,
  );
  input.addEventListener('input', () => {
    const some = box.querySelector<HTMLInputElement>(`input[name="${name}-status"][value=some]`);
    if (some !== null && input.value.trim() !== '') some.checked = true;
  });
  return box;
}

let rowSequence = 0;

function records(
  name: string,
  spec: QuestionSpec,
  entries: readonly Record<string, unknown>[] | undefined,
): HTMLElement {
  const fields = spec.fields ?? [];
  const rows = h('ol', { class: 'records' });
  const box = h(
    'div',
    { class: 'records-box' },
    statusRadios(name, statusOf(entries), { unknown: 'Not known yet', none: 'None', some: 'These:' }),
    rows,
  );
  const addRow = (entry: Record<string, unknown>) => {
    const row = h('li', { class: 'record' });
    const rowName = `${name}-row${++rowSequence}`;
    const remove = h('button', { type: 'button', class: 'remove', 'data-action': 'remove' }, 'Remove this entry');
    row.append(...fields.map((field) => recordField(rowName, field, entry[field.name])), remove);
    remove.addEventListener('click', () => {
      const index = [...rows.children].indexOf(row);
      row.remove();
      box.dispatchEvent(new CustomEvent('entry-removed', { bubbles: true, detail: { index } }));
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
    rows.lastElementChild?.querySelector<HTMLElement>('input, select')?.focus();
  });
  box.append(add);
  return box;
}

/**
 * One field of a repeatable entry: a labelled control carrying `data-field`; for a scale, a group of explained radio
 * buttons; for several values (a finding's seriousness indicators), a group of check boxes that folds away.
 */
function recordField(rowName: string, field: RecordField, value: unknown): HTMLElement {
  const selected = typeof value === 'string' ? value : field.default;
  const marker = field.required
    ? [
        h('span', { class: 'required', 'aria-hidden': 'true' }, ' *'),
        h('span', { class: 'visually-hidden' }, ' (required)'),
      ]
    : null;
  if (field.kind === 'multi')
    return multiField(`${rowName}-${field.name}`, field, Array.isArray(value) ? (value as string[]) : []);
  if (field.options === undefined) {
    return h(
      'label',
      { class: 'record-field' },
      h('span', {}, field.label, marker),
      h('input', { type: 'text', 'data-field': field.name, value: typeof value === 'string' ? value : undefined }),
    );
  }
  const settings: ChoiceOptions = {
    required: field.required,
    emptyLabel: field.default !== undefined ? undefined : 'Choose…',
    scale: field.scale,
  };
  if (field.scale !== undefined || field.options.length >= SEARCHABLE_FROM) {
    const legendId = `${rowName}-${field.name}-legend`;
    const control = choice(`${rowName}-${field.name}`, field.options, selected, { ...settings, labelledBy: legendId });
    return h(
      'fieldset',
      { class: 'record-field wide', 'data-field': field.name },
      h('legend', { id: legendId }, field.label, marker),
      control,
    );
  }
  const control = choice(`${rowName}-${field.name}`, field.options, selected, settings);
  control.setAttribute('data-field', field.name);
  return h('label', { class: 'record-field' }, h('span', {}, field.label, marker), control);
}

/** A record field holding any number of values: check boxes under its label, folded while none is ticked. */
function multiField(name: string, field: RecordField, chosen: readonly string[]): HTMLElement {
  const legendId = `${name}-legend`;
  const count = h('span', { class: 'multi-count' });
  const boxes = (field.options ?? []).map((option, index) =>
    labelledBox('checkbox', name, index, option, chosen.includes(option.value)),
  );
  const showCount = () => {
    const ticked = boxes.filter((box) => box.querySelector('input')?.checked === true).length;
    count.textContent = ticked === 0 ? ` (none chosen of ${boxes.length})` : ` (${ticked} chosen of ${boxes.length})`;
  };
  showCount();
  const group = h('div', { class: 'choices multi' }, boxes);
  group.addEventListener('change', showCount);
  return h(
    'fieldset',
    { class: 'record-field wide', 'data-field': field.name },
    h('legend', { id: legendId }, field.label),
    h('details', { class: 'multi-field', open: chosen.length > 0 }, h('summary', {}, 'Choose', count), group),
  );
}

/** The control element of a record field, which `readAnswer` reads: the `data-choice` element inside a wide field. */
export function recordFieldControl(row: Element, field: string): HTMLElement | null {
  const holder = row.querySelector<HTMLElement>(`[data-field="${field}"]`);
  return holder?.matches('[data-choice]') === true
    ? holder
    : (holder?.querySelector<HTMLElement>('[data-choice]') ?? holder);
}
