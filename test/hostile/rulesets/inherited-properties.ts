import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about:
    'A document whose every property is inherited from its prototype, so it looks complete to a ' +
    'property read but has nothing of its own.',
  refusedWith: { code: 'not_json', path: [] },
  document: () => Object.create(baseRuleset()) as unknown,
} satisfies HostileRulesetCase;
