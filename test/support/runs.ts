/**
 * The test tiers. `npm test` runs every property, fuzz and bulk test with a twentieth of its full count (at least 100,
 * or the full count when that is smaller), and those over generated rulesets with a hundredth (`heavyRuns`), enough
 * to exercise every path in the inner loop; `npm run test:deep` (`TEST_DEPTH=deep`, what `.ci/run` runs) runs the full
 * counts the reliability budget asks for.
 */
export const DEEP = process.env['TEST_DEPTH'] === 'deep';

/** How many runs, inputs or lines a test makes: `full` in the deep tier, a twentieth of it otherwise. */
export function runs(full: number): number {
  return DEEP ? full : Math.max(Math.min(full, 100), Math.ceil(full / 20));
}

/**
 * For the properties over generated rulesets, where one run compiles a whole ruleset: `full` in the deep tier, a
 * hundredth of it otherwise (at least 25, or the full count when that is smaller), which still reaches each
 * property's branches in the inner loop while CI keeps the full counts.
 */
export function heavyRuns(full: number): number {
  return DEEP ? full : Math.max(Math.min(full, 25), Math.ceil(full / 100));
}
