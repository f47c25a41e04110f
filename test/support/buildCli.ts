import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'tsup';
import type { TestProject } from 'vitest/node';
import { CLI_BUILD } from '../../tsup.config';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The CLI bundled from the current sources for this test run (see `test/support/buildCli.ts`). */
    readonly cliPath: string;
  }
}

const root = new URL('../..', import.meta.url).pathname;

/**
 * Vitest global setup: bundles `src/cli/main.ts` once per test run with the package build's options for it
 * (`tsup.config.ts`: the batch worker next to the command, split into chunks that each command loads when it runs, zod
 * bundled, other dependencies external), so the CLI tests run a plain `node` process built from the current sources,
 * never a stale dist/. The bundle goes under node_modules/.cache so it resolves the installed dependencies, and is
 * removed when the run ends.
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const outDir = mkdtempSync(join(cache, 'dur-cli-'));
  await build({
    ...CLI_BUILD,
    entry: {
      cli: join(root, 'src', 'cli', 'main.ts'),
      'batch-worker': join(root, 'src', 'cli', 'batch', 'worker.ts'),
    },
    outDir,
    sourcemap: false,
    silent: true,
    config: false,
    dts: false,
  });
  project.provide('cliPath', join(outDir, 'cli.js'));
  return () => rmSync(outDir, { recursive: true, force: true });
}
