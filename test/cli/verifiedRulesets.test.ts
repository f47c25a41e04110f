import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { assessMany } from '../../src/assessMany';
import { compileRuleset } from '../../src/compileRuleset';
import { createDecisionRecord } from '../../src/createDecisionRecord';
import { generateSigningKeys } from '../../src/generateSigningKeys';
import { signRuleset } from '../../src/signRuleset';
import { runCli, runShell, type CliResult } from '../support/cli';
import { scratchFolder } from '../support/scratch';

// D3 (hardening review, December 2026): assess and batch could not verify signatures at all (no --public-key, no
// environment variable, the .sig ignored), so a tampered ruleset with a stale .sig next to it was used, exit 0; and
// "verify, then assess" read the file twice. Every command that reads a ruleset now takes trusted keys, reads each
// file once, and refuses unsigned or altered documents once a key is given.

const root = new URL('../..', import.meta.url).pathname;
const approver = generateSigningKeys();
const stranger = generateSigningKeys();
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
const work = scratchFolder('dur-verified-');

const readJson = (path: string) => JSON.parse(readFileSync(join(root, path), 'utf8')) as Record<string, unknown>;

beforeAll(() => {
  const write = (name: string, value: unknown) =>
    writeFileSync(join(work, name), `${JSON.stringify(value, null, 2)}\n`);
  const mine = { ...readJson('rulesets/eu-2021-821-art5/2.1.0.json'), version: '2.1.1' };
  const tampered = structuredClone(mine) as unknown as { thresholds: Record<string, { value: number }> };
  (tampered.thresholds['guidelines.red-flag-score'] as { value: number }).value = 2;
  const overlay = readJson('rulesets/de-awv-9-4/1.1.0.json');
  write('my.json', mine);
  write('my.json.sig', signRuleset(mine, approver.privateKey));
  write('tampered.json', tampered);
  write('tampered.json.sig', signRuleset(mine, approver.privateKey));
  write('unsigned.json', mine);
  write('overlay.json', overlay);
  write('overlay.json.sig', signRuleset(overlay, stranger.privateKey));
  write('overlay-approved.json', overlay);
  write('overlay-approved.json.sig', signRuleset(overlay, approver.privateKey));
  mkdirSync(join(work, 'signatures'));
  write('elsewhere.json', mine);
  write('signatures/elsewhere.sig', signRuleset(mine, approver.privateKey));
  writeFileSync(join(work, 'approver.pub'), approver.publicKey);
  writeFileSync(join(work, 'approver.key'), approver.privateKey);
  writeFileSync(join(work, 'stranger.pub'), stranger.publicKey);
  const order = readJson('examples/notification-tracker-intelligence-agency.json');
  write('order.json', order);
  // A decision record made with my.json, for verify-record to replay with it.
  const [assessment] = assessMany([order as never], { ruleset: compileRuleset(mine) });
  write('record.json', createDecisionRecord(order, assessment as NonNullable<typeof assessment>));
  writeFileSync(
    join(work, 'orders.jsonl'),
    `${JSON.stringify(readJson('examples/notification-tracker-intelligence-agency.json'))}\n`,
  );
});

const run = (args: readonly string[], env: NodeJS.ProcessEnv = {}) =>
  runCli(args, { cwd: work, env: { DUAL_USE_RULES_PUBLIC_KEYS: '', ...env } });
const withKeys = { DUAL_USE_RULES_PUBLIC_KEYS: 'approver.pub' };

function expectRefused(result: CliResult, file: string, reason: RegExp): void {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toContain(file);
  expect(result.stderr).toMatch(reason);
  expect(result.stderr).not.toMatch(STACK_FRAME);
  expect(result.stderr).not.toMatch(/Internal error/);
}

describe.concurrent('assess and batch verify rulesets once a public key is given', () => {
  test('assess --public-key: a tampered ruleset with a stale .sig is refused, naming the file and why', async () => {
    const result = await run(['assess', '--ruleset', 'tampered.json', '--public-key', 'approver.pub', 'order.json']);
    expectRefused(result, 'tampered.json', /has changed since it was signed/);
  });

  test('assess --public-key: a ruleset signed by that key is used, in one step, without a notice', async () => {
    const result = await run([
      'assess',
      '--ruleset',
      'my.json',
      '--public-key',
      'approver.pub',
      '--json',
      'order.json',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ruleset: { id: 'eu-2021-821-art5', version: '2.1.1' } });
  });

  test('an unsigned ruleset is refused; --public-key may be repeated', async () => {
    const result = await run([
      'assess',
      '--ruleset',
      'unsigned.json',
      '--public-key',
      'stranger.pub',
      '--public-key',
      'approver.pub',
      'order.json',
    ]);
    expectRefused(result, 'unsigned.json', /no signature/);
  });

  test('an overlay signed by a key that is not trusted is refused, naming the overlay', async () => {
    const result = await run([
      'assess',
      '--ruleset',
      'my.json',
      '--overlay',
      'overlay.json',
      '--public-key',
      'approver.pub',
      'order.json',
    ]);
    expectRefused(result, 'overlay.json', new RegExp(`signed with key ${stranger.keyId}, which is not among`));
    const approved = await run([
      'assess',
      '--ruleset',
      'my.json',
      '--overlay',
      'overlay-approved.json',
      '--public-key',
      'approver.pub',
      'order.json',
    ]);
    expect([approved.code, approved.stderr]).toEqual([0, '']);
  });

  test('--signature points at a signature kept elsewhere', async () => {
    const [found, missing] = await Promise.all([
      run(['assess', '--ruleset', 'elsewhere.json', '--signature', 'signatures/elsewhere.sig', 'order.json'], withKeys),
      run(['assess', '--ruleset', 'elsewhere.json', 'order.json'], withKeys),
    ]);
    expect([found.code, found.stderr]).toEqual([0, '']);
    expectRefused(missing, 'elsewhere.json', /no signature/);
  });

  test('batch --public-key: a tampered ruleset stops the run before any line; a signed one assesses', async () => {
    const [tampered, signed] = await Promise.all([
      run(['batch', '--ruleset', 'tampered.json', '--public-key', 'approver.pub', 'orders.jsonl']),
      run(['batch', '--ruleset', 'my.json', '--public-key', 'approver.pub', 'orders.jsonl']),
    ]);
    expectRefused(tampered, 'tampered.json', /has changed since it was signed/);
    expect(signed.code).toBe(0);
    expect(signed.stderr).not.toMatch(/not verified/);
    expect(JSON.parse(signed.stdout)).toMatchObject({ ruleset: { version: '2.1.1' } });
  });
});

