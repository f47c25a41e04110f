import type { Issue, IssuePath } from '../../src/index';
import { isCalendarDate } from '../../src/time/dates';
import { getAt, setAt, type Draft } from './answers';
import type { AnswerOption, QuestionSpec } from './questions';

/** A transaction field the form asks outside the ruleset's questions (they identify the transaction in the report). */
export interface DetailField {
  /** The id of its input element. */
  readonly id: string;
  readonly path: string;
  readonly label: string;
}

export const DETAILS: readonly DetailField[] = [
  { id: 'detail-reference', path: 'id', label: 'Your reference' },
  { id: 'detail-date', path: 'date', label: 'Export date' },
  { id: 'detail-description', path: 'item.description', label: 'Item description' },
  { id: 'detail-end-user-name', path: 'endUser.name', label: "End user's name" },
];

/** One change that repairs a problem in place: what the button says, and the draft it leads to. */
export interface Fix {
  readonly label: string;
  readonly apply: (draft: Draft) => Draft;
}

/** A problem with the answers, in the officer's words, tied to the question that shows it, with the fixes that apply. */
export interface Problem {
  readonly path: IssuePath;
  readonly code: string;
  /** The question the problem belongs to, when there is one in the form. */
  readonly fact?: string;
  /** The form field outside the questions it belongs to (e.g. `date`). */
  readonly detail?: string;
  /** For an entry of a repeatable answer: its index and field. */
  readonly entry?: { readonly index: number; readonly field?: string };
  readonly label: string;
  readonly message: string;
  readonly fixes: readonly Fix[];
}

/** The dotted path of the object keys in an issue path (`['findings', 0, 'knowledge']` → `findings.knowledge`). */
function dotted(path: IssuePath): string {
  return path.filter((segment) => typeof segment === 'string').join('.');
}

/** The suggestion a library message carries (`… Did you mean "speciallyDesigned"?`), if any. */
export function suggestionIn(message: string): string | undefined {
  return /Did you mean "([^"]+)"\?/.exec(message)?.[1];
}

