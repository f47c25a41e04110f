import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { cliPath, collect } from '../support/cli';
import { scratchFolder } from '../support/scratch';

const root = new URL('../..', import.meta.url).pathname;
const scratch = scratchFolder('dur-startup-');

/** The files of the CLI's bundle and the packages a run of the CLI with `args` loads, and what it printed. */
async function loadedBy(args: readonly string[]) {
  const record = join(scratch, `${randomUUID()}.txt`);
  const child = spawn(
    process.execPath,
    ['--import', join(root, 'test/support/recordLoadedModules.js'), cliPath(), ...args],
    { env: { ...process.env, RECORD_LOADED_MODULES: record }, cwd: root, stdio: 'pipe' },
  );
  child.stdin?.end();
  const result = await collect(child);
  const files = readFileSync(record, 'utf8')
    .split('\n')
    .filter((url) => url.startsWith('file:'))
    .map((url) => fileURLToPath(url));
  // The bundle is under node_modules/.cache (test/support/buildCli.ts): its own files, then the packages it imports.
  const bundle = files.filter((file) => file.startsWith(`${dirname(cliPath())}/`));
  const packages = new Set(
    files
      .filter((file) => !bundle.includes(file))
      .map((file) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)?.[1])
      .filter((name) => name !== undefined),
  );
  return {
    result,
    packages: [...packages].sort(),
    bundleBytes: bundle.reduce((total, file) => total + statSync(file).size, 0),
  };
}

describe.concurrent('start-up', () => {
  // The library (its compiler, generated validator, bundled rulesets and zod) is loaded by a command's action only:
  // the version, help and usage errors are answered from the command declarations alone.
  test.each([[['--version']], [['--help']], [['help', 'assess']], [['assess', '--colour', 'x.json']], [['asses']]])(
    '%j loads no part of the library, only commander and picocolors',
    async (args) => {
      const { result, packages, bundleBytes } = await loadedBy(args);
      expect(result.stdout + result.stderr).not.toBe('');
      expect(packages).toEqual(['commander', 'picocolors']);
      // The declarations and output code are some 50 KB; the library is over 1 MB.
      expect(bundleBytes).toBeLessThan(150_000);
    },
  );

  test('a command that runs loads the library on use', async () => {
    const { result, packages, bundleBytes } = await loadedBy([
      'assess',
      '--format',
      'json',
      'examples/notification-tracker-intelligence-agency.json',
    ]);
    expect(result.code).toBe(0);
    expect(packages).toEqual(expect.arrayContaining(['@noble/hashes', 'json-rules-engine']));
    expect(bundleBytes).toBeGreaterThan(1_000_000);
  });
});
