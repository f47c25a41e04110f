import { baseRuleset, cite } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about:
    'A cycle through all 200 named conditions, each nested 25 groups deep: following it recursively ' +
    'would run 5,000 calls deep.',
  refusedWith: { code: 'condition_cycle', path: ['conditions', 'c0'] },
  document: () => {
    const document = baseRuleset();
    document.conditions = {};
    for (let level = 0; level < 200; level++) {
      let when: unknown = { condition: `c${(level + 1) % 200}` };
      for (let depth = 0; depth < 25; depth++) when = { not: when };
      document.conditions[`c${level}`] = { title: `Level ${level}`, citation: cite, when };
    }
    document.rules[0].when = { condition: 'c0' };
    return document;
  },
} satisfies HostileRulesetCase;
