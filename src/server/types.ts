import type { IssueCode, IssuePath } from '../errors/issue';
import type { DecisionLine } from '../types/decisionLine';
import type { RulesetSummary } from '../types/registry';

/**
 * An error response of `dual-use-rules serve`: Problem Details (RFC 9457), served as `application/problem+json`.
 * `type` names the kind of problem, `status` repeats the HTTP status, and `issues` lists every problem of an invalid
 * request with its path (into the transaction, or into the query), as the library's errors carry them.
 */
export interface Problem {
  /** A URI naming the kind of problem, e.g. `https://dual-use-rules.dev/problems/invalid-transaction`. */
  readonly type: string;
  /** A short summary of the kind of problem, the same for every occurrence. */
  readonly title: string;
  /** The HTTP status code. */
  readonly status: number;
  /** What went wrong this time, for a person. */
  readonly detail: string;
  /** Every problem found, each with its path and a stable code (e.g. `unrecognized_key`). */
  readonly issues: readonly ProblemIssue[];
}

/**
 * One problem as the server reports it: where (`path`), what (`code`), a `message` for a person, and the fields of
 * that code (e.g. `suggestion` of `unrecognized_key`), each listed in `docs/issue-codes.md`. The library's `Issue`.
 */
export interface ProblemIssue {
  readonly path: IssuePath;
  readonly code: IssueCode;
  readonly message: string;
  readonly [field: string]: unknown;
}

/** `GET /health`: the server is up and takes requests (during a graceful shutdown it answers 503 instead). */
export interface Health {
  readonly status: 'ok';
  /** The package serving, with its version. */
  readonly package: { readonly name: string; readonly version: string };
  /** `bundled`: each transaction gets the bundled ruleset in force on its date; `configured`: the one given at start. */
  readonly rulesets: 'bundled' | 'configured';
}

/** `GET /rulesets`: the rulesets the server assesses with. */
export interface RulesetList {
  readonly rulesets: readonly RulesetSummary[];
}

/** `GET /rulesets/{id}/{version}`: one ruleset document, and the sha256 of its canonical JSON (RFC 8785). */
export interface RulesetDocumentResponse {
  readonly id: string;
  readonly version: string;
  /** What assessments record in `ruleset.sha256` (or in an overlay's `sha256`). */
  readonly sha256: string;
  /** The document, as JSON (the `ruleset.schema.json` format). */
  readonly document: Readonly<Record<string, unknown>>;
}

/** One output line of `POST /assess/batch` for a line that could not be assessed. */
export interface ErrorLine {
  /** The input line's number, from 1. */
  readonly line: number;
  /** The transaction's `id`, when the line is JSON with a readable `id`. */
  readonly transactionId?: string;
  readonly error: Problem;
}

/** One output line of `POST /assess/batch`, in input order. */
export type BatchLine = DecisionLine | ErrorLine;
