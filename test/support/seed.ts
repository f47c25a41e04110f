import { inject } from 'vitest';

/**
 * The run's seed (`propertySeed.ts`), for the testing kit's checks, which draw a random seed of their own when given
 * none: passing it keeps their inputs reproducible with the rest of the run.
 */
export function runSeed(): number {
  return inject('propertySeed');
}
