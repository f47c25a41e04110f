import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assess, assessMany, loadRuleset, TransactionError, type Assessment } from '../../src/index';
import { vocabularyOf } from '../../src/testing/arbitraries';
import { runs } from '../support/runs';
import { boundedReport, check } from './hostileTransactionChecks';
import { hostileTransactionArbitrary } from './hostileTransactionInputs';

/** The other 50,000 of the 100,000 hostile inputs (see `hostileTransactions.prop.test.ts`). */
const RUNS = { byDate: runs(45_000), engine: runs(5_000) } as const;

describe('hostile transactions', () => {
  const ruleset = loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' });
  const inputs = hostileTransactionArbitrary(vocabularyOf(ruleset));

  test(
    `${RUNS.byDate.toLocaleString('en')} inputs through assessMany with the bundled ruleset ` + `chosen by their date`,
    () => {
      fc.assert(
        fc.property(inputs, (input) => {
          const date = (input as { date?: unknown } | null)?.date;
          // The ruleset the input's own date selects, or (without a usable date) the one for the asOf passed below.
          const selected = (() => {
            try {
              return loadRuleset('eu-2021-821-art5', {
                asOf: typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : '2025-01-10',
              });
            } catch {
              return undefined;
            }
          })();
          const run = () => assessMany([input], { asOf: '2025-01-10' })[0] as Assessment;
          if (selected !== undefined) return check(input, selected, run);
          // A calendar date on which no version is in force: refused with an issue at /date.
          expect(run).toThrow(TransactionError);
        }),
        { numRuns: RUNS.byDate, reporter: boundedReport },
      );
    },
  );

  test(
    `${RUNS.engine.toLocaleString('en')} inputs through assess: the same acceptance, and the ` +
      `same assessment as assessMany`,
    async () => {
      await fc.assert(
        fc.asyncProperty(inputs, async (input) => {
          let viaEngine: Assessment | TransactionError;
          try {
            viaEngine = await assess(input, { ruleset });
          } catch (error) {
            if (!(error instanceof TransactionError))
              throw new Error(`threw ${String(error)} instead of a TransactionError`, { cause: error });
            viaEngine = error;
          }
          check(input, ruleset, () => {
            if (viaEngine instanceof TransactionError) throw viaEngine;
            return viaEngine;
          });
          let viaCompiled: Assessment | TransactionError;
          try {
            viaCompiled = assessMany([input], { ruleset })[0] as Assessment;
          } catch (error) {
            viaCompiled = error as TransactionError;
          }
          if (viaEngine instanceof TransactionError)
            expect((viaCompiled as TransactionError).issues).toEqual(viaEngine.issues);
          else expect(viaCompiled).toEqual(viaEngine);
        }),
        { numRuns: RUNS.engine, asyncReporter: async (details) => boundedReport(details) },
      );
    },
  );
});
