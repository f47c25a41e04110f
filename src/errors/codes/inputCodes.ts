import type { IssueArea } from './area';

/** The codes of input that cannot be parsed (files, request bodies, lines): fields beyond `path`, `code`, `message`. */
export interface InputIssuePayloads {
  invalid_json: Record<never, never>;
  empty_line: Record<never, never>;
  line_too_long: { readonly limit: number };
  unsupported_media_type: { readonly expected?: string };
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
      raisedIn: ['cli/io', 'cli/batch/assessLine', 'server/createServer', 'server/batchLines', 'server/problems'],
      example: [],
      fix: 'Correct the JSON (a trailing comma, a missing quote …); a ruleset file must hold one JSON document.',
    },
    empty_line: {
      means: 'A line of a batch holds nothing.',
      raisedIn: ['cli/batch/assessLine', 'server/batchLines'],
      example: [],
      fix: 'Remove the blank line, or put one transaction on it.',
    },
    line_too_long: {
      means: 'A line of a batch is longer than `limit` bytes and was not read.',
      raisedIn: ['cli/batch/assessLine'],
      example: [],
      fix: 'One transaction per line; no transaction is that long.',
    },
    unsupported_media_type: {
      means: 'The request body is not of the content type the endpoint reads (`expected`, when known).',
      raisedIn: ['server/createServer', 'server/problems'],
      example: [],
      fix: 'Send `Content-Type: application/json` (or `application/x-ndjson` for a batch).',
    },
  },
};
