import { describe, expect, test } from 'vitest';
import { AssessmentError, assess, assessMany, loadRuleset, TransactionError } from '../../src/index';

const valid = { date: '2025-01-10', exporter: { country: 'DE' }, destination: { country: 'US' } };

async function issuesOf(input: unknown) {
  try {
    await assess(input);
  } catch (error) {
    expect(error).toBeInstanceOf(TransactionError);
    return (error as TransactionError).issues;
  }
  throw new Error('expected assess to throw');
}

describe('transaction validation', () => {
  test('accepts a minimal transaction; absent facts are unknown, so the outcome is undecided', async () => {
    const assessment = await assess(valid);
    expect(assessment.outcome).toBe('insufficient_information');
    expect(assessment.questions.length).toBeGreaterThan(0);
  });

  test('collects every problem at once, each with its path', async () => {
    const issues = await issuesOf({
      date: '2025-02-30',
      activity: 'smuggling',
      exporter: { country: 'XX', informedByAuthority: 'yes' },
      destination: {},
    });
    expect(issues.map((issue) => issue.path.join('.'))).toEqual(
      expect.arrayContaining([
        'date',
        'activity',
        'exporter.country',
        'exporter.informedByAuthority',
        'destination.country',
      ]),
    );
  });

  test('rejects an unknown key and suggests the closest valid one, so a typo never becomes "unknown"', async () => {
    const [issue] = await issuesOf({ ...valid, item: { speciallyDesinged: true } });
    expect(issue).toMatchObject({ path: ['item', 'speciallyDesinged'], code: 'unrecognized_key' });
    expect(issue?.message).toContain('Did you mean "speciallyDesigned"?');
  });

  test('refuses a blank text, so a name of spaces never passes for a given one', async () => {
    // An end user "named" with spaces alone counted as identified under 2.2.0 (a second red-team, F1): no_obligation
    // where a missing name keeps the answer open. Padded empty fields are common in CSV and ERP exports.
    const blank = {
      ...valid,
      endUser: { name: ' \t', type: 'private-company', country: 'AE' },
      parties: [{ role: 'consignee', name: '\u00a0', country: 'AE' }],
    };
    const issues = await issuesOf(blank);
    expect(issues.map(({ path, code }) => [path.join('.'), code])).toEqual([
      ['endUser.name', 'invalid_format'],
      ['parties.0.name', 'invalid_format'],
    ]);
    expect(() => assessMany([blank])).toThrow(TransactionError);
    await expect(assess({ ...valid, endUser: { name: ' Ministry ' } })).resolves.toBeDefined();
  });

  test('rejects catalogue ids the ruleset does not define, suggesting the closest', async () => {
    const [issue] = await issuesOf({ ...valid, item: { capabilities: ['facial-recogniton'] } });
    expect(issue).toMatchObject({ path: ['item', 'capabilities', 0], code: 'invalid_value' });
    expect(issue?.message).toContain('"facial-recognition"');
  });

  test('rejects a member state that is not in the EU for the location of the items', async () => {
    const [issue] = await issuesOf({ ...valid, exporter: { country: 'US', itemsLocatedIn: 'CH' } });
    expect(issue).toMatchObject({ path: ['exporter', 'itemsLocatedIn'], code: 'invalid_value' });
  });

  test('points a non-ISO country code to the ISO one', async () => {
    const [issue] = await issuesOf({ ...valid, destination: { country: 'UK' } });
    expect(issue?.message).toContain('Did you mean "GB"?');
  });

  test(
    'reports a date before the Regulation applied as an issue on the date, naming the versions in ' + 'force',
    async () => {
      const issues = await issuesOf({ ...valid, date: '2021-09-08' });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ path: ['date'], code: 'ruleset_not_in_force' });
      expect(issues[0]?.message).toMatch(/2021-09-09 to 2024-10-15.*from 2024-10-16/);
    },
  );

  test(
    'reports a date in the first century as out of force rather than assessing it under the law of ' + 'today',
    async () => {
      const issues = await issuesOf({ ...valid, date: '0050-01-01' });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ path: ['date'], code: 'ruleset_not_in_force' });
    },
  );

  test('reports a transaction dated outside an explicitly given ruleset', async () => {
    const ruleset = loadRuleset('eu-2021-821-art5', { version: '1.0.0' });
    await expect(assess({ ...valid, date: '2025-01-10' }, { ruleset })).rejects.toThrow(
      /states the law 2021-09-09 to 2024-10-15, not on 2025-01-10/,
    );
  });

  test('refuses a malformed asOf and a ruleset that was not compiled, with typed errors', async () => {
    await expect(assess(valid, { asOf: 'yesterday' })).rejects.toMatchObject({
      name: 'AssessmentError',
      code: 'invalid_option',
    });
    await expect(assess(valid, { ruleset: { id: 'fake' } as never })).rejects.toBeInstanceOf(AssessmentError);
  });

  test(
    'assessMany checks its options before reading any transaction, so an empty batch is refused the ' + 'same way',
    () => {
      for (const transactions of [[], [valid], [{ not: 'read' }]]) {
        expect(() => assessMany(transactions, { asOf: '2025-02-30' })).toThrow(
          expect.objectContaining({ name: 'AssessmentError', code: 'invalid_option' }),
        );
        expect(() => assessMany(transactions, { ruleset: { id: 'fake' } as never })).toThrow(
          expect.objectContaining({ name: 'AssessmentError', code: 'not_a_compiled_ruleset' }),
        );
      }
    },
  );

  test('never crashes on input that is not an object', async () => {
    for (const input of [undefined, null, 42, 'transaction', [], true]) {
      await expect(assess(input)).rejects.toBeInstanceOf(TransactionError);
    }
  });
});