/** A value as the officer reads it in a message: text in quotes, anything else by kind. */
function shown(value: unknown): string {
  if (typeof value === 'string') return `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object' && value !== null) return 'a group of fields';
  return `“${String(value)}”`;
}

/** What a question's answer looks like, for "the file gives X where the answer is Y". */
function expectedShape(spec: QuestionSpec | undefined, within: boolean): string | undefined {
  if (spec === undefined || within) return undefined;
  switch (spec.kind) {
    case 'boolean':
      return 'yes or no';
    case 'multi':
    case 'list':
      return 'a list of entries';
    case 'records':
      return 'a list of entries, each a small form';
    case 'number':
      return 'a number';
    case 'choice':
      return 'one of the choices';
    case 'text':
      return 'a text';
  }
}

/** The options an issue's value is checked against: the question's, or the field's of a repeatable answer. */
function optionsAt(spec: QuestionSpec | undefined, field: string | undefined): readonly AnswerOption[] | undefined {
  if (spec === undefined) return undefined;
  if (field === undefined) return spec.options;
  return spec.fields?.find((candidate) => candidate.name === field)?.options;
}

function labelOf(options: readonly AnswerOption[] | undefined, value: string): string {
  return options?.find((option) => option.value === value)?.label ?? value;
}

/** A conversion of a wrongly typed value to what the question expects, when the intent is plain (`"true"` → yes). */
function conversion(
  spec: QuestionSpec | undefined,
  value: unknown,
): { readonly label: string; readonly value: unknown } | undefined {
  if (spec === undefined || typeof value !== 'string') return undefined;
  const text = value.trim().toLowerCase();
  if (spec.kind === 'boolean') {
    if (text === 'true' || text === 'yes') return { label: 'Yes', value: true };
    if (text === 'false' || text === 'no') return { label: 'No', value: false };
  }
  if (spec.kind === 'number' && text !== '' && Number.isFinite(Number(text)))
    return { label: String(Number(text)), value: Number(text) };
  if (spec.kind === 'list') {
    const entries = value.split(/[\s,;]+/).filter((entry) => entry !== '');
    if (entries.length > 0) return { label: entries.join(', '), value: entries };
  }
  return undefined;
}

/**
 * Turns validation issues into problems an officer can act on: each is tied to the question that fixes it (the
 * question for that field, the entry of a repeatable answer, a typo's intended question, or, for a missing section,
 * its first required question) and carries the fixes that repair it in place — remove an unknown key or take its
 * suggested name, take a suggested value, turn "true" into yes, or clear a value so the question can be answered.
 */
export function describeProblems(
  issues: readonly Issue[],
  draft: Draft,
  questions: readonly QuestionSpec[],
): Problem[] {
  return issues.map((issue) => describeProblem(issue, draft, questions));
}

function describeProblem(issue: Issue, draft: Draft, questions: readonly QuestionSpec[]): Problem {
  const path = issue.path;
  const where = dotted(path);
  const value = getAt(draft, path);
  const suggestion = suggestionIn(issue.message);
  const remove = { apply: (current: Draft) => setAt(current, path, undefined) };

  if (issue.code === 'unrecognized_key') {
    const key = String(path[path.length - 1]);
    const parent = path.slice(0, -1);
    const intended =
      suggestion === undefined ? undefined : questions.find((spec) => spec.fact === dotted([...parent, suggestion]));
    const target = suggestion === undefined ? undefined : [...parent, suggestion];
    const fixes: Fix[] = [{ label: `Remove “${key}”`, apply: remove.apply }];
    if (target !== undefined && getAt(draft, target) === undefined) {
      fixes.unshift({
        label: `Use it as “${suggestion}”`,
        apply: (current) => setAt(setAt(current, target, getAt(current, path)), path, undefined),
      });
    }
    const hint =
      suggestion === undefined
        ? ''
        : ` Did you mean “${suggestion}”${intended === undefined ? '' : ` (${intended.title})`}?${target !== undefined && getAt(draft, target) !== undefined ? ' That question is already answered.' : ''}`;
    return {
      path,
      code: issue.code,
      ...(intended === undefined ? {} : { fact: intended.fact }),
      label: where,
      message: `The file has a field “${key}” that this questionnaire does not know; it holds ${shown(value)}.${hint}`,
      fixes,
    };
  }

  if (where === 'date') {
    return {
      path,
      code: issue.code,
      detail: 'date',
      label: 'Export date',
      message: exportDateMessage(value) ?? issue.message,
      fixes: [],
    };
  }

  const spec =
    questions.find(
      (candidate) =>
        candidate.fact === where || where.startsWith(`${candidate.fact}.`) || candidate.source?.fact === where,
    ) ?? questions.find((candidate) => candidate.required && candidate.fact.startsWith(`${where}.`));
  const source = spec?.source !== undefined && spec.source.fact === where ? spec.source : undefined;
  const detail = DETAILS.find((candidate) => candidate.path === where);
  const index = path.find((segment): segment is number => typeof segment === 'number');
  const field =
    spec !== undefined && source === undefined && where !== spec.fact && where.startsWith(`${spec.fact}.`)
      ? where.slice(spec.fact.length + 1)
      : undefined;
  const within = [
    index === undefined ? '' : `entry ${index + 1}`,
    field === undefined ? '' : (spec?.fields?.find((candidate) => candidate.name === field)?.label ?? field),
  ]
    .filter((part) => part !== '')
    .join(', ');
  const label =
    spec === undefined
      ? (detail?.label ?? (where === '' ? 'The transaction' : where))
      : source !== undefined
        ? `${spec.title} (${source.title})`
        : within === ''
          ? spec.title
          : `${spec.title} (${within})`;
  const base = {
    path,
    code: issue.code,
    ...(spec === undefined ? {} : { fact: spec.fact }),
    ...(detail === undefined ? {} : { detail: detail.path }),
    ...(index === undefined ? {} : { entry: { index, ...(field === undefined ? {} : { field }) } }),
    label,
  };
  const isListEntry = typeof path[path.length - 1] === 'number';

  if (issue.code === 'invalid_value' && value !== undefined) {
    const options = optionsAt(spec, field);
    const fixes: Fix[] = [];
    if (suggestion !== undefined)
      fixes.push({
        label: `Change it to “${labelOf(options, suggestion)}”`,
        apply: (current) => setAt(current, path, suggestion),
      });
    fixes.push({ label: isListEntry ? 'Remove this entry' : 'Clear this answer', apply: remove.apply });
    const hint = suggestion === undefined ? '' : ` Did you mean “${labelOf(options, suggestion)}”?`;
    return { ...base, message: `${shown(value)} is not one of the choices.${hint}`, fixes };
  }

  if (issue.code === 'invalid_type' && value !== undefined && value !== null) {
    const expected = expectedShape(spec, field !== undefined || index !== undefined);
    const converted = field === undefined && index === undefined ? conversion(spec, value) : undefined;
    const fixes: Fix[] = [];
    if (converted !== undefined)
      fixes.push({ label: `Use “${converted.label}”`, apply: (current) => setAt(current, path, converted.value) });
    fixes.push({ label: isListEntry ? 'Remove this entry' : 'Clear this answer', apply: remove.apply });
    return {
      ...base,
      message:
        expected === undefined
          ? `The file gives ${shown(value)} here: ${issue.message}`
          : `The file gives ${shown(value)} where the answer is ${expected}.`,
      fixes,
    };
  }

  if (source !== undefined && issue.code === 'required') {
    return { ...base, message: `Give it with the answer. ${source.prompt}`, fixes: [] };
  }

  if (value !== undefined && value !== null && issue.code !== 'required') {
    // Anything else wrong with a value (too long, badly formed…): clearing it lets the question be answered afresh.
    return {
      ...base,
      message: issue.message,
      fixes: [{ label: isListEntry ? 'Remove this entry' : 'Clear this answer', apply: remove.apply }],
    };
  }
  return { ...base, message: issue.message, fixes: [] };
}

/**
 * What is wrong with the export date, in the officer's words, or `undefined` when it is a real day written
 * YYYY-MM-DD (or absent: the assessment then uses today).
 */
export function exportDateMessage(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string' && isCalendarDate(value)) return undefined;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return `The export date ${shown(value)} is not a day in the calendar. Enter the date of the export.`;
  return `The export date ${shown(value)} is not a date written as year-month-day (for example 2025-03-03). Enter the date of the export.`;
}

/** The problem with the export date as a `Problem`, or `undefined` when the date is fine. */
export function exportDateProblem(value: unknown): Problem | undefined {
  const message = exportDateMessage(value);
  return message === undefined
    ? undefined
    : { path: ['date'], code: 'invalid_date', detail: 'date', label: 'Export date', message, fixes: [] };
}
