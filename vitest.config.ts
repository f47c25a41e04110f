import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    // Vitest's default leaves a core to itself (one worker on a 2-core machine); the test files' own work dominates.
    maxWorkers: availableParallelism(),
  },
});
