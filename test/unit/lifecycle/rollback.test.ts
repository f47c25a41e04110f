import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  assess,
  compileRuleset,
  createRulesetRegistry,
  generateSigningKeys,
  parseRulesetSignature,
  signRuleset,
} from '../../../src/index';
import { runCli } from '../../support/cli';
import { rulesetIssues } from '../../support/issues';
import { readJsonFile } from '../../support/rulesets';

// D13 (hardening review, December 2026): `replaces` was not covered by any signature, so in a keyed registry an older,
// genuinely signed version could displace a newer one: 2.1.0 registered with replaces ['2.2.0'] was selected, and
// answered no_obligation where 2.2.0 says enhanced_due_diligence.

const keys = generateSigningKeys();
const base = () => readJsonFile('rulesets/eu-2021-821-art5/2.3.2.json') as Record<string, unknown>;
/** The current, strict version, and an older, lenient one (a red flag no longer reaches the score). */
const current: Record<string, unknown> = { ...base(), version: '2.4.0' };
const lenient = (() => {
  const document = { ...base(), version: '2.3.5' } as unknown as { thresholds: Record<string, { value: number }> };
  document.thresholds = {
    ...document.thresholds,
    'guidelines.red-flag-score': { ...document.thresholds['guidelines.red-flag-score'], value: 3 },
  } as Record<string, { value: number }>;
  return document as unknown as Record<string, unknown>;
})();
const order = (() => {
  const transaction = readJsonFile('examples/notification-tracker-intelligence-agency.json') as Record<string, unknown>;
  return { ...transaction, findings: [], redFlags: ['covert-marketing'] };
})();

describe('a keyed registry refuses a rollback', () => {
  test('the review’s case: an older signed version naming a newer one in replaces is refused', async () => {
    const registry = createRulesetRegistry({ publicKeys: [keys.publicKey] });
    registry.register(current, { signatures: [signRuleset(current, keys.privateKey, { replaces: ['2.3.2'] })] });
    const older = signRuleset(lenient, keys.privateKey, { replaces: ['2.4.0'] });
    const issues = rulesetIssues(() => registry.register(lenient, { signatures: [older], replaces: ['2.4.0'] }));
    expect(issues).toContainEqual(expect.objectContaining({ code: 'rollback' }));
    expect(issues.find((issue) => issue.code === 'rollback')?.message).toMatch(/2\.4\.0.*not older than 2\.3\.5/);
    const selected = registry.select(order);
    expect(selected.version).toBe('2.4.0');
    expect((await assess(order, { ruleset: selected })).outcome).toBe('enhanced_due_diligence');
  });

  test('a version lower than one registered for the same legal period is refused, even replacing nothing newer', () => {
    const registry = createRulesetRegistry({ publicKeys: [keys.publicKey] });
    registry.register(current, { signatures: [signRuleset(current, keys.privateKey, { replaces: ['2.3.2'] })] });
    // 2.3.2 is no longer selectable; 2.3.5 claims to replace it, for the period 2.4.0 now states.
    const issues = rulesetIssues(() =>
      registry.register(lenient, { signatures: [signRuleset(lenient, keys.privateKey, { replaces: ['2.3.2'] })] }),
    );
    expect(issues).toContainEqual(expect.objectContaining({ path: ['version'], code: 'rollback' }));
    expect(issues.find((issue) => issue.code === 'rollback')?.message).toMatch(/2\.3\.5.*older than 2\.4\.0/);
  });

  test('the refusal holds for a registry without keys too: replacing a version by an older one is never meant', () => {
    const registry = createRulesetRegistry();
    registry.register(current, { replaces: ['2.3.2'] });
    expect(rulesetIssues(() => registry.register(lenient, { replaces: ['2.4.0'] }))).toContainEqual(
      expect.objectContaining({ code: 'rollback' }),
    );
  });

  test('versions compare as numbers: 2.10.0 replaces 2.9.0, not the other way round', () => {
    const registry = createRulesetRegistry({ bundled: false });
    registry.register({ ...base(), version: '2.9.0' });
    registry.register({ ...base(), version: '2.10.0' }, { replaces: ['2.9.0'] });
    expect(registry.load('eu-2021-821-art5', { asOf: '2025-01-10' }).version).toBe('2.10.0');
  });
});

