import type { IssueArea } from './area';

/** The codes of `dual-use-rules/testing`: fields beyond `path`, `code` and `message`. */
export interface TestingIssuePayloads {
  invariant_violated: { readonly invariant: string };
  property_violated: { readonly property: string };
}

/** How the codes of the testing kit are documented. */
export const TESTING_ISSUES: IssueArea<TestingIssuePayloads> = {
  title: 'Property tests of rulesets',
  reportedBy:
    '`InvariantViolation` from `checkInvariants` and `PropertyViolation` from `checkSoundness`, `checkMonotonicity` ' +
    'and `checkOrderIndependence` (`dual-use-rules/testing`).',
  codes: {
    invariant_violated: {
      means:
        'The invariant `invariant` fails for a transaction fast-check found; the error holds that transaction, shrunk, ' +
        'and the seed and path that reproduce it.',
      raisedIn: ['testing/InvariantViolation'],
      example: [],
      fix: 'Find the rule the counterexample exposes and correct it, or correct the invariant if the law allows it.',
    },
    property_violated: {
      means:
        'A property every ruleset must keep (`property`: soundness of possible outcomes, monotonicity, order ' +
        'independence) fails for a transaction fast-check found; the error holds it, shrunk, and how to replay it.',
      raisedIn: ['testing/generative/checkSoundness'],
      example: [],
      fix: 'The ruleset can answer wrongly in silence: correct the rules the counterexample exposes.',
    },
  },
};
