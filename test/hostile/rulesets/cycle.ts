import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: 'A condition that contains itself: an object graph with a cycle, which JSON cannot express.',
  refusedWith: { code: 'cycle', path: ['rules', 0, 'when', 'all', 1] },
  document: () => {
    const document = baseRuleset();
    const when: { all: unknown[] } = {
      all: [{ fact: 'exporter.informedByAuthority', operator: 'equal', value: true }],
    };
    when.all.push(when);
    document.rules[0].when = when;
    return document;
  },
} satisfies HostileRulesetCase;
