import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: 'A rules array with an empty slot between two rules, which JSON cannot express.',
  refusedWith: { code: 'not_json', path: ['rules'] },
  document: () => {
    const document = baseRuleset();
    const rules = new Array(3);
    rules[0] = document.rules[0];
    rules[2] = document.rules[1];
    document.rules = rules;
    return document;
  },
} satisfies HostileRulesetCase;
