import { readFileSync } from 'node:fs';
import { loadRuleset, type CompiledRuleset } from '../../src/index';
import { completeTransactionArbitrary, vocabularyOf } from '../../src/testing/index';

/** Reads a JSON file relative to the repository root. */
export function readJsonFile(path: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as unknown;
}

/**
 * The compositions of the bundled Article 5 ruleset that a date can select: each version in force, with and without
 * the German overlay, named after what the date selects (`test/unit/shippedCompositions.test.ts` checks the names).
 */
export const SHIPPED_COMPOSITIONS: readonly {
  readonly name: string;
  readonly asOf: string;
  readonly ruleset: () => CompiledRuleset;
}[] = [
  { name: '1.2.0 (2023)', asOf: '2023-05-10', ruleset: () => loadRuleset('eu-2021-821-art5', { asOf: '2023-05-10' }) },
  {
    name: '1.2.0 + de-awv-9-4 1.1.0 (2024-08)',
    asOf: '2024-08-01',
    ruleset: () => loadRuleset('eu-2021-821-art5', { asOf: '2024-08-01' }),
  },
  {
    name: '2.3.2 + de-awv-9-4 1.1.0 (2025)',
    asOf: '2025-01-10',
    ruleset: () => loadRuleset('eu-2021-821-art5', { asOf: '2025-01-10' }),
  },
];

/**
 * Options that start the kit's soundness, monotonicity and order checks from its Article 5 transactions, drawn so
 * that exports of cyber-surveillance items with findings and red flags are common: an Article 5 ruleset decides on
 * a conjunction of five elements of the definition, which transactions drawn evenly over the fields rarely meet.
 */
export function article5Transactions(ruleset: CompiledRuleset) {
  return { transactions: completeTransactionArbitrary(vocabularyOf(ruleset)) };
}
