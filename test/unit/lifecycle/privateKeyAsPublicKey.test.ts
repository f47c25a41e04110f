import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SigningError } from '../../../src/errors/SigningError';
import {
  assessMany,
  compileRuleset,
  createDecisionRecord,
  createRulesetRegistry,
  generateSigningKeys,
  RulesetError,
  signDecisionRecord,
  verifyDecisionRecord,
} from '../../../src/index';
import { signingKeyId } from '../../../src/signingKeyId';
import { signRuleset } from '../../../src/signRuleset';
import { runCli } from '../../support/cli';
import { minimalRuleset } from '../../support/minimalRuleset';

// D17 (hardening review, December 2026): node:crypto derives a public key from a private PEM, so a private key was
// accepted wherever a public key is expected; that invites handing the private key to every verifier.
const keys = generateSigningKeys();
const document = minimalRuleset();
const signature = signRuleset(document, keys.privateKey);
/** Every base64 line of the private key: none may appear in a message. */
const secretLines = keys.privateKey.split('\n').filter((line) => line !== '' && !line.startsWith('-----'));

function expectNoKeyMaterial(text: string): void {
  for (const line of secretLines) expect(text).not.toContain(line);
}

describe('a private key given where a public key is expected is refused', () => {
  test('compileRuleset: publicKeys holding a private key is an invalid_public_key issue that says why', () => {
    let error: unknown;
    try {
      compileRuleset(document, { publicKeys: [keys.privateKey], signatures: [signature] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RulesetError);
    const issues = (error as RulesetError).issues;
    expect(issues).toEqual([expect.objectContaining({ code: 'invalid_public_key' })]);
    expect(issues[0]?.message).toMatch(/private key/);
    expectNoKeyMaterial((error as Error).message);
  });

  test('a registry created with a private key as a public key refuses to register anything', () => {
    const registry = createRulesetRegistry({ bundled: false, publicKeys: [keys.privateKey] });
    expect(() => registry.register(document, { signatures: [signature] })).toThrow(/private key/);
  });

  test('signingKeyId of a private key is a SigningError, not the id of the key derived from it', () => {
    expect(() => signingKeyId(keys.privateKey)).toThrow(SigningError);
    expect(() => signingKeyId(keys.privateKey)).toThrow(/private key/);
    expect(signingKeyId(keys.publicKey)).toBe(keys.keyId);
  });

  test('verifyDecisionRecord: a private key among publicKeys is a SigningError that says so', async () => {
    const transaction = JSON.parse(
      readFileSync(new URL('../../../examples/notification-tracker-intelligence-agency.json', import.meta.url), 'utf8'),
    ) as unknown;
    const [assessment] = assessMany([transaction as never]);
    const record = await signDecisionRecord(
      createDecisionRecord(transaction, assessment as NonNullable<typeof assessment>),
      keys.privateKey,
    );
    const verifying = verifyDecisionRecord(record, { publicKeys: [keys.publicKey, keys.privateKey] });
    await expect(verifying).rejects.toThrow(SigningError);
    await expect(verifying).rejects.toThrow(/private key, not a public key/);
    expect((await verifyDecisionRecord(record, { publicKeys: [keys.publicKey] })).signature).toBe('verified');
  });

  test('the command line refuses --public-key with a private key file, naming the file, without echoing it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dur-private-'));
    writeFileSync(join(dir, 'r.json'), JSON.stringify(document));
    writeFileSync(join(dir, 'r.json.sig'), JSON.stringify(signature));
    writeFileSync(join(dir, 'approver.key'), keys.privateKey);
    const result = await runCli(['verify', 'r.json', '--public-key', 'approver.key'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/approver\.key.*private key/);
    expectNoKeyMaterial(result.stderr);
  });
});
