import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    // Bundles the CLI once per run for the tests that spawn it (test/support/cli.ts).
    globalSetup: ['test/support/buildCli.ts'],
    // Vitest's default leaves a core to itself (one worker on a 2-core machine); the test files' own work dominates.
    maxWorkers: availableParallelism(),
  },
});
