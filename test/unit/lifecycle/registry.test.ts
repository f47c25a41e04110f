import { describe, expect, test } from 'vitest';
import { createRulesetRegistry } from '../../../src/createRulesetRegistry';
import { generateSigningKeys } from '../../../src/generateSigningKeys';
import { AssessmentError, listRulesets, loadRuleset, TransactionError } from '../../../src/index';
import { bundledRegistry } from '../../../src/rulesets/bundledRegistry';
import { signRuleset } from '../../../src/signRuleset';
import { rulesetIssues } from '../../support/issues';
import { minimalRuleset } from '../../support/minimalRuleset';

/** The minimal test ruleset as a given version over a given window. */
function version(number: string, from: string, to: string | null, title = 'Minimal test ruleset') {
  return { ...minimalRuleset(), version: number, validity: { from, to }, title };
}

function registryOfTwo() {
  const registry = createRulesetRegistry({ bundled: false });
  registry.register(version('1.0.0', '2021-09-09', '2024-10-15'));
  registry.register(version('2.0.0', '2024-10-16', null));
  return registry;
}

describe('ruleset registry', () => {
  test('selects the version in force on a date, and names every window when none is', () => {
    const registry = registryOfTwo();
    expect(registry.load('test-minimal', { asOf: '2024-10-15' }).version).toBe('1.0.0');
    expect(registry.load('test-minimal', { asOf: '2024-10-16' }).version).toBe('2.0.0');
    expect(() => registry.load('test-minimal', { asOf: '2021-09-08' })).toThrow(
      new AssessmentError({
        path: ['options', 'asOf'],
        code: 'ruleset_not_in_force',
        date: '2021-09-08',
        message:
          'No version of "test-minimal" is in force on 2021-09-08; versions 1.0.0: 2021-09-09 to ' +
          '2024-10-15; 2.0.0: from 2024-10-16.',
      }),
    );
    expect(() => registry.load('nope')).toThrow(expect.objectContaining({ code: 'unknown_ruleset' }));
  });

  test('refuses a version whose window overlaps another, or leaves a gap, with the path of the window', () => {
    const registry = registryOfTwo();
    const overlap = rulesetIssues(() => registry.register(version('2.1.0', '2025-01-01', null)));
    expect(overlap).toEqual([expect.objectContaining({ path: ['validity'], code: 'overlapping_validity' })]);
    expect(overlap[0]?.message).toContain('2.0.0: from 2024-10-16');
    const early = createRulesetRegistry({ bundled: false });
    early.register(version('1.0.0', '2021-09-09', '2024-10-15'));
    const gap = rulesetIssues(() => early.register(version('2.0.0', '2024-11-01', null)));
    expect(gap).toEqual([expect.objectContaining({ path: ['validity'], code: 'validity_gap' })]);
    expect(gap[0]?.message).toContain('from 2024-10-16 to 2024-10-31');
    expect(early.list().map((summary) => summary.version)).toEqual(['1.0.0']);
  });

  test('registering the same version again is a no-op, with other content it is refused', () => {
    const registry = registryOfTwo();
    expect(registry.register(version('2.0.0', '2024-10-16', null)).version).toBe('2.0.0');
    expect(rulesetIssues(() => registry.register(version('2.0.0', '2024-10-16', null, 'Changed')))).toEqual([
      expect.objectContaining({ code: 'duplicate_version' }),
    ]);
  });

  test('an invalid document is refused at registration with every issue', () => {
    const broken = version('3.0.0', '2030-01-01', null) as Record<string, unknown>;
    delete broken['rules'];
    (broken as { outcomes: unknown }).outcomes = 'none';
    expect(rulesetIssues(() => createRulesetRegistry({ bundled: false }).register(broken)).length).toBeGreaterThan(0);
  });

  test('a revision can replace a version over the same window; the replaced one can still be found by hash', () => {
    const registry = registryOfTwo();
    const old = registry.load('test-minimal', { asOf: '2025-01-01' });
    registry.register(version('2.0.1', '2024-10-16', null, 'Corrected'), { replaces: ['2.0.0'] });
    const current = registry.load('test-minimal', { asOf: '2025-01-01' });
    expect(current.version).toBe('2.0.1');
    expect(registry.find({ id: old.id, version: old.version, sha256: old.sha256, overlays: [] })).toBe(old);
    expect(registry.list().find((summary) => summary.version === '2.0.0')).toMatchObject({
      selectable: false,
      replacedBy: '2.0.1',
    });
    expect(registry.list().find((summary) => summary.version === '2.0.1')).toMatchObject({
      selectable: true,
      replaces: ['2.0.0'],
    });
    expect(registry.list().find((summary) => summary.version === '2.0.1')).not.toHaveProperty('replacedBy');
    expect(
      rulesetIssues(() => registry.register(version('2.0.2', '2024-10-16', null), { replaces: ['1.9.9'] })),
    ).toContainEqual(expect.objectContaining({ code: 'unknown_version' }));
  });

  test(
    'select picks by the transaction date, and an out-of-window date is a transaction issue at /date ' +
      'with the others',
    () => {
      const registry = registryOfTwo();
      const transaction = { exporter: { country: 'DE' }, destination: { country: 'US' } };
      expect(registry.select({ ...transaction, date: '2023-01-01' }, { id: 'test-minimal' }).version).toBe('1.0.0');
      expect(registry.select(transaction, { id: 'test-minimal', asOf: '2025-01-01' }).version).toBe('2.0.0');
      try {
        registry.select({ ...transaction, date: '2020-01-01', destination: { country: 'XX' } }, { id: 'test-minimal' });
        throw new Error('expected a TransactionError');
      } catch (error) {
        expect(error).toBeInstanceOf(TransactionError);
        const issues = (error as TransactionError).issues;
        expect(issues.map((issue) => issue.path.join('/'))).toEqual(['date', 'destination/country']);
        expect(issues[0]?.message).toContain('1.0.0: 2021-09-09 to 2024-10-15; 2.0.0: from 2024-10-16');
      }
    },
  );

  test('with public keys, only documents signed by one of them are registered', () => {
    const keys = generateSigningKeys();
    const registry = createRulesetRegistry({ bundled: false, publicKeys: [keys.publicKey] });
    const document = version('1.0.0', '2021-09-09', null);
    expect(rulesetIssues(() => registry.register(document))).toEqual([
      expect.objectContaining({ code: 'unsigned_ruleset' }),
    ]);
    expect(registry.register(document, { signatures: [signRuleset(document, keys.privateKey)] }).sha256).toMatch(
      /^[0-9a-f]{64}$/,
    );
  });

  test('the bundled rulesets are the default registry: loadRuleset and a registry with bundled rulesets agree', () => {
    const registry = createRulesetRegistry();
    expect(registry.list()).toEqual(listRulesets());
    for (const summary of listRulesets().filter((entry) => entry.kind === 'base')) {
      expect(registry.load(summary.id, { asOf: summary.validity.from })).toBe(
        loadRuleset(summary.id, { asOf: summary.validity.from }),
      );
    }
  });

  test('compositions tile legal time, and each is what its first and last day select', () => {
    const registry = createRulesetRegistry();
    const compositions = registry.compositions('eu-2021-821-art5');
    expect(compositions.length).toBeGreaterThanOrEqual(
      listRulesets().filter((entry) => entry.kind === 'base' && entry.selectable).length,
    );
    compositions.forEach((composition, index) => {
      const next = compositions[index + 1];
      if (next !== undefined) expect(composition.validity.to).not.toBeNull();
      else expect(composition.validity.to).toBeNull();
      for (const day of [composition.validity.from, composition.validity.to].filter(
        (value): value is string => value !== null,
      )) {
        const loaded = loadRuleset('eu-2021-821-art5', { asOf: day });
        expect(loaded).toBe(composition.load());
        expect([loaded.version, loaded.overlays.map((overlay) => overlay.id)]).toEqual([
          composition.version,
          composition.overlays.map((overlay) => overlay.id),
        ]);
      }
    });
    for (const [earlier, later] of compositions
      .slice(0, -1)
      .map((composition, index) => [composition, compositions[index + 1]] as const)) {
      const dayAfter = new Date(Date.parse(`${earlier.validity.to as string}T00:00:00Z`) + 86_400_000)
        .toISOString()
        .slice(0, 10);
      expect(later?.validity.from).toBe(dayAfter);
    }
  });

  test('the bundled registry behind loadRuleset cannot be changed', () => {
    expect(() => bundledRegistry().register(version('9.0.0', '2099-01-01', null))).toThrow(
      expect.objectContaining({ code: 'invalid_option' }),
    );
  });
});
