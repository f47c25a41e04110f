import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: 'A "sources" object of 300,000 keys.',
  refusedWith: { code: 'document_too_large', path: [] },
  document: () => {
    const document = baseRuleset();
    for (let index = 0; index < 300_000; index++) document.sources[`s${index}`] = true;
    return document;
  },
} satisfies HostileRulesetCase;
