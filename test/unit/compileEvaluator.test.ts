import { describe, expect, test } from 'vitest';
import { assess, assessMany, compileRuleset, type FactConditionTrace } from '../../src/index';
import { minimalRuleset } from '../support/minimalRuleset';

/**
 * A ruleset whose one number fact is 0 for one end-user type and -0 for another. A Map key does not tell -0 from 0,
 * so the compiled evaluator's reuse of traces (by value and by the numbers of the values a rule reads) must not
 * hand one transaction the other's trace.
 */
function signedZeroRuleset() {
  const document = minimalRuleset();
  const cite = { source: 'reg', pinpoint: 'Art. 1', confidence: 'verified' } as const;
  const entry = (id: string, score: number) => ({ id, label: id, citation: cite, attributes: { score } });
  Object.assign(document, {
    catalogues: {
      endUserTypes: {
        title: 'End-user types',
        citation: cite,
        entries: [entry('positive-zero', 0), entry('negative-zero', -0)],
      },
    },
    facts: {
      'endUser.type': {
        title: 'End-user type',
        prompt: 'What kind of organisation?',
        type: 'string',
        answers: { catalogue: 'endUserTypes' },
        citation: cite,
      },
      score: {
        title: 'Score',
        prompt: 'Score?',
        type: 'number',
        citation: cite,
        derive: { kind: 'lookup', key: 'endUser.type', catalogue: 'endUserTypes', attribute: 'score' },
      },
    },
    rules: [
      {
        id: 'zero',
        title: 'Zero',
        summary: 'A zero score needs a licence.',
        outcome: 'authorisation_required',
        citation: cite,
        when: { fact: 'score', operator: 'equal', value: 0 },
      },
    ],
  });
  return compileRuleset(document);
}

const transactionWith = (type: string) => ({
  date: '2025-01-10',
  exporter: { country: 'DE' },
  destination: { country: 'US' },
  endUser: { type },
});
const actualOf = (trace: readonly { conditions: unknown }[]) => (trace[0]?.conditions as FactConditionTrace).actual;

describe('compiled evaluator', () => {
  test('keeps -0 and 0 apart in traces, however often and in whatever order they come', async () => {
    const ruleset = signedZeroRuleset();
    const order = [
      'positive-zero',
      'negative-zero',
      'negative-zero',
      'positive-zero',
      'negative-zero',
      'positive-zero',
    ];
    const results = assessMany(order.map(transactionWith), { ruleset });
    results.forEach((result, index) => {
      expect(Object.is(actualOf(result.trace), order[index] === 'negative-zero' ? -0 : 0)).toBe(true);
      // -0 === 0, so the rule holds either way.
      expect(result.outcome).toBe('authorisation_required');
    });
    for (const [index, type] of order.entries())
      expect(results[index]).toStrictEqual(await assess(transactionWith(type), { ruleset }));
  });
});
