import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { assess, assessEach, assessMany, AssessmentError, lintRuleset, loadRuleset, replay } from '../../src/index';
import { today } from '../../src/time/dates';
import { runCli } from '../support/cli';

// D9 (hardening review, December 2026): an explicit ruleset with an undated transaction skipped the in-force check,
// so an expired version answered today.
const EXAMPLE = 'examples/notification-tracker-intelligence-agency.json';
const undated = (() => {
  const transaction = JSON.parse(readFileSync(new URL(`../../${EXAMPLE}`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
  delete transaction['date'];
  return transaction;
})();
/** 1.0.0 states the law from 2021-09-09 to 2024-10-15: expired on any day these tests run. */
const expired = loadRuleset('eu-2021-821-art5', { version: '1.0.0' });

describe('an explicit ruleset must be in force on the assessment date, also for an undated transaction', () => {
  test('assess: without a date or asOf, the date is today, and an expired version is refused', async () => {
    const error = await assess(undated, { ruleset: expired }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AssessmentError);
    expect(error).toMatchObject({ code: 'ruleset_not_in_force' });
    expect((error as Error).message).toContain(`not on ${today()}`);
    expect((error as Error).message).toContain('2021-09-09 to 2024-10-15');
  });

  test('assessMany refuses it the same way, and assessEach gives that error for the transaction', () => {
    expect(() => assessMany([undated], { ruleset: expired })).toThrow(
      expect.objectContaining({ code: 'ruleset_not_in_force' }),
    );
    const [result] = assessEach([undated, { ...undated, date: '2024-01-10' }], { ruleset: expired });
    expect(result).toMatchObject({ ok: false, error: { code: 'ruleset_not_in_force' } });
    expect(assessEach([{ ...undated, date: '2024-01-10' }], { ruleset: expired })[0]).toMatchObject({ ok: true });
  });

  test('asOf inside the window still assesses with it; a dated transaction is unchanged', async () => {
    expect((await assess(undated, { ruleset: expired, asOf: '2024-01-10' })).ruleset.version).toBe('1.0.0');
    expect((await assess({ ...undated, date: '2024-01-10' }, { ruleset: expired })).ruleset.version).toBe('1.0.0');
    expect(assessMany([undated], { ruleset: expired, asOf: '2024-01-10' })[0]?.ruleset.version).toBe('1.0.0');
  });

  test('the command line agrees: assess --ruleset and batch --ruleset refuse an expired version for undated input', async () => {
    const file = 'rulesets/eu-2021-821-art5/1.0.0.json';
    const [single, batch, dated] = await Promise.all([
      runCli(['assess', '--ruleset', file, '-'], { input: JSON.stringify(undated) }),
      runCli(['batch', '--ruleset', file, '-'], { input: `${JSON.stringify(undated)}\n` }),
      runCli(['assess', '--ruleset', file, '--as-of', '2024-01-10', '-'], { input: JSON.stringify(undated) }),
    ]);
    expect(single.code).toBe(2);
    expect(single.stderr).toMatch(/states the law 2021-09-09 to 2024-10-15, not on \d{4}-\d{2}-\d{2}/);
    expect(single.stdout).toBe('');
    expect(batch.code).toBe(2);
    expect(batch.stdout).toMatch(/"code":"ruleset_not_in_force"/);
    expect(dated.code).toBe(0);
    expect(dated.stdout).toMatch(/^Outcome: /);
  });
});

describe('what chooses its ruleset by hash or by version, not by date, is unchanged', () => {
  test('replay of an undated assessment made with a version that has since expired still replays', async () => {
    const record = await assess(undated, { ruleset: expired, asOf: '2024-01-10' });
    const result = await replay(record, undated);
    expect(result).toMatchObject({ matches: true, identical: true });
  });

  test('lintRuleset measures coverage of an expired version with its undated scenarios', () => {
    const findings = lintRuleset(expired, { scenarios: [{ transaction: undated, ruleset: { version: '1.0.0' } }] });
    expect(findings.filter((finding) => finding.code === 'rule_without_scenario').length).toBeLessThan(
      expired.document.rules?.length ?? 0,
    );
  });
});
