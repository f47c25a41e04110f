import type { IssueArea } from './area';

/**
 * The codes of a ruleset that is within each document's limits but too large to evaluate: each code's fields beyond
 * `path`, `code` and `message`. `size` is what was counted (capped for reporting), `limit` what is allowed.
 */
export interface SizeIssuePayloads {
  section_too_large: { readonly size: number; readonly limit: number };
  conditions_too_large: { readonly size: number; readonly limit: number };
  condition_too_large: { readonly size: number; readonly limit: number };
  condition_too_deep: { readonly size: number; readonly limit: number };
}

const CONDITIONS = 'compile/checks/checkConditionSize';

/** How the codes of rulesets too large to evaluate are documented. */
export const SIZE_ISSUES: IssueArea<SizeIssuePayloads> = {
  title: 'Ruleset documents: too large to evaluate',
  reportedBy:
    '`RulesetError` from `compileRuleset` and `createRulesetRegistry().register`, before the other semantic checks, ' +
    'which are not run on such a ruleset.',
  codes: {
    section_too_large: {
      means: 'With its overlays, the composed ruleset has more entries in a section than one document may.',
      raisedIn: ['compile/checks/checkComposedSize'],
      example: ['rules'],
      fix: 'Compose fewer overlays, or move entries out of the base.',
    },
    conditions_too_large: {
      means: 'All condition trees together, with named conditions written out, have too many nodes.',
      raisedIn: [CONDITIONS],
      example: [],
      fix: 'Simplify the conditions; a name used many times inside another multiplies its size.',
    },
    condition_too_large: {
      means: 'One condition tree, with named conditions written out, has too many nodes.',
      raisedIn: [CONDITIONS],
      example: ['rules', 0, 'when'],
      fix: 'Split the rule, or simplify the named conditions it uses.',
    },
    condition_too_deep: {
      means: 'One condition tree, with named conditions written out, nests too deep.',
      raisedIn: [CONDITIONS],
      example: ['conditions', 'aware', 'when'],
      fix: 'Flatten the nesting.',
    },
  },
};
