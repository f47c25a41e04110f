import { baseRuleset, cite } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about:
    '200 named conditions, each a "not" of the previous one: every document is shallow, but written ' +
    'out the condition nests 400 levels deep.',
  refusedWith: { code: 'condition_too_deep', path: ['rules', 0, 'when'] },
  document: () => {
    const document = baseRuleset();
    document.conditions = {
      c0: {
        title: 'Level 0',
        citation: cite,
        when: { fact: 'exporter.informedByAuthority', operator: 'equal', value: true },
      },
    };
    for (let level = 1; level < 200; level++)
      document.conditions[`c${level}`] = {
        title: `Level ${level}`,
        citation: cite,
        when: { not: { condition: `c${level - 1}` } },
      };
    document.rules[0].when = { condition: 'c199' };
    return document;
  },
} satisfies HostileRulesetCase;
