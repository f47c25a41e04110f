import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The seed of every generated input in this run that names no seed of its own (see `propertySeed.ts`). */
    readonly propertySeed: number;
  }
}

/** What a run without a commit to read (a source archive, no git) uses. */
const WITHOUT_COMMIT = 20_261_206;

/**
 * Vitest global setup: chooses the seed of the run's generated inputs, once, and prints it.
 * - `FC_SEED` unset: a seed derived from the checked-out commit. A run on a given commit is reproducible, so the
 *   clean-clone run before a submission predicts CI's run on the same commit, and every new commit still explores
 *   new inputs.
 * - `FC_SEED=random`: a fresh seed, to explore (`npm run test:explore`).
 * - `FC_SEED=<integer>`: that seed, to replay a run whose log printed it.
 * A property's failure report still prints its own seed and path, which replay that one property.
 */
export default function setup(project: TestProject): void {
  const { seed, why } = chooseSeed(process.env['FC_SEED']);
  console.log(`Property seed ${seed} (${why}; FC_SEED=${seed} replays this run, FC_SEED=random explores)`);
  project.provide('propertySeed', seed);
}

function chooseSeed(given: string | undefined): { readonly seed: number; readonly why: string } {
  if (given === 'random') return { seed: Math.floor(Math.random() * 0x7fffffff), why: 'FC_SEED=random' };
  if (given !== undefined && given !== '') {
    const seed = Number(given);
    if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be unset, "random" or an integer, not "${given}".`);
    return { seed, why: 'FC_SEED' };
  }
  const commit = headCommit();
  if (commit === undefined) return { seed: WITHOUT_COMMIT, why: 'no git commit to read: the fixed default' };
  return { seed: Number.parseInt(commit.slice(0, 8), 16) & 0x7fffffff, why: `from commit ${commit.slice(0, 12)}` };
}

function headCommit(): string | undefined {
  try {
    const root = new URL('../..', import.meta.url).pathname;
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: 'pipe' }).trim();
    return /^[0-9a-f]{40}$/.test(commit) ? commit : undefined;
  } catch {
    return undefined;
  }
}
