import type { IssueArea } from './area';

/**
 * The codes of `AssessmentError`: a call that cannot be carried out although its transaction, if any, is valid. Each
 * code's fields beyond `path`, `code` and `message`; the path starts with the argument's name (`options`, `record` …).
 */
export interface AssessmentIssuePayloads {
  ruleset_not_in_force: { readonly date: string };
  unknown_ruleset: { readonly id: string };
  not_a_compiled_ruleset: Record<never, never>;
  invalid_option: Record<never, never>;
  invalid_argument: Record<never, never>;
  engine_failure: Record<never, never>;
}

/** How the codes of `AssessmentError` are documented. */
export const ASSESSMENT_ISSUES: IssueArea<AssessmentIssuePayloads> = {
  title: 'Calls that cannot be carried out',
  reportedBy:
    '`AssessmentError` from `assess`, `assessMany`, `assessEach`, `loadRuleset`, the registry, `replay`, ' +
    '`formatReport`, `lintRuleset`, `listQuestions` and `formatPath` (and a 400 `assessment-refused` from the ' +
    'server); `ruleset_not_in_force` is also a `TransactionError` issue at `date` when the transaction names the ' +
    "date. `invalid_option` and `invalid_argument` are also the codes of the other errors for their calls' " +
    'malformed options and arguments (a `RulesetError` from `compileRuleset`, a `DecisionRecordError` …).',
  codes: {
    ruleset_not_in_force: {
      means: "No version of the ruleset is in force on `date`; the message names each version's window.",
      raisedIn: ['rulesets/load', 'rulesets/selectRuleset'],
      example: ['options', 'asOf'],
      fix: 'Assess on a date within a window, or register the version in force then.',
    },
    unknown_ruleset: {
      means: 'No ruleset `id` (or not the exact version or content asked for) is bundled or registered.',
      raisedIn: ['rulesets/load', 'rulesets/find'],
      example: ['id'],
      fix: 'Use an id `listRulesets()` lists, or register the document (for `replay`: the exact one it was made with).',
    },
    not_a_compiled_ruleset: {
      means: '`options.ruleset` did not come from `compileRuleset` or `loadRuleset` of this package and version.',
      raisedIn: ['compile/compiledRuntime'],
      example: ['options', 'ruleset'],
      fix: 'Pass what `compileRuleset` returned, not a document or a copy; the message names the cause.',
    },
    invalid_option: {
      means: 'An option is malformed (e.g. `asOf` not a date, `format` not `html` or `md`, options not an object).',
      raisedIn: [
        'errors/readArguments',
        'time/dates',
        'formatReport',
        'lintRuleset',
        'createDecisionRecord',
        'testing/kitArguments',
        'signRuleset',
        'rulesets/registry',
        'rulesets/registryArguments',
      ],
      example: ['options', 'asOf'],
      fix: 'Correct the option the path names; the message says what it takes.',
    },
    invalid_argument: {
      means:
        'An argument is not of the kind the call takes (e.g. `assessMany` given no list, a filed record that is ' +
        'not an assessment, or not plain JSON data); `issues` say where.',
      raisedIn: [
        'errors/readArguments',
        'rulesets/registryArguments',
        'replay',
        'formatReport',
        'formatPath',
        'createDecisionRecord',
        'parseRulesetSignature',
        'testing/declaredInvariants',
        'testing/fileIssues',
        'testing/kitArguments',
        'testing/withUnknown',
        'errors/UsageError',
      ],
      example: ['record', 'ruleset'],
      fix: 'Pass the argument the documentation of the call describes.',
    },
    engine_failure: {
      means: 'json-rules-engine failed or disagreed with itself: a bug in dual-use-rules, never an answer.',
      raisedIn: ['evaluate/engine/engineEvaluator', 'evaluate/engine/readEngineResults'],
      example: [],
      fix: 'Report it with the transaction; the error keeps the `cause`.',
    },
  },
};
