import type { RulesetDocument } from '../../src/index';

/**
 * A small, valid base ruleset for unit tests: two rules over two boolean input facts, a fallback and an undecided outcome.
 * Tests copy and break it to check each error.
 */
export function minimalRuleset(): RulesetDocument & Record<string, unknown> {
  const cite = { source: 'reg', pinpoint: 'Art. 1', confidence: 'verified' } as const;
  return structuredClone({
    id: 'test-minimal',
    version: '1.0.0',
    kind: 'base',
    title: 'Minimal test ruleset',
    validity: { from: '2021-09-09', to: null },
    sources: { reg: { title: 'Test regulation', instrument: 'Regulation (EU) 2021/821', binding: true } },
    outcomes: {
      authorisation_required: { precedence: 90, title: 'Authorisation', nextSteps: 'Apply.' },
      insufficient_information: { precedence: 50, title: 'Unknown', nextSteps: 'Find out.' },
      no_obligation: { precedence: 10, title: 'Nothing', nextSteps: 'Keep records.' },
    },
    undecided: 'insufficient_information',
    fallback: { id: 'nothing', outcome: 'no_obligation', summary: 'No rule holds.', citation: cite },
    facts: {
      'exporter.informedByAuthority': {
        title: 'Informed',
        prompt: 'Were you informed?',
        type: 'boolean',
        citation: cite,
      },
      'item.speciallyDesigned': { title: 'Designed', prompt: 'Specially designed?', type: 'boolean', citation: cite },
    },
    rules: [
      {
        id: 'informed',
        title: 'Informed',
        summary: 'Informed means licence.',
        outcome: 'authorisation_required',
        citation: cite,
        when: { fact: 'exporter.informedByAuthority', operator: 'equal', value: true },
      },
      {
        id: 'designed',
        title: 'Designed',
        summary: 'Designed and not informed.',
        outcome: 'no_obligation',
        citation: cite,
        when: {
          all: [
            { fact: 'item.speciallyDesigned', operator: 'equal', value: false },
            { not: { fact: 'exporter.informedByAuthority', operator: 'equal', value: true } },
          ],
        },
      },
    ],
  }) as RulesetDocument & Record<string, unknown>;
}
