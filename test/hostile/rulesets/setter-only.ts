import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: 'A validity window whose "from" has a setter and no getter.',
  refusedWith: { code: 'not_json', path: ['validity', 'from'] },
  document: () => {
    const document = baseRuleset();
    document.validity = Object.defineProperty({ to: null }, 'from', { enumerable: true, set() {} });
    return document;
  },
} satisfies HostileRulesetCase;
