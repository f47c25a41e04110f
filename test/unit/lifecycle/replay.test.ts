import { describe, expect, test } from 'vitest';
import { createRulesetRegistry } from '../../../src/createRulesetRegistry';
import { assess, AssessmentError, loadRuleset } from '../../../src/index';
import { replay } from '../../../src/replay';
import { minimalRuleset } from '../../support/minimalRuleset';

const clean = {
  date: '2025-03-03',
  exporter: { country: 'FR', informedByAuthority: true },
  destination: { country: 'EG' },
  item: { annexIEntries: [] },
};

describe('replay', () => {
  test('re-runs a filed assessment with the exact ruleset and reports that it still matches', async () => {
    const record = JSON.parse(JSON.stringify(await assess(clean))) as unknown;
    const result = await replay(record, clean);
    expect(result).toMatchObject({ matches: true, identical: true, differences: [] });
    expect(result.replayed.ruleset).toEqual((record as { ruleset: unknown }).ruleset);
  });

  test('uses the ruleset named by hash, not the one in force on the date', async () => {
    const registry = createRulesetRegistry({ bundled: false });
    const first = { ...minimalRuleset(), version: '1.0.0', validity: { from: '2021-09-09', to: null } };
    registry.register(first);
    const transaction = {
      date: '2025-01-01',
      exporter: { country: 'DE', informedByAuthority: true },
      destination: { country: 'US' },
    };
    const record = await assess(transaction, { ruleset: registry.select(transaction, { id: 'test-minimal' }) });
    expect(record.outcome).toBe('authorisation_required');
    // A corrected version replaces 1.0.0 and changes the answer; the record still replays against 1.0.0.
    const corrected = structuredClone(first) as typeof first & { rules: { outcome: string }[] };
    corrected.version = '1.0.1';
    (corrected.rules[0] as { outcome: string }).outcome = 'no_obligation';
    registry.register(corrected, { replaces: ['1.0.0'] });
    expect((await assess(transaction, { ruleset: registry.select(transaction, { id: 'test-minimal' }) })).outcome).toBe(
      'no_obligation',
    );
    expect(await replay(record, transaction, { registry })).toMatchObject({ matches: true, identical: true });
  });

  test('reports a mismatch when the record does not follow from the transaction and ruleset', async () => {
    const record = structuredClone(await assess(clean));
    const altered = { ...record, outcome: 'no_obligation', possibleOutcomes: ['no_obligation'] };
    const result = await replay(altered, clean);
    expect(result.matches).toBe(false);
    expect(result.recorded.outcome).toBe('no_obligation');
    expect(result.replayed.outcome).toBe(record.outcome);
    expect(result.differences).toEqual(['outcome', 'possibleOutcomes']);
  });

  test('refuses a record whose ruleset is not known by hash, or that is not an assessment', async () => {
    const record = structuredClone(await assess(clean));
    const unknown = { ...record, ruleset: { ...record.ruleset, sha256: '0'.repeat(64) } };
    await expect(replay(unknown, clean)).rejects.toThrow(
      expect.objectContaining({ code: 'unknown_ruleset', message: expect.stringContaining('0'.repeat(64)) }),
    );
    await expect(replay({ outcome: 'x' }, clean)).rejects.toBeInstanceOf(AssessmentError);
    expect(loadRuleset('eu-2021-821-art5', { asOf: '2025-03-03' }).sha256).toBe(record.ruleset.sha256);
  });
});
