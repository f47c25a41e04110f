import { AssessmentError } from '../errors/AssessmentError';
import { formatPath, listedIssues, type Issue, type IssuePath } from '../errors/issue';
import { TransactionError } from '../errors/TransactionError';
import type { Problem } from './types';

/** Where the problem types are named; each kind of problem is `${PROBLEM_BASE}<kind>`. */
export const PROBLEM_BASE = 'https://dual-use-rules.dev/problems/';

/** The kinds of problem the server answers with, their HTTP status and title. */
export const PROBLEMS = {
  'invalid-json': { status: 400, title: 'The body is not JSON' },
  'invalid-request': { status: 400, title: 'The request is not valid' },
  'assessment-refused': { status: 400, title: 'The assessment cannot be made with these options' },
  'not-found': { status: 404, title: 'Not found' },
  'body-too-large': { status: 413, title: 'The body is too large' },
  'unsupported-media-type': { status: 415, title: 'Unsupported media type' },
  'invalid-transaction': { status: 422, title: 'The transaction is not valid' },
  'internal-error': { status: 500, title: 'Internal error' },
  'shutting-down': { status: 503, title: 'The server is shutting down' },
} as const satisfies Record<string, { readonly status: number; readonly title: string }>;

/** Issue codes of text that is not a JSON document at all. */
const NOT_JSON: ReadonlySet<string> = new Set(['invalid_json', 'invalid_utf8']);

/** A kind of problem. */
export type ProblemKind = keyof typeof PROBLEMS;

/** A Problem Details object of a kind. */
export function problem(kind: ProblemKind, detail: string, issues: readonly Issue[] = []): Problem {
  const { status, title } = PROBLEMS[kind];
  return { type: `${PROBLEM_BASE}${kind}`, title, status, detail, issues };
}

/** An error as fastify hands it to the error handler: possibly with its own code, status and validation details. */
interface RequestError {
  readonly code?: string;
  readonly statusCode?: number;
  readonly message?: string;
  readonly validation?: readonly RequestValidationError[];
  readonly validationContext?: string;
}

/**
 * The Problem Details for an error thrown while handling a request, and whether it is the server's fault (logged).
 * The library's errors keep their issues (paths into the transaction); fastify's own (body, media type, size,
 * query validation) become the matching kinds.
 */
export function problemOf(error: unknown): { readonly problem: Problem; readonly serverFault: boolean } {
  if (error instanceof TransactionError) {
    const [only] = error.issues;
    // Text that is no JSON document (not JSON, not UTF-8) is a bad body; anything else is an invalid transaction.
    if (error.issues.length === 1 && only !== undefined && NOT_JSON.has(only.code))
      return { problem: problem('invalid-json', only.message, error.issues), serverFault: false };
    return {
      problem: problem(
        'invalid-transaction',
        `The transaction is not valid: ${summarise(error.issues)}`,
        listedIssues(error.issues),
      ),
      serverFault: false,
    };
  }
  if (error instanceof AssessmentError) {
    if (error.code === 'engine_failure')
      return { problem: problem('internal-error', 'The assessment failed; please report it.'), serverFault: true };
    return {
      problem: problem('assessment-refused', error.message, error.issues.map(asRequestIssue)),
      serverFault: false,
    };
  }
  const request = (typeof error === 'object' && error !== null ? error : {}) as RequestError;
  if (request.validation !== undefined) {
    const where = request.validationContext ?? 'request';
    const issues = request.validation.map((failure) =>
      requestIssue(failure, [where, ...failure.instancePath.split('/').filter((segment) => segment !== '')]),
    );
    return {
      problem: problem(
        'invalid-request',
        `The ${where} is not valid: ${issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}.`,
        issues,
      ),
      serverFault: false,
    };
  }
  switch (request.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { problem: fromRequest('invalid-json', request, 'invalid_json'), serverFault: false };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { problem: fromRequest('body-too-large', request, 'too_big'), serverFault: false };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { problem: fromRequest('unsupported-media-type', request, 'unsupported_media_type'), serverFault: false };
  }
  // fastify's JSON parser passes the JSON syntax error on with status 400.
  if (error instanceof SyntaxError || request.statusCode === 400)
    return { problem: fromRequest('invalid-json', request, 'invalid_json'), serverFault: false };
  if (request.statusCode === 413)
    return { problem: fromRequest('body-too-large', request, 'too_big'), serverFault: false };
  return { problem: problem('internal-error', 'The request failed; please report it.'), serverFault: true };
}

/** An issue with the options the server passed (`asOf`), at the place of the request they came from. */
function asRequestIssue(issue: Issue): Issue {
  const [argument, option, ...rest] = issue.path;
  return argument === 'options' && option === 'asOf' ? { ...issue, path: ['querystring', 'asOf', ...rest] } : issue;
}

/** One failure of fastify's validation of a query string, path parameters or headers (ajv's error). */
interface RequestValidationError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params?: Readonly<Record<string, unknown>>;
  readonly message?: string;
}

/** A request's validation failure as an issue, in the codes transactions use for the same failures. */
function requestIssue(failure: RequestValidationError, path: IssuePath): Issue {
  const message = failure.message ?? 'is not valid';
  const params = failure.params ?? {};
  const limit = typeof params['limit'] === 'number' ? params['limit'] : undefined;
  switch (failure.keyword) {
    case 'type':
      return { path, code: 'invalid_type', expected: String(params['type']), message };
    case 'pattern':
      return { path, code: 'invalid_format', expected: `a string matching ${String(params['pattern'])}`, message };
    case 'minLength':
      return { path, code: 'too_small', ...(limit === undefined ? {} : { minimum: limit }), message };
    case 'maxLength':
      return { path, code: 'too_big', ...(limit === undefined ? {} : { maximum: limit }), message };
    case 'additionalProperties': {
      const key = String(params['additionalProperty']);
      return { path: [...path, key], code: 'unrecognized_key', key, message };
    }
    case 'required':
      return { path: [...path, String(params['missingProperty'])], code: 'required', message };
    default:
      return { path, code: 'invalid_value', message };
  }
}

function fromRequest(
  kind: ProblemKind,
  error: RequestError,
  code: 'invalid_json' | 'too_big' | 'unsupported_media_type',
): Problem {
  const detail = error.message ?? PROBLEMS[kind].title;
  return problem(kind, detail, [{ path: [], code, message: detail }]);
}

/** The first few issues in one line, for `detail`; `issues` holds them all. */
function summarise(issues: readonly Issue[]): string {
  const shown = issues.slice(0, 3).map((issue) => `${formatPath(issue.path)}: ${issue.message}`);
  const more = issues.length - shown.length;
  return `${shown.join('; ')}${more > 0 ? ` (and ${more} more ${more === 1 ? 'issue' : 'issues'})` : ''}`;
}