describe('the signature covers version, validity and replaces', () => {
  test('a new signature names the document’s version, validity and what it replaces, and says its format', () => {
    const signature = signRuleset(current, keys.privateKey, { replaces: ['2.3.2'] });
    expect(signature).toMatchObject({
      format: 2,
      ruleset: { id: 'eu-2021-821-art5', version: '2.4.0', validity: current['validity'], replaces: ['2.3.2'] },
    });
    expect(parseRulesetSignature(JSON.parse(JSON.stringify(signature)))).toEqual(signature);
  });

  test('replaces given to register must be what the signature covers; without it, the signed replaces apply', () => {
    const registry = createRulesetRegistry({ publicKeys: [keys.publicKey] });
    const signedNothing = signRuleset(current, keys.privateKey);
    expect(
      rulesetIssues(() => registry.register(current, { signatures: [signedNothing], replaces: ['2.3.2'] })),
    ).toContainEqual(expect.objectContaining({ code: 'replaces_not_signed' }));
    const summary = registry.register(current, {
      signatures: [signRuleset(current, keys.privateKey, { replaces: ['2.3.2'] })],
    });
    expect(summary.replaces).toEqual(['2.3.2']);
    expect(registry.select(order).version).toBe('2.4.0');
  });

  test('signed metadata cannot be edited: another replaces, version or validity breaks the signature', () => {
    const signature = signRuleset(current, keys.privateKey, { replaces: ['2.3.2'] });
    for (const ruleset of [
      { ...signature.ruleset, replaces: ['2.3.1', '2.3.2'] },
      { ...signature.ruleset, validity: { from: '2030-01-01', to: null } },
    ]) {
      const issues = rulesetIssues(() =>
        compileRuleset(current, { publicKeys: [keys.publicKey], signatures: [{ ...signature, ruleset }] }),
      );
      expect(issues.map((issue) => issue.code)).toEqual([expect.stringMatching(/invalid_signature|ruleset_modified/)]);
    }
  });
});

describe('dual-use-rules sign --replaces', () => {
  test('writes a format-2 signature that covers the versions given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dur-sign-'));
    writeFileSync(join(dir, 'current.json'), JSON.stringify(current));
    writeFileSync(join(dir, 'approver.key'), keys.privateKey);
    const result = await runCli(['sign', 'current.json', '--key', 'approver.key', '--replaces', '2.3.2'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Signed eu-2021-821-art5 2\.4\.0 \(sha256 [0-9a-f]{64}, replacing 2\.3\.2\)/);
    const signature = parseRulesetSignature(JSON.parse(readFileSync(join(dir, 'current.json.sig'), 'utf8')));
    expect(signature).toMatchObject({ format: 2, ruleset: { replaces: ['2.3.2'] } });
    const registry = createRulesetRegistry({ publicKeys: [keys.publicKey] });
    expect(registry.register(current, { signatures: [signature] }).replaces).toEqual(['2.3.2']);
  });
});

describe('signatures in the first format (0.1.0) keep verifying', () => {
  const fixture = (name: string) =>
    readFileSync(new URL(`../../fixtures/signature-format-1/${name}`, import.meta.url), 'utf8');
  const document = JSON.parse(fixture('ruleset.json')) as unknown;
  const signature = JSON.parse(fixture('ruleset.json.sig')) as unknown;
  const publicKey = fixture('approver.pub');

  test('compileRuleset and a keyed registry accept a file signed by 0.1.0', () => {
    expect(compileRuleset(document, { publicKeys: [publicKey], signatures: [signature] }).id).toBe('example-minimal');
    const registry = createRulesetRegistry({ bundled: false, publicKeys: [publicKey] });
    expect(registry.register(document, { signatures: [signature] }).version).toBe('1.0.0');
  });

  test('the command line verifies it too, and says it covers no replaces', async () => {
    const folder = 'test/fixtures/signature-format-1';
    const result = await runCli(['verify', `${folder}/ruleset.json`, '--public-key', `${folder}/approver.pub`]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Verified example-minimal 1\.0\.0 .* \(signature format 1, which covers no replaces/,
    );
    const assessed = await runCli([
      'assess',
      '--ruleset',
      `${folder}/ruleset.json`,
      '--public-key',
      `${folder}/approver.pub`,
      'docs/examples/minimal-transaction.json',
    ]);
    expect([assessed.code, assessed.stderr]).toEqual([0, '']);
  });

  test('a first-format signature with the document changed is still refused', () => {
    const changed = { ...(document as object), title: 'Changed' };
    expect(rulesetIssues(() => compileRuleset(changed, { publicKeys: [publicKey], signatures: [signature] }))).toEqual([
      expect.objectContaining({ code: 'ruleset_modified' }),
    ]);
  });
});
