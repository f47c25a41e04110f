import type { IssueArea } from './area';

/** The codes of lint findings (never thrown): each code's fields beyond `path`, `code` and `message`. */
export interface LintIssuePayloads {
  unreachable_rule: { readonly rule: string };
  unproducible_outcome: { readonly outcome: string };
  unused_fact: { readonly fact: string };
  unused_catalogue: { readonly catalogue: string };
  unreferenced_catalogue_entry: { readonly catalogue: string; readonly entry: string };
  rule_without_scenario: { readonly rule: string };
}

const LINT = 'compile/lint/lintProgram';

/** How the codes of lint findings are documented. */
export const LINT_ISSUES: IssueArea<LintIssuePayloads> = {
  title: 'Lint findings (warnings, never thrown)',
  reportedBy:
    "A compiled ruleset's `warnings`, `lintRuleset`, and `dual-use-rules validate` (an error with `--strict`): the " +
    'ruleset is valid, but probably not what its author meant.',
  codes: {
    unreachable_rule: {
      means: 'A rule that can never decide: its condition is never true, or a rule of higher precedence always wins.',
      raisedIn: [LINT],
      example: ['rules', 3],
      fix: 'Correct its condition or outcome, or remove it.',
    },
    unproducible_outcome: {
      means: 'A declared outcome that no rule, fallback or undecided case can produce.',
      raisedIn: [LINT],
      example: ['outcomes', 'enhanced_due_diligence'],
      fix: 'Add the rule that decides it, or remove the outcome.',
    },
    unused_fact: {
      means: 'A fact no rule, note, derivation or authority reads.',
      raisedIn: [LINT],
      example: ['facts', 'item.description'],
      fix: 'Use it or remove it.',
    },
    unused_catalogue: {
      means: 'A catalogue no fact, derivation or authority reads.',
      raisedIn: [LINT],
      example: ['catalogues', 'factors'],
      fix: 'Bind it to a fact (`answers.catalogue`) or remove it.',
    },
    unreferenced_catalogue_entry: {
      means: 'A catalogue entry that nothing can select: no answer can name it and no rule compares with it.',
      raisedIn: [LINT],
      example: ['catalogues', 'red-flags', 'entries', 7],
      fix: 'Bind the catalogue to a fact, or remove the entry.',
    },
    rule_without_scenario: {
      means: 'A rule that holds in none of the scenarios written for the ruleset.',
      raisedIn: ['lintRuleset'],
      example: ['rules', 5],
      fix: 'Add a scenario in which the rule applies, with the outcome the law gives.',
    },
  },
};
