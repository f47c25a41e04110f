import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** What every test project shares. */
const common = { testTimeout: 120_000, setupFiles: ['test/support/configureSeed.ts'] };

export default defineConfig({
  test: {
    // Vitest's default leaves a core to itself (one worker on a 2-core machine); the test files' own work dominates.
    maxWorkers: availableParallelism(),
    // Builds the CLI and the library once per run for the tests that spawn the one and load the other. The root project's global setup
    // runs whichever projects run, and its provided values reach them all, so the projects below do not repeat it.
    // It also chooses the seed of generated inputs once: the commit's, so a run on a commit is reproducible
    // (test/support/propertySeed.ts; configureSeed.ts applies it in every file).
    globalSetup: ['test/support/buildPackage.ts', 'test/support/propertySeed.ts'],
    projects: [
      {
        test: {
          ...common,
          name: 'in-process',
          include: ['test/{unit,property,scenarios,hostile,supply-chain}/**/*.test.ts'],
          // These files test the library in this process and keep no state between files (each passes, in any order,
          // with the others in the same worker), so a worker imports the library once instead of once per file:
          // about a quarter of the run's CPU time went on importing.
          isolate: false,
        },
      },
      {
        test: {
          ...common,
          name: 'processes',
          include: ['test/{cli,server}/**/*.test.ts'],
          // These files spawn the CLI, start servers and write decision records: their time goes on child processes,
          // not imports, so isolation costs them little, and each keeps a fresh module graph (and fresh module-level
          // state in the server and the CLI's in-process parts) rather than depending on which files ran before.
          isolate: true,
        },
      },
    ],
  },
});
