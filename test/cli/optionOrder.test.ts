import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import packageJson from '../../package.json';
import { runCli } from '../support/cli';
import { scratchFolder } from '../support/scratch';

const root = new URL('../..', import.meta.url).pathname;
const work = scratchFolder('dur-option-order-');
const run = (args: readonly string[]) => runCli(args, { cwd: work });

beforeAll(async () => {
  copyFileSync(join(root, 'rulesets/eu-2021-821-art5/2.1.0.json'), join(work, 'my-ruleset.json'));
  copyFileSync(join(root, 'examples/notification-tracker-intelligence-agency.json'), join(work, 'order.json'));
  expect((await run(['keygen', '--out', 'approver'])).code).toBe(0);
  expect((await run(['keygen', '--out', 'records'])).code).toBe(0);
  expect((await run(['sign', 'my-ruleset.json', '--key', 'approver.key'])).code).toBe(0);
  expect((await run(['assess', 'order.json', '--record', 'record.json', '--signing-key', 'records.key'])).code).toBe(0);
});

/**
 * The documented signing commands, each with its options after its file arguments (as the docs show them) and before
 * them: commander must read both the same (no option that takes the file after it as one more value).
 */
const COMMANDS: readonly { readonly name: string; readonly files: string[]; readonly options: string[] }[] = [
  { name: 'keygen', files: [], options: ['--out', 'again', '--force'] },
  { name: 'sign', files: ['my-ruleset.json'], options: ['--key', 'approver.key', '--out', 'again.sig'] },
  {
    name: 'verify',
    files: ['my-ruleset.json'],
    options: ['--public-key', 'approver.pub', '--public-key', 'records.pub'],
  },
  { name: 'verify-record', files: ['record.json'], options: ['--public-key', 'records.pub'] },
  {
    name: 'assess',
    files: ['order.json'],
    options: ['--record', 'again-record.json', '--signing-key', 'records.key', '--assessed-by', 'J. Doe'],
  },
  { name: 'validate', files: ['my-ruleset.json'], options: ['--public-key', 'approver.pub'] },
  {
    name: 'diff',
    files: ['my-ruleset.json', 'my-ruleset.json'],
    options: ['--public-key', 'approver.pub', '--runs', '10'],
  },
  {
    name: 'test',
    files: [join(root, 'test/fixtures/scenarios/broken.json')],
    options: ['--ruleset', 'my-ruleset.json', '--public-key', 'approver.pub'],
  },
];

describe('options come before or after the file arguments', () => {
  test.each(COMMANDS)('$name', async ({ name, files, options }) => {
    const after = await run([name, ...files, ...options]);
    const before = await run([name, ...options, ...files]);
    // `test` exits 1: its fixture has a failing scenario, on purpose.
    const expected = name === 'test' ? 1 : 0;
    expect(after.code, after.stderr).toBe(expected);
    expect(before.code, before.stderr).toBe(expected);
    const stable = (text: string) =>
      text
        .replace(/[0-9a-f]{8}-[0-9a-f-]{27}/g, 'ID')
        .replace(/\d+(\.\d+)? s\b/g, 'T')
        .replace(/\b[0-9a-f]{16}\b/g, 'KEY');
    expect(stable(before.stdout)).toBe(stable(after.stdout));
  });
});

test('--version and -V print the version in package.json', async () => {
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  expect(version.version).toBe(packageJson.version);
  for (const flag of ['--version', '-V']) {
    const result = await run([flag]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`${version.version}\n`);
  }
});
