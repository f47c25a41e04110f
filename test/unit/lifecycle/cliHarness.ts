import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cliPath } from '../../support/cli';

const root = new URL('../../..', import.meta.url).pathname;

/** What a command printed and how it exited. */
export interface CommandResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * A scratch folder set up like a user's project: `dual-use-rules` on the PATH (the CLI bundled for this test run, as
 * the package build bundles it) and `node_modules/dual-use-rules` pointing at this repository, so shipped files resolve as documented.
 */
export function createWorkspace(): {
  readonly dir: string;
  readonly run: (script: string) => CommandResult;
  readonly dispose: () => void;
} {
  const cache = join(root, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const dir = mkdtempSync(join(cache, 'dur-lifecycle-work-'));
  const bin = join(dir, '.bin');
  mkdirSync(bin);
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(root, join(dir, 'node_modules', 'dual-use-rules'));
  writeFileSync(join(bin, 'dual-use-rules'), `#!/bin/sh\nexec node ${JSON.stringify(cliPath())} "$@"\n`);
  chmodSync(join(bin, 'dual-use-rules'), 0o755);
  return {
    dir,
    run: (script) => {
      const result = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', script], {
        cwd: dir,
        encoding: 'utf8',
        env: { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1' },
        timeout: 120_000,
      });
      return { status: result.status, stdout: result.stdout, stderr: result.stderr };
    },
    dispose: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
