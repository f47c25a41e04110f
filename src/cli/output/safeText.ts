import { describeIssues, formatPath, type Issue } from '../../errors/issue';

/**
 * What a terminal acts on instead of showing: C0 controls (newline, carriage return and tab included: where one line
 * is expected they forge lines and columns), DEL, C1 controls (U+009B is a CSI on some terminals), the Arabic letter
 * mark, left-to-right and right-to-left marks, the line and paragraph separators, and the bidirectional embeddings,
 * overrides (U+202A–U+202E) and isolates (U+2066–U+2069) that reorder what is shown.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** The same, newline allowed: for text whose lines are its own (a report, a stack trace). */
const UNSAFE_BUT_NEWLINE =
  // eslint-disable-next-line no-control-regex -- likewise
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
/** In JSON text, what JSON.stringify leaves raw of those: C0 controls it escapes already. */
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A visible escape for a character: `\n`, `\r`, `\t`, `\x1b` below U+0100, `\u202e` above. */
function visible(character: string): string {
  const named = NAMED[character];
  if (named !== undefined) return named;
  const code = character.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * Text from any input (a transaction, a ruleset, a file name, an argument) made safe to print on one line of a
 * terminal: every control character shows as an escape (`\x1b[2J`, `\n`, `\u202e`) instead of acting. The one
 * function the command line passes untrusted text through.
 */
export function escapeControls(text: string): string {
  return text.replace(UNSAFE, visible);
}

/** As `escapeControls`, keeping newlines: for text of many lines (a stack trace) printed as a last resort. */
export function escapeControlsKeepingLines(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, visible);
}

/**
 * A report (Markdown or HTML) made safe to print: its newlines are kept, a carriage return or tab becomes a space (to
 * a browser or a Markdown reader they are whitespace like it, so the page reads the same), and any other control
 * character becomes a visible escape. Untrusted text inside a report may still hold a newline (HTML keeps it in the
 * text, where a browser shows a space): the report is a document, printed as such, not a terminal summary.
 */
export function escapeControlsInDocument(text: string): string {
  return text.replace(UNSAFE_BUT_NEWLINE, (character) =>
    character === '\r' || character === '\t' ? ' ' : visible(character),
  );
}

/**
 * A copy of JSON data with every string (and key) passed through `escapeControls`: what a renderer of untrusted data
 * (an assessment, a diff) is given, so that none of its lines can hold more than the renderer put there.
 */
export function terminalSafe<T>(value: T): T {
  if (typeof value === 'string') return escapeControls(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => terminalSafe(item)) as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [escapeControls(key), terminalSafe(field as unknown)]),
  ) as T;
}

/**
 * JSON text that is also safe on a terminal: `JSON.stringify`, with the characters it leaves raw (DEL, C1 controls,
 * bidirectional controls, separators) written as `\u` escapes, which parse back to the same value.
 */
export function jsonText(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(
    UNSAFE_IN_JSON,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** One issue on one line: `  /path: message [code]`, every part escaped. */
export function describeIssue(issue: Issue): string {
  return `  ${escapeControls(formatPath(issue.path))}: ${escapeControls(issue.message)} [${escapeControls(issue.code)}]`;
}

/**
 * An error's message, safe to print: one escaped line, and for errors that list issues (`TransactionError`,
 * `RulesetError`) their heading and then one escaped line per issue.
 */
export function describeError(error: { readonly message: string; readonly issues?: readonly Issue[] }): string {
  const { issues } = error;
  // An error about one thing has that one issue, whose message is the error's.
  if (issues === undefined || issues.length === 0 || (issues.length === 1 && issues[0]?.message === error.message))
    return escapeControls(error.message);
  // The message is the heading, then the issues as describeIssues lists them.
  const details = `\n${describeIssues(issues)}`;
  const heading = error.message.endsWith(details)
    ? error.message.slice(0, -details.length)
    : (error.message.split('\n')[0] ?? '');
  return [escapeControls(heading), ...issues.map(describeIssue)].join('\n');
}