describe.concurrent('DUAL_USE_RULES_PUBLIC_KEYS configures the keys for every command that reads a ruleset', () => {
  test.each([
    ['assess', ['assess', '--ruleset', 'tampered.json', 'order.json']],
    ['batch', ['batch', '--ruleset', 'tampered.json', 'orders.jsonl']],
    ['validate', ['validate', 'tampered.json']],
    ['verify', ['verify', 'tampered.json']],
    ['diff', ['diff', 'my.json', 'tampered.json', '--runs', '50']],
    ['serve (it does not start)', ['serve', '--port', '0', '--ruleset', 'tampered.json']],
    ['verify-record', ['verify-record', 'record.json', '--ruleset', 'tampered.json']],
  ])('%s refuses a tampered ruleset', async (_, args) => {
    expectRefused(await run(args, withKeys), 'tampered.json', /has changed since it was signed/);
  });

  test('a list of key files, separated as PATH is; --public-key replaces it', async () => {
    const [listed, replaced] = await Promise.all([
      run(['validate', 'my.json'], { DUAL_USE_RULES_PUBLIC_KEYS: `stranger.pub:approver.pub` }),
      run(['validate', 'my.json', '--public-key', 'stranger.pub'], withKeys),
    ]);
    expect([listed.code, listed.stderr]).toEqual([0, '']);
    expectRefused(replaced, 'my.json', /not among the configured keys/);
  });

  test('a key file that is missing, or a private key, is an error naming it', async () => {
    const [missing, secret] = await Promise.all([
      run(['assess', '--ruleset', 'my.json', 'order.json'], { DUAL_USE_RULES_PUBLIC_KEYS: 'nope.pub' }),
      run(['validate', 'my.json', '--public-key', 'order.json']),
    ]);
    expectRefused(missing, 'nope.pub', /DUAL_USE_RULES_PUBLIC_KEYS/);
    expectRefused(secret, 'order.json', /cannot be used/);
  });

  test('serve and verify-record refuse a private key given as a public key, naming it', async () => {
    const [serve, record] = await Promise.all([
      run(['serve', '--port', '0', '--ruleset', 'my.json', '--public-key', 'approver.key']),
      run(['verify-record', 'record.json', '--public-key', 'approver.key']),
    ]);
    expectRefused(serve, 'approver.key', /This is a private key, not a public key/);
    expectRefused(record, 'approver.key', /This is a private key, not a public key/);
  });

  test('verify-record: the environment’s keys verify the ruleset files, not the record’s own signature', async () => {
    // DUAL_USE_RULES_PUBLIC_KEYS names who approves rulesets; a record is signed by whoever assessed, so only a
    // --public-key given for it makes its signature required.
    const result = await run(['verify-record', 'record.json', '--ruleset', 'my.json'], withKeys);
    expect([result.code, result.stderr]).toEqual([0, '']);
    expect(result.stdout).toMatch(/^Verified decision record \S+: .* not signed, and the replay/);
  });

  test('verify without any key says how to give one', async () => {
    const result = await run(['verify', 'my.json']);
    expectRefused(result, 'my.json', /--public-key.*DUAL_USE_RULES_PUBLIC_KEYS/);
    expect((await run(['verify', 'my.json'], withKeys)).code).toBe(0);
  });
});

describe.concurrent('without a key', () => {
  test('a custom ruleset is used as before, with a one-line notice on stderr that it was not verified', async () => {
    const result = await run(['assess', '--ruleset', 'my.json', '--overlay', 'overlay.json', '--json', 'order.json']);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ruleset: { version: '2.1.1' } });
    expect(result.stderr.split('\n')).toEqual([expect.stringMatching(/my\.json.*overlay\.json.*not verified/), '']);
  });

  test('the bundled rulesets need no notice', async () => {
    const result = await run(['assess', 'order.json']);
    expect([result.code, result.stderr]).toEqual([0, '']);
  });
});

describe('each ruleset file is read once: what is verified is what is used', () => {
  test('a ruleset and its signature that can be read only once (FIFOs) are verified and used', async () => {
    const script =
      'mkfifo once.json once.sig && (cat my.json > once.json 2> /dev/null &) && ' +
      '(cat my.json.sig > once.sig 2> /dev/null &) && ' +
      'exec $CLI assess --ruleset once.json --signature once.sig --public-key approver.pub --json order.json';
    const result = await runShell(script, { cwd: work, timeout: 60_000, env: { DUAL_USE_RULES_PUBLIC_KEYS: '' } });
    // A writer the command did not read from stays blocked on its FIFO: open them once more to let it finish.
    spawnSync('bash', ['-c', 'timeout 1 cat once.json > /dev/null; timeout 1 cat once.sig > /dev/null'], { cwd: work });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ ruleset: { version: '2.1.1' } });
  }, 90_000);
});
