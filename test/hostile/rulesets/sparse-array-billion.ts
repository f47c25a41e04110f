import { baseRuleset } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about:
    'A rules array of length 1,000,000,000 with no entries. Before the fix, the scan visited every ' +
    'empty slot and the process ran out of memory.',
  refusedWith: { code: 'document_too_large', path: [] },
  document: () => ({ ...baseRuleset(), rules: new Array(1_000_000_000) }),
} satisfies HostileRulesetCase;
