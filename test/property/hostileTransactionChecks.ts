import type fc from 'fast-check';
import { expect } from 'vitest';
import { OUTCOMES, TransactionError, type Assessment, type CompiledRuleset } from '../../src/index';
import { mustAccept } from './transactionOracle';

/**
 * fast-check's own report prints the counterexample, which overflows the stack on inputs 12,000 levels deep;
 * this one prints a bounded summary and the seed and path to replay it.
 */
export function boundedReport(details: fc.RunDetails<[unknown]>): void {
  if (!details.failed) return;
  const shown = summarize(details.counterexample?.[0], 0).slice(0, 3000);
  const cause =
    details.errorInstance instanceof Error
      ? `${details.errorInstance.message}\n${String(details.errorInstance.cause ?? '')}`
      : String(details.errorInstance);
  throw new Error(
    `Property failed after ${details.numRuns} runs (seed ${details.seed}, path ` +
      `"${details.counterexamplePath}"): ${cause}\nCounterexample: ${shown}`,
  );
}

/** A readable, bounded rendering of any value: long strings and deep nesting are cut. */
function summarize(value: unknown, depth: number): string {
  if (typeof value === 'string')
    return JSON.stringify(value.length > 100 ? `${value.slice(0, 100)}… (${value.length} characters)` : value);
  if (value === null || typeof value !== 'object') return String(value);
  if (depth >= 6) return Array.isArray(value) ? '[…]' : '{…}';
  if (Array.isArray(value))
    return `[${value
      .slice(0, 20)
      .map((item) => summarize(item, depth + 1))
      .join(', ')}${value.length > 20 ? ', …' : ''}]`;
  return `{${Object.entries(value)
    .slice(0, 30)
    .map(([key, item]) => `${JSON.stringify(key)}: ${summarize(item, depth + 1)}`)
    .join(', ')}}`;
}

/** Whether every issue's path leads to a place inside the input, or to a missing key of an object in it. */
function pathFits(input: unknown, path: readonly (string | number)[]): boolean {
  let node = input;
  for (const segment of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment)) return false;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return path.length === 0 || (node !== null && typeof node === 'object');
}

/** Runs `evaluate` and checks the outcome against the oracle: only TransactionError ever thrown, and only for invalid input. */
export function check(input: unknown, ruleset: CompiledRuleset, evaluate: () => Assessment): void {
  const valid = mustAccept(input, ruleset);
  let assessment: Assessment | undefined;
  try {
    assessment = evaluate();
  } catch (error) {
    if (!(error instanceof TransactionError))
      throw new Error(`threw ${String(error)} instead of a TransactionError`, { cause: error });
    expect(valid, `a valid transaction was refused: ${error.message.slice(0, 2000)}`).toBe(false);
    expect(error.issues.length).toBeGreaterThan(0);
    for (const issue of error.issues) {
      expect(issue.message.length).toBeGreaterThan(0);
      expect(issue.code).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(pathFits(input, issue.path), `issue path ${JSON.stringify(issue.path)} does not fit the input`).toBe(true);
    }
    return;
  }
  expect(valid, 'an invalid transaction was accepted').toBe(true);
  expect(OUTCOMES).toContain(assessment.outcome);
  expect(assessment.possibleOutcomes).toContain(
    assessment.outcome === 'insufficient_information' && assessment.possibleOutcomes.length > 1
      ? assessment.possibleOutcomes[0]
      : assessment.outcome,
  );
}
