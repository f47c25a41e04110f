import type { IssueArea } from './area';

/**
 * The codes of a value of the wrong kind, raised wherever values are checked (transactions, ruleset documents, the
 * server's requests): each code's fields beyond `path`, `code` and `message`.
 */
export interface ValueIssuePayloads {
  required: Record<never, never>;
  unrecognized_key: { readonly key: string; readonly suggestion?: string };
  missing_property: { readonly property: string };
  invalid_type: { readonly expected: string };
  invalid_value: { readonly allowed?: readonly string[]; readonly suggestion?: string };
  invalid_format: { readonly expected: string };
  too_big: { readonly maximum?: number };
  too_small: { readonly minimum?: number };
}

const SCHEMA = 'compile/validateSchema';
const TRANSACTION = 'transaction/zodIssues';
const REQUEST = 'server/problems';
const KIT = 'testing/fileIssues';

/** How the codes of values of the wrong kind are documented. */
export const VALUE_ISSUES: IssueArea<ValueIssuePayloads> = {
  title: 'Values of the wrong kind',
  reportedBy:
    'Transactions (`TransactionError` from `assess`, `assessMany`, `registry.select`; a 422 from the server), ruleset ' +
    "documents (`RulesetError`), the server's query strings and headers (a 400), and the files of the testing kit " +
    '(invariants, expected changes: the details of an `invalid_argument`).',
  codes: {
    required: {
      means: 'A required field is missing.',
      raisedIn: [TRANSACTION, REQUEST],
      example: ['exporter', 'country'],
      fix: 'Add the field. Unknown facts are left out, not this one: it says what the transaction is.',
    },
    unrecognized_key: {
      means: 'A key the contract does not define; `suggestion` is the closest allowed key, when one is close.',
      raisedIn: [TRANSACTION, REQUEST, KIT],
      example: ['item', 'speciallyDesinged'],
      fix: 'Correct the spelling (see `suggestion`) or remove the key; unknown keys are never ignored.',
    },
    missing_property: {
      means: 'A ruleset document lacks a property its kind requires.',
      raisedIn: [SCHEMA, 'compile/checks/checkStructure', 'compile/checks/checkOverlayRules'],
      example: ['rules', 0, 'outcome'],
      fix: 'Add `property` (see `docs/writing-rulesets.md`).',
    },
    invalid_type: {
      means: 'A value of the wrong JSON type (`expected` names the right one).',
      raisedIn: [SCHEMA, TRANSACTION, REQUEST],
      example: ['item', 'speciallyDesigned'],
      fix: 'Give a value of the expected type, e.g. `true`, not `"true"`.',
    },
    invalid_value: {
      means: 'A value outside the allowed set (`allowed` lists it when short; `suggestion` is the closest).',
      raisedIn: [
        SCHEMA,
        TRANSACTION,
        'compile/checks/checkCatalogueAttributes',
        'compile/checks/recordFilter',
        'compile/composeOverlays',
        REQUEST,
        KIT,
      ],
      example: ['destination', 'country'],
      fix: 'Use one of the allowed values; for catalogue ids, those of the ruleset in force on the date.',
    },
    invalid_format: {
      means: 'A string not in the required format (`expected` describes it: a date, an id, an Annex I entry …).',
      raisedIn: [SCHEMA, TRANSACTION, REQUEST],
      example: ['date'],
      fix: 'Write the value in the format described, e.g. a date as `2025-06-30`.',
    },
    too_big: {
      means: 'A string, list or body longer than allowed (`maximum`, when known).',
      raisedIn: [TRANSACTION, REQUEST, 'server/createServer', 'server/batchLines'],
      example: ['redFlags'],
      fix: 'Shorten it; for a batch, send the transactions in parts.',
    },
    too_small: {
      means: 'A string or list shorter than allowed (`minimum`, when known), e.g. an empty name.',
      raisedIn: [TRANSACTION, REQUEST],
      example: ['id'],
      fix: 'Fill it in, or leave the field out when it is optional.',
    },
  },
};
