import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: 'A Date object where a date string belongs: only plain objects and arrays are JSON.',
  refusedWith: { code: 'not_json', path: ['validity', 'from'] },
  document: () => {
    const document = baseRuleset();
    document.validity.from = new Date('2021-09-09');
    return document;
  },
} satisfies HostileRulesetCase;
