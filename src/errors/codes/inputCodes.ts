import type { IssueArea } from './area';

/** The codes of input that cannot be parsed (files, request bodies, lines): fields beyond `path`, `code`, `message`. */
export interface InputIssuePayloads {
  invalid_json: Record<never, never>;
  empty_line: Record<never, never>;
  invalid_utf8: Record<never, never>;
  line_too_long: { readonly limit: number };
  unsupported_media_type: { readonly expected?: string };
  too_complex: Record<never, never>;
  more_issues: { readonly omitted: number };
  output_too_large: Record<never, never>;
}

/** How the codes of unparsable input are documented. */
export const INPUT_ISSUES: IssueArea<InputIssuePayloads> = {
  title: 'Files, lines and request bodies',
  reportedBy:
    'The command line (a `TransactionError` for a transaction file, a `RulesetError` for a ruleset or overlay file, a ' +
    'line error in `batch`) and the server (`invalid-json`, `unsupported-media-type` problems).',
  codes: {
    invalid_json: {
      means: "The text is not JSON; the message gives the parser's position.",
      raisedIn: ['transaction/parseTransactionJson', 'cli/io', 'server/createServer', 'server/problems'],
      example: [],
      fix: 'Correct the JSON (a trailing comma, a missing quote …); a ruleset file must hold one JSON document.',
    },
    invalid_utf8: {
      means:
        'A file, line or request body is not UTF-8 (the message says at which byte); it is never decoded with U+FFFD.',
      raisedIn: ['cli/batch/readLines', 'server/jsonBody', 'server/batchLines', 'server/problems'],
      example: [],
      fix: 'Save the file as UTF-8, or send the body as UTF-8.',
    },
    empty_line: {
      means: 'A line of a batch holds nothing.',
      raisedIn: ['server/batchLines'],
      example: [],
      fix: 'Remove the blank line, or put one transaction on it.',
    },
    line_too_long: {
      means: 'A line of a batch is longer than `limit` bytes and was not read.',
      raisedIn: ['cli/batch/readLines'],
      example: [],
      fix: 'One transaction per line; no transaction is that long.',
    },
    too_complex: {
      means:
        'The JSON text holds far more keys, values or nesting than any transaction (`JSON_LIMITS`): refused before ' +
        'it is parsed, so one such line costs no more than reading it.',
      raisedIn: ['transaction/parseTransactionJson'],
      example: ['parties'],
      fix: 'Send one transaction per line or body; no transaction has that many values.',
    },
    more_issues: {
      means:
        'A transaction had more issues than an output line or a response lists (`omitted` were left out after the ' +
        'first 100), so that it stays small whatever the input.',
      raisedIn: ['errors/issue'],
      example: [],
      fix: 'Fix the listed issues first; most such inputs are not transactions at all.',
    },
    output_too_large: {
      means: 'The output line for one transaction could not be written: it is too large for a string.',
      raisedIn: ['cli/batch/encodeLine'],
      example: [],
      fix: 'The input line is far beyond any transaction; split or correct it.',
    },
    unsupported_media_type: {
      means: 'The request body is not of the content type the endpoint reads (`expected`, when known).',
      raisedIn: ['server/createServer', 'server/problems'],
      example: [],
      fix: 'Send `Content-Type: application/json` (or `application/x-ndjson` for a batch).',
    },
  },
};
