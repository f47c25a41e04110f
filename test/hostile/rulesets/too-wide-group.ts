import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: 'An "any" group of 201 comparisons, one more than a group may hold.',
  refusedWith: { code: 'schema_maxItems', path: ['rules', 0, 'when', 'any'] },
  document: () => {
    const document = baseRuleset();
    document.rules[0].when = {
      any: Array.from({ length: 201 }, () => ({
        fact: 'exporter.informedByAuthority',
        operator: 'equal',
        value: true,
      })),
    };
    return document;
  },
} satisfies HostileRulesetCase;
