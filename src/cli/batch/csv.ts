import type { DecisionLine } from '../../types/decisionLine';
import { escapeControls } from '../output/safeText';
import type { ErrorRecord } from './assessLine';

/** Between the items of a list in one CSV cell (questions, duties, rules, citations, overlays). */
export const CSV_LIST_SEPARATOR = ' | ';

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
  const list = (items: readonly string[]) => items.join(CSV_LIST_SEPARATOR);
  const authority = line.competentAuthority;
  return {
    line: String(line.line),
    transactionId: line.transactionId ?? '',
    outcome: line.outcome,
    possibleOutcomes: list(line.possibleOutcomes),
    certainDuties: list((line.certainDuties ?? []).map((duty) => duty.id)),
    questions: list(line.questions.map((question) => question.fact)),
    questionPrompts: list(line.questions.map((question) => question.prompt)),
    decidedBy: list(line.decidedBy.map((decision) => decision.rule)),
    citations: list(line.decidedBy.map(({ citation }) => `${citation.instrument}, ${citation.pinpoint}`)),
    competentAuthority:
      authority === undefined
        ? ''
        : `${authority.memberState}${authority.name === undefined ? '' : `: ${authority.name}`}`,
    rulesetId: line.ruleset.id,
    rulesetVersion: line.ruleset.version,
    rulesetSha256: line.ruleset.sha256,
    overlays: list(line.ruleset.overlays.map((overlay) => `${overlay.id}@${overlay.version}`)),
  };
}

function errorCells(record: ErrorRecord): Partial<Record<Column, string>> {
  return {
    line: String(record.line),
    transactionId: record.transactionId ?? '',
    error: `${record.error.name}${record.error.code === undefined ? '' : ` (${record.error.code})`}: ${record.error.message}`,
  };
}

/** What a spreadsheet would read as a formula when a cell starts with it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell: control characters shown as escapes (`\n`, `\x1b`: a row stays one line and a terminal shows it safely),
 * a leading `'` where the text would start a formula in a spreadsheet (`=`, `+`, `-`, `@`, tab, carriage return), and
 * quoted as RFC 4180 says (in double quotes, a double quote doubled) when it holds a comma, a quote or a line break.
 */
export function csvCell(text: string): string {
  const guarded = FORMULA_START.test(text) ? `'${text}` : text;
  const safe = escapeControls(guarded);
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
