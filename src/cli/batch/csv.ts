import type { DecisionLine } from '../../types/decisionLine';
import { escapeControls } from '../output/safeText';
import type { ErrorRecord } from './assessLine';

/** Between the items of a list in one CSV cell (questions, duties, rules, citations, notes, overlays). */
export const CSV_LIST_SEPARATOR = ' | ';

/**
 * A list as the text of one cell: the items joined with ` | `, each item with `\` written `\\` and `|` written `\|`
 * (a question's prompt comes from a ruleset, which may be a custom one, and may hold ` | ` itself). Every `|` of an
 * item then follows a `\`, so the separators are exactly the ` | ` in the cell: split at each, then read `\\` as `\`
 * and `\|` as `|`, in one pass from the left. Items are never empty (ids and prompts have a character at least), so
 * an empty cell is an empty list.
 */
export function csvList(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\|]/g, '\\$&')).join(CSV_LIST_SEPARATOR);
}

/** The columns of `batch --format csv`, in order; the header row names them. */
export const CSV_COLUMNS = [
  'line',
  'transactionId',
  'outcome',
  'possibleOutcomes',
  'certainDuties',
  'questions',
  'questionPrompts',
  'decidedBy',
  'citations',
  'competentAuthority',
  'notes',
  'rulesetId',
  'rulesetVersion',
  'rulesetSha256',
  'overlays',
  'error',
] as const;

type Column = (typeof CSV_COLUMNS)[number];

/** The header row, CRLF-terminated as RFC 4180 writes records. */
export const CSV_HEADER = `${CSV_COLUMNS.join(',')}\r\n`;

/** One CSV row (CRLF-terminated) for a batch line's record: a decision line, or an error line. */
export function csvRow(record: DecisionLine | ErrorRecord): string {
  const cells: Partial<Record<Column, string>> = 'error' in record ? errorCells(record) : decisionCells(record);
  return `${CSV_COLUMNS.map((column) => csvCell(cells[column] ?? '')).join(',')}\r\n`;
}

function decisionCells(line: DecisionLine): Partial<Record<Column, string>> {
  const authority = line.competentAuthority;
  return {
    line: String(line.line),
    transactionId: line.transactionId ?? '',
    outcome: line.outcome,
    possibleOutcomes: csvList(line.possibleOutcomes),
    certainDuties: csvList((line.certainDuties ?? []).map((duty) => duty.id)),
    questions: csvList(line.questions.map((question) => question.fact)),
    questionPrompts: csvList(line.questions.map((question) => question.prompt)),
    decidedBy: csvList(line.decidedBy.map((decision) => decision.rule)),
    citations: csvList(line.decidedBy.map(({ citation }) => `${citation.instrument}, ${citation.pinpoint}`)),
    competentAuthority:
      authority === undefined
        ? ''
        : `${authority.memberState}${authority.name === undefined ? '' : `: ${authority.name}`}`,
    notes: csvList(line.notes.map((note) => note.id)),
    rulesetId: line.ruleset.id,
    rulesetVersion: line.ruleset.version,
    rulesetSha256: line.ruleset.sha256,
    overlays: csvList(line.ruleset.overlays.map((overlay) => `${overlay.id}@${overlay.version}`)),
  };
}

function errorCells(record: ErrorRecord): Partial<Record<Column, string>> {
  return {
    line: String(record.line),
    transactionId: record.transactionId ?? '',
    error: `${record.error.name}${record.error.code === undefined ? '' : ` (${record.error.code})`}: ${record.error.message}`,
  };
}

/**
 * What a spreadsheet would read as a formula when a cell starts with it, and the guard itself: a cell that starts
 * with `'` of its own is guarded too, so a program reading the file removes one leading `'` from every cell that has
 * one and gets the text back.
 */
const GUARDED_START = /^[=+\-@\t\r']/;

/**
 * One cell: control characters shown as escapes (`\n`, `\x1b`: a row stays one line and a terminal shows it safely),
 * a leading `'` where the text would start a formula in a spreadsheet (`=`, `+`, `-`, `@`, tab, carriage return) or
 * starts with `'`, and quoted as RFC 4180 says (in double quotes, a double quote doubled) when it holds a comma, a
 * quote or a line break.
 */
export function csvCell(text: string): string {
  const guarded = GUARDED_START.test(text) ? `'${text}` : text;
  const safe = escapeControls(guarded);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
