import { describe, expect, test } from 'vitest';
import { SigningError } from '../../../src/errors/SigningError';
import { generateSigningKeys } from '../../../src/generateSigningKeys';
import { compileRuleset } from '../../../src/index';
import { parseRulesetSignature } from '../../../src/parseRulesetSignature';
import { signingKeyId } from '../../../src/signingKeyId';
import { signRuleset } from '../../../src/signRuleset';
import { rulesetIssues } from '../../support/issues';
import { readJsonFile } from '../../support/rulesets';

const base = () => readJsonFile('rulesets/eu-2021-821-art5/2.0.0.json');
const overlay = () => readJsonFile('rulesets/de-awv-9-4/1.0.0.json');
const approver = generateSigningKeys();
const stranger = generateSigningKeys();

/** The issues `compileRuleset` throws with, or fails the test when it compiles. */
const refusal = rulesetIssues;

describe('Ed25519 ruleset signatures', () => {
  test('a key pair is PEM, and its key id is stable and names the public key', () => {
    expect(approver.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    expect(approver.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(signingKeyId(approver.publicKey)).toBe(approver.keyId);
    expect(stranger.keyId).not.toBe(approver.keyId);
  });

  test('a signed base and overlay compile when keys are configured, and the signature survives reformatting', () => {
    const signatures = [signRuleset(base(), approver.privateKey), signRuleset(overlay(), approver.privateKey)];
    const reformatted = JSON.parse(JSON.stringify(base(), null, 8)) as unknown;
    const ruleset = compileRuleset(reformatted, {
      overlays: [overlay()],
      publicKeys: [stranger.publicKey, approver.publicKey],
      signatures,
    });
    expect(ruleset.overlays.map((entry) => entry.id)).toEqual(['de-awv-9-4']);
    expect(signatures[0]?.ruleset.sha256).toBe(ruleset.sha256);
  });

  test('an unsigned ruleset is refused once a key is configured, even an empty key list', () => {
    expect(refusal(() => compileRuleset(base(), { publicKeys: [approver.publicKey] }))).toEqual([
      expect.objectContaining({ path: [], code: 'unsigned_ruleset' }),
    ]);
    expect(refusal(() => compileRuleset(base(), { publicKeys: [] }))).toEqual([
      expect.objectContaining({ code: 'no_public_keys' }),
    ]);
  });

  test('an unsigned overlay is refused too, with the overlay’s path', () => {
    const signatures = [signRuleset(base(), approver.privateKey)];
    const issues = refusal(() =>
      compileRuleset(base(), { overlays: [overlay()], publicKeys: [approver.publicKey], signatures }),
    );
    expect(issues).toEqual([expect.objectContaining({ path: ['overlays', 0], code: 'unsigned_ruleset' })]);
  });

  test('changing one byte of the signed file’s content makes loading fail with a clear error', () => {
    const text = JSON.stringify(base(), null, 2);
    const signature = signRuleset(JSON.parse(text), approver.privateKey);
    const at = text.indexOf('"title": "') + '"title": "'.length;
    const tampered = `${text.slice(0, at)}${text[at] === 'X' ? 'Y' : 'X'}${text.slice(at + 1)}`;
    expect(tampered.length).toBe(text.length);
    const issues = refusal(() =>
      compileRuleset(JSON.parse(tampered), { publicKeys: [approver.publicKey], signatures: [signature] }),
    );
    expect(issues).toEqual([expect.objectContaining({ path: [], code: 'ruleset_modified' })]);
    expect(issues[0]?.message).toMatch(/has changed since it was signed/);
  });

  test('a signature altered to claim the tampered content, or made with another key, is refused', () => {
    const document = base() as Record<string, unknown>;
    const signature = signRuleset(document, approver.privateKey);
    const tampered = { ...document, title: 'Tampered' };
    const forged = {
      ...signature,
      ruleset: { ...signature.ruleset, sha256: signRuleset(tampered, stranger.privateKey).ruleset.sha256 },
    };
    expect(refusal(() => compileRuleset(tampered, { publicKeys: [approver.publicKey], signatures: [forged] }))).toEqual(
      [expect.objectContaining({ code: 'invalid_signature' })],
    );
    const byStranger = signRuleset(document, stranger.privateKey);
    const issues = refusal(() =>
      compileRuleset(document, { publicKeys: [approver.publicKey], signatures: [byStranger] }),
    );
    expect(issues).toEqual([expect.objectContaining({ code: 'untrusted_signature' })]);
    expect(issues[0]?.message).toContain(stranger.keyId);
  });

  test('bad keys and malformed signature files get typed errors', () => {
    expect(() => signRuleset(base(), 'not a key')).toThrow(SigningError);
    expect(refusal(() => compileRuleset(base(), { publicKeys: ['nope'] }))).toEqual([
      expect.objectContaining({ code: 'invalid_public_key' }),
    ]);
    expect(() => parseRulesetSignature({ algorithm: 'RSA' }, 'my.sig')).toThrow(
      /my.sig is not a dual-use-rules ruleset signature: algorithm/,
    );
    const issues = refusal(() =>
      compileRuleset(base(), { publicKeys: [approver.publicKey], signatures: [{ keyId: 1 }] }),
    );
    expect(issues.map((issue) => issue.code).sort()).toEqual(['malformed_signature', 'unsigned_ruleset']);
  });
});
