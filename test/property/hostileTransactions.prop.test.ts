import fc from 'fast-check';
import { describe, test } from 'vitest';
import { assessMany, loadRuleset, type Assessment } from '../../src/index';
import { vocabularyOf } from '../../src/testing/arbitraries';
import { runs } from '../support/runs';
import { boundedReport, check } from './hostileTransactionChecks';
import { hostileTransactionArbitrary } from './hostileTransactionInputs';

/**
 * Hostile inputs, judged by an independent oracle (`transactionOracle.ts`). 100,000 in all in the deep tier (a
 * twentieth in `npm test`, see `test/support/runs.ts`), in two files so that
 * they can run in parallel: 50,000 here through `assessMany` with a given ruleset; 45,000 through `assessMany`
 * choosing the bundled ruleset by date and 5,000 through `assess` in `hostileTransactionsByDate.prop.test.ts`.
 */
const RUNS = runs(50_000);

describe('hostile transactions', () => {
  const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' });
  const inputs = hostileTransactionArbitrary(vocabularyOf(ruleset));

  test(
    `${RUNS.toLocaleString('en')} inputs through assessMany with a given ruleset: only ` +
      `TransactionError, only for invalid input; valid input gets one of the six outcomes`,
    () => {
      fc.assert(
        fc.property(inputs, (input) => check(input, ruleset, () => assessMany([input], { ruleset })[0] as Assessment)),
        { numRuns: RUNS, reporter: boundedReport },
      );
    },
  );
});
