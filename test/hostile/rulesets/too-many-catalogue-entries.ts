import { baseRuleset, cite } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

export default {
  about: 'A catalogue of 1,001 entries, one more than allowed.',
  refusedWith: { code: 'schema_maxItems', path: ['catalogues', 'c', 'entries'] },
  document: () => ({
    ...baseRuleset(),
    catalogues: {
      c: {
        title: 'Big',
        citation: cite,
        entries: Array.from({ length: 1001 }, (_, index) => ({
          id: `e${index}`,
          label: `Entry ${index}`,
          citation: cite,
        })),
      },
    },
  }),
} satisfies HostileRulesetCase;
