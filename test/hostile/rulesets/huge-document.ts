import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: 'One million notes: far over the 200,000 values a document may hold, refused before any of them is read.',
  refusedWith: { code: 'document_too_large', path: [] },
  document: () => ({
    ...baseRuleset(),
    notes: Array.from({ length: 1_000_000 }, (_, index) => ({ id: `note-${index}` })),
  }),
} satisfies HostileRulesetCase;
