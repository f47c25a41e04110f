import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: 'A BigInt precedence, which neither JSON nor JSON.stringify can hold.',
  refusedWith: { code: 'not_json', path: ['outcomes', 'no_obligation', 'precedence'] },
  document: () => {
    const document = baseRuleset();
    document.outcomes.no_obligation.precedence = 10n;
    return document;
  },
} satisfies HostileRulesetCase;
