import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: 'A rules array carrying a named property besides its entries.',
  refusedWith: { code: 'not_json', path: ['rules'] },
  document: () => {
    const document = baseRuleset();
    (document.rules as unknown as Record<string, unknown>)['hidden'] = { id: 'hidden' };
    return document;
  },
} satisfies HostileRulesetCase;
