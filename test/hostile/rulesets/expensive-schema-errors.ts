import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about:
    "20,000 comparisons with a null value, within every document limit. Each fails the value's " +
    '"anyOf", and turning ajv\'s errors into issues compared every failed "anyOf" with every error: ' +
    '20,000 × 160,000 steps, minutes of work (40,000 took longer than the hang guard).',
  refusedWith: { code: 'invalid_value', path: ['rules', 0, 'when', 'all', 0, 'value'] },
  document: () => {
    const document = baseRuleset();
    const comparison = { fact: 'exporter.informedByAuthority', operator: 'equal', value: null };
    document.rules = Array.from({ length: 100 }, (_, index) => ({
      ...document.rules[0],
      id: `rule-${index}`,
      when: { all: Array.from({ length: 200 }, () => ({ ...comparison })) },
    }));
    return document;
  },
} satisfies HostileRulesetCase;
