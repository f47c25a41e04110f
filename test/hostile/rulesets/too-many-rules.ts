import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: '2,001 rules, one more than a document may hold.',
  refusedWith: { code: 'schema_maxItems', path: ['rules'] },
  document: () => {
    const document = baseRuleset();
    document.rules = Array.from({ length: 2001 }, (_, index) => ({ ...document.rules[0], id: `rule-${index}` }));
    return document;
  },
} satisfies HostileRulesetCase;
