import type { IssueArea } from './area';

/** What was found where plain JSON data was expected (the `found` of `not_json`). */
export type NotJsonValue =
  | 'number'
  | 'bigint'
  | 'function'
  | 'symbol'
  | 'undefined'
  | 'accessor'
  | 'sparse_array'
  | 'array_property'
  | 'symbol_key'
  | 'class_instance'
  | 'unreadable';

/** The codes of data that is not safe to read: each code's fields beyond `path`, `code` and `message`. */
export interface DocumentIssuePayloads {
  not_json: { readonly found: NotJsonValue };
  cycle: Record<never, never>;
  too_deep: { readonly limit: number };
  document_too_large: { readonly limit: number };
  string_too_long: { readonly length: number; readonly limit: number };
  forbidden_key: { readonly key: string };
  forbidden_name: { readonly name: string };
}

const SCAN = 'document/scanDocument';

/** How the codes of unsafe data are documented. */
export const DOCUMENT_ISSUES: IssueArea<DocumentIssuePayloads> = {
  title: 'Data that is not plain JSON',
  reportedBy:
    'The scan every untrusted value passes before anything else reads it: ruleset documents (`RulesetError` from ' +
    '`compileRuleset` and `register`), transactions given to `createDecisionRecord` (`DecisionRecordError`), and any ' +
    "argument whose reading failed (the call's own error, e.g. `TransactionError` from `assess`, `AssessmentError` " +
    'from `formatReport`).',
  codes: {
    not_json: {
      means:
        'A value JSON cannot hold (`found` says which: a BigInt, a function, a getter, a sparse array, a class ' +
        'instance, a proxy that cannot be read …).',
      raisedIn: [SCAN],
      example: ['rules', 0, 'when'],
      fix: 'Pass data as `JSON.parse` returns it: plain objects, arrays, strings, finite numbers, booleans and null.',
    },
    cycle: {
      means: 'An object contains itself.',
      raisedIn: [SCAN],
      example: ['facts', 'item.speciallyDesigned'],
      fix: 'Remove the reference back to the containing object; JSON text cannot express one.',
    },
    too_deep: {
      means: 'Objects and arrays nest deeper than `limit` levels.',
      raisedIn: [SCAN],
      example: ['rules', 0, 'when', 'all', 0, 'any', 0],
      fix: 'Flatten the structure; use named conditions for deep condition trees.',
    },
    document_too_large: {
      means: 'The document holds more than `limit` values.',
      raisedIn: [SCAN],
      example: [],
      fix: 'Split the ruleset into a base and overlays, or remove unused data.',
    },
    string_too_long: {
      means: 'A key or string value is longer than `limit` characters.',
      raisedIn: [SCAN],
      example: ['rules', 0, 'title'],
      fix: 'Shorten it; put long legal text in the source the citation links to.',
    },
    forbidden_key: {
      means: 'A key names a property every JavaScript object inherits (`__proto__`, `constructor`, `toString` …).',
      raisedIn: [SCAN],
      example: ['facts', '__proto__'],
      fix: 'Rename the key.',
    },
    forbidden_name: {
      means: 'A string used as an id or a reference names an inherited property (`constructor`, `a.prototype` …).',
      raisedIn: [SCAN],
      example: ['rules', 0, 'when', 'fact'],
      fix: 'Rename the id and every reference to it.',
    },
  },
};
