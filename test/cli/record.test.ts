import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runCli } from '../support/cli';

const root = new URL('../..', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'dur-record-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const at = (name: string) => join(folder, name);
const EXAMPLE = join(root, 'examples/notification-tracker-intelligence-agency.json');
const readRecord = (name: string) => JSON.parse(readFileSync(at(name), 'utf8')) as Record<string, unknown>;

beforeAll(async () => {
  expect((await runCli(['keygen', '--out', at('records')])).code).toBe(0);
  expect((await runCli(['keygen', '--out', at('other')])).code).toBe(0);
});

describe('assess --record and verify-record', () => {
  test('a signed record verifies and replays to the recorded outcome; the HTML report names it', async () => {
    const assessed = await runCli([
      'assess',
      '--format',
      'html',
      '--out',
      at('decision.html'),
      '--record',
      at('record.json'),
      '--signing-key',
      at('records.key'),
      '--assessed-by',
      'J. Doe, export control',
      EXAMPLE,
    ]);
    expect(assessed.stderr).toBe('');
    expect(assessed.code).toBe(0);
    const record = readRecord('record.json');
    expect(record).toMatchObject({
      format: 'dual-use-rules/decision-record/1',
      assessedBy: 'J. Doe, export control',
      assessment: { outcome: 'insufficient_information' },
      signature: { protected: expect.any(String), signature: expect.any(String) },
    });
    const report = readFileSync(at('decision.html'), 'utf8');
    expect(report).toContain(`<code id="record-sha256">${String(record['sha256'])}</code>`);
    expect(report).toMatch(/signed with key <code>[0-9a-f]{16}<\/code>/);

    const verified = await runCli(['verify-record', at('record.json'), '--public-key', at('records.pub')]);
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(
      /^Verified decision record [0-9a-f-]{36}: its content is unchanged \(sha256\), signed with trusted key [0-9a-f]{16}, and the replay with the recorded ruleset gives insufficient_information, as recorded, identical in every field\.\n$/,
    );
    const unchecked = await runCli(['verify-record', at('record.json')]);
    expect(unchecked.code).toBe(0);
    expect(unchecked.stdout).toContain('not checked: no --public-key given');
  });

  test('one changed byte, another key, or no signature fails with exit 2 and says why', async () => {
    const text = readFileSync(at('record.json'), 'utf8');
    writeFileSync(at('changed.json'), text.replace('"J. Doe, export control"', '"J. Doe, export contro1"'));
    const changed = await runCli(['verify-record', at('changed.json'), '--public-key', at('records.pub')]);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toMatch(
      /^Not verified: The decision record .* has changed since it was made: its content hashes to sha256 [0-9a-f]{64}, but the record says [0-9a-f]{64}\.\n$/,
    );

    const other = await runCli(['verify-record', at('record.json'), '--public-key', at('other.pub')]);
    expect(other.code).toBe(2);
    expect(other.stderr).toMatch(/is signed with key [0-9a-f]{16}, which is not among the 1 public key given/);

    const unsigned = JSON.parse(text) as Record<string, unknown>;
    delete unsigned['signature'];
    writeFileSync(at('unsigned.json'), JSON.stringify(unsigned));
    const missing = await runCli(['verify-record', at('unsigned.json'), '--public-key', at('records.pub')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/is not signed, and a signature by one of the public keys given is required/);
  });

  test('a record made with your own ruleset replays with it, and fails once a byte of the ruleset changes', async () => {
    cpSync(join(root, 'docs/examples/minimal-ruleset.json'), at('my-ruleset.json'));
    const transaction = join(root, 'docs/examples/minimal-transaction.json');
    const assessed = await runCli([
      'assess',
      '--ruleset',
      at('my-ruleset.json'),
      '--record',
      at('own.json'),
      transaction,
    ]);
    expect(assessed.code).toBe(0);

    const withoutRuleset = await runCli(['verify-record', at('own.json')]);
    expect(withoutRuleset.code).toBe(2);
    expect(withoutRuleset.stderr).toMatch(/which is neither bundled nor given/);
    const withRuleset = await runCli(['verify-record', at('own.json'), '--ruleset', at('my-ruleset.json')]);
    // Like every command given a ruleset file and no key, it says the file was not verified.
    expect(withRuleset.stderr).toMatch(/^Note: \S+my-ruleset\.json was not verified: no public key was given/);
    expect(withRuleset.code).toBe(0);
    expect(withRuleset.stdout).toContain('not signed');

    const document = readFileSync(at('my-ruleset.json'), 'utf8');
    const edited = document.replace(
      /"title": "(.)/,
      (_match, first: string) => `"title": "${first === 'X' ? 'Y' : 'X'}`,
    );
    expect(edited).not.toBe(document);
    writeFileSync(at('my-ruleset.json'), edited);
    const changedRuleset = await runCli(['verify-record', at('own.json'), '--ruleset', at('my-ruleset.json')]);
    expect(changedRuleset.code).toBe(2);
    expect(changedRuleset.stderr).toMatch(
      /but the example-minimal \S+ given has sha256 [0-9a-f]{64}: that ruleset has changed since/,
    );
  });

  test('--signing-key and --assessed-by go with --record; a bad key is a usage error', async () => {
    const lonely = await runCli(['assess', '--assessed-by', 'me', EXAMPLE]);
    expect(lonely.code).toBe(2);
    expect(lonely.stderr).toMatch(/go with --record FILE/);
    const badKey = await runCli(['assess', '--record', at('bad.json'), '--signing-key', at('records.pub'), EXAMPLE]);
    expect(badKey.code).toBe(2);
    expect(badKey.stderr).toMatch(/Cannot sign the decision record with .*records\.pub/);
    expect(existsSync(at('bad.json'))).toBe(false);
  });
});
