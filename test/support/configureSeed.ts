import fc from 'fast-check';
import { inject } from 'vitest';

/**
 * Vitest setup file: every property and sample that names no seed of its own runs on the run's seed, chosen once by
 * `propertySeed.ts` (the commit's, or `FC_SEED`).
 */
fc.configureGlobal({ seed: inject('propertySeed') });
