import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

const LEVELS = 10_000;

export default {
  about: 'A rule condition of 10,000 nested "not"s: a recursive validator or evaluator would overflow the stack.',
  // The scan refuses the first object at depth 64: the root is depth 0, rules/0/when is depth 3.
  refusedWith: { code: 'too_deep', path: ['rules', 0, 'when', ...Array<string>(61).fill('not')] },
  document: () => {
    let condition: unknown = { fact: 'exporter.informedByAuthority', operator: 'equal', value: true };
    for (let level = 0; level < LEVELS; level++) condition = { not: condition };
    const document = baseRuleset();
    document.rules[0].when = condition;
    return document;
  },
} satisfies HostileRulesetCase;
