import { baseRuleset, cite } from '../support/base';
import type { HostileRulesetCase } from '../support/hostileCase';

const NAMES = 40;

export default {
  about:
    'Forty named conditions, each using the previous one twice: a few kilobytes that write out to ' +
    '2^40 comparisons. Before the limit, compiling inlined them all (out of memory) and the ' +
    'ask-marker check walked them all (no end in sight).',
  refusedWith: { code: 'condition_too_large', path: ['rules', 0, 'when'] },
  document: () => {
    const document = baseRuleset();
    document.rules[0].outcome = 'insufficient_information';
    document.conditions = {
      c0: {
        title: 'Level 0',
        citation: cite,
        when: { fact: 'exporter.informedByAuthority', operator: 'equal', value: true, ask: true },
      },
    };
    for (let level = 1; level <= NAMES; level++) {
      document.conditions[`c${level}`] = {
        title: `Level ${level}`,
        citation: cite,
        when: { all: [{ condition: `c${level - 1}` }, { condition: `c${level - 1}` }] },
      };
    }
    document.rules[0].when = { condition: `c${NAMES}` };
    return document;
  },
} satisfies HostileRulesetCase;
