import type { IssueArea } from './area';

/** The codes of the ruleset JSON Schema (`schemas/ruleset.schema.json`): each code's fields beyond `path`, `code` and `message`. */
export interface SchemaIssuePayloads {
  missing_citation: Record<never, never>;
  unknown_property: { readonly property: string; readonly suggestion?: string };
  invalid_property_name: { readonly name: string };
  wrong_kind: { readonly expected: 'base' | 'overlay' };
  schema_maxItems: { readonly limit: number };
  schema_minItems: { readonly limit: number };
  schema_maxLength: { readonly limit: number };
  schema_minLength: { readonly limit: number };
  schema_maxProperties: { readonly limit: number };
  schema_minProperties: { readonly limit: number };
  schema_maximum: { readonly limit: number };
  schema_minimum: { readonly limit: number };
  schema_uniqueItems: { readonly duplicates: readonly [number, number] };
}

/** The codes of the schema's limits (`maxItems`, `minLength` …), whose payload is the bound. */
export type SchemaLimitCode = {
  [K in keyof SchemaIssuePayloads]: SchemaIssuePayloads[K] extends { readonly limit: number } ? K : never;
}[keyof SchemaIssuePayloads];

const SCHEMA = 'compile/validateSchema';

const limit = (what: string, example: readonly (string | number)[], fix: string) => ({
  means: `${what} (\`limit\` says how many).`,
  raisedIn: [SCHEMA],
  example,
  fix,
});

/** How the codes of the ruleset schema are documented. */
export const SCHEMA_ISSUES: IssueArea<SchemaIssuePayloads> = {
  title: 'Ruleset documents: the schema',
  reportedBy:
    '`RulesetError` from `compileRuleset`, `createRulesetRegistry().register` and `dual-use-rules validate`, for a ' +
    'document that does not match `schemas/ruleset.schema.json`.',
  codes: {
    missing_citation: {
      means: 'A rule, fact, catalogue entry, condition, threshold or note does not cite the law.',
      raisedIn: [SCHEMA],
      example: ['rules', 2, 'citation'],
      fix: 'Add a `citation` with the `source`, the provision and a quotation.',
    },
    unknown_property: {
      means: 'A property the schema does not define here; `suggestion` is the closest one that is.',
      raisedIn: [SCHEMA],
      example: ['rules', 0, 'outcom'],
      fix: 'Correct the spelling or remove the property.',
    },
    invalid_property_name: {
      means: 'A key that names something (a fact, catalogue or condition id …) not of the form ids take.',
      raisedIn: [SCHEMA],
      example: ['facts', 'item speciallyDesigned'],
      fix: 'Use letters, digits, `_`, and `.` or `-` between them.',
    },
    wrong_kind: {
      means: 'A base ruleset where an overlay is expected, or the other way round (`expected` says which).',
      raisedIn: ['compile/validateDocument'],
      example: ['kind'],
      fix: 'Pass the base ruleset first and overlays in `overlays`.',
    },
    schema_maxItems: limit('A list has too many entries', ['rules'], 'Remove entries, or split the ruleset.'),
    schema_minItems: limit('A list has too few entries', ['rules', 0, 'when', 'all'], 'Add entries.'),
    schema_maxLength: limit('A string is too long', ['rules', 0, 'title'], 'Shorten it.'),
    schema_minLength: limit('A string is too short (often: empty)', ['rules', 0, 'title'], 'Fill it in.'),
    schema_maxProperties: limit('An object has too many properties', ['facts'], 'Remove some, or split the ruleset.'),
    schema_minProperties: limit('An object has too few properties', ['outcomes'], 'Add the missing ones.'),
    schema_maximum: limit('A number is too large', ['outcomes', 'no_obligation', 'precedence'], 'Give a smaller one.'),
    schema_minimum: limit('A number is too small', ['outcomes', 'no_obligation', 'precedence'], 'Give a larger one.'),
    schema_uniqueItems: {
      means: 'A list repeats an entry (`duplicates` holds the two indexes).',
      raisedIn: [SCHEMA],
      example: ['appliesTo', 'memberStates'],
      fix: 'Remove the repetition.',
    },
  },
};
