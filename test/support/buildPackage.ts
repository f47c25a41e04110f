import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'tsup';
import type { TestProject } from 'vitest/node';
import { CLI_BUILD, LIBRARY_BUILD } from '../../tsup.config';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The CLI bundled from the current sources for this test run (see `test/support/buildPackage.ts`). */
    readonly cliPath: string;
    /**
     * The folder of the library built from the current sources for this test run, as dist/ holds it (`index.js`,
     * `index.cjs`, `testing.js`, … and their chunks; no type declarations).
     */
    readonly libraryDir: string;
  }
}

const root = new URL('../..', import.meta.url).pathname;

/**
 * Vitest global setup: builds the package once per test run from the current sources, with the package build's own
 * options (`tsup.config.ts`), so that no test reads a stale or missing dist/:
 * - the CLI (`CLI_BUILD`: the batch worker next to the command, split into chunks that each command loads when it
 *   runs, zod bundled, other dependencies external), which the CLI tests run as a plain `node` process;
 * - the library (`LIBRARY_BUILD`: ES module and CommonJS builds), which the supply-chain tests load as users do.
 * Both go under node_modules/.cache so they resolve the installed dependencies, side by side, and are removed when the
 * run ends.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'dur-package-'));
  const cliDir = join(outDir, 'cli');
  const libraryDir = join(outDir, 'library');
  const forTests = { silent: true, config: false, dts: false } as const;
  await Promise.all([
    build({
      ...CLI_BUILD,
      ...forTests,
      entry: {
        cli: join(root, 'src', 'cli', 'main.ts'),
        'batch-worker': join(root, 'src', 'cli', 'batch', 'worker.ts'),
      },
      outDir: cliDir,
    }),
    build({
      ...LIBRARY_BUILD,
      ...forTests,
      entry: { index: join(root, 'src', 'index.ts'), testing: join(root, 'src', 'testing', 'index.ts') },
      outDir: libraryDir,
      clean: false,
    }),
  ]);
  project.provide('cliPath', join(cliDir, 'cli.js'));
  project.provide('libraryDir', libraryDir);
  return () => rmSync(outDir, { recursive: true, force: true });
}
