import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: 'A comparison whose value is a function: rulesets carry no code.',
  refusedWith: { code: 'not_json', path: ['rules', 0, 'when', 'value'] },
  document: () => {
    const document = baseRuleset();
    document.rules[0].when = { fact: 'exporter.informedByAuthority', operator: 'equal', value: () => true };
    return document;
  },
} satisfies HostileRulesetCase;
