import { expect } from 'vitest';
import { RulesetError } from '../../src/index';

/** The issues `run` throws a `RulesetError` with; fails the test when it throws something else, or nothing. */
export function rulesetIssues(run: () => unknown) {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RulesetError);
    return (error as RulesetError).issues;
  }
  throw new Error('expected a RulesetError');
}
