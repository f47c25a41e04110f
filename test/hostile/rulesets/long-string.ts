import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: 'A title of 20,000 characters, twice the longest string a document may hold.',
  refusedWith: { code: 'string_too_long', path: ['title'] },
  document: () => ({ ...baseRuleset(), title: 'x'.repeat(20_000) }),
} satisfies HostileRulesetCase;
