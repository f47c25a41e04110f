import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: 'A source id of 20,000 characters.',
  refusedWith: { code: 'string_too_long', path: ['sources'] },
  document: () => {
    const document = baseRuleset();
    document.sources['s'.repeat(20_000)] = document.sources.reg;
    return document;
  },
} satisfies HostileRulesetCase;
