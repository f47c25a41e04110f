import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: 'A symbol-keyed property on the facts object.',
  refusedWith: { code: 'not_json', path: ['facts'] },
  document: () => {
    const document = baseRuleset();
    document.facts[Symbol('hidden')] = { title: 'Hidden' };
    return document;
  },
} satisfies HostileRulesetCase;
