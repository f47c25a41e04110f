import { CONCERNS, FINDING_SOURCES } from '../transaction/transactionSchema';
import type { Invariant } from './invariants';

const anyConcern = { oneOf: CONCERNS } as const;
const anySource = { oneOf: FINDING_SOURCES } as const;

/** The ruleset ids whose vocabulary `ARTICLE_5_INVARIANTS` is written in; `defaultInvariants` adds them for these. */
export const ARTICLE_5_RULESET_IDS: readonly string[] = ['eu-2021-821-art5'];

/**
 * Invariants in the vocabulary of the Article 5 rulesets (its activities, knowledge levels and outcomes), as data.
 * They state the law, so a revised Article 5 ruleset must keep them too; a ruleset for other provisions (Art. 6
 * brokering, say) would not, which is why they are not general.
 */
export const ARTICLE_5_INVARIANTS: readonly Invariant[] = [
  {
    kind: 'fixedOutcome',
    name: 'out-of-scope activities are not_applicable',
    description:
      'Article 5 reaches exports only (Regulation (EU) 2021/821, Art. 2(2) and Art. 5): an intra-EU ' +
      'transfer, brokering, technical assistance or transit is not_applicable whatever else is known or ' +
      'unknown.',
    edit: { set: { activity: { oneOf: ['intra-eu-transfer', 'brokering', 'technical-assistance', 'transit'] } } },
    outcome: 'not_applicable',
  },
  {
    kind: 'fixedOutcome',
    name: 'listed items need an authorisation',
    description:
      'Exporting an item listed in Annex I out of the EU needs an authorisation (Art. 3(1)), whatever ' +
      'its end use and whatever else is unknown.',
    edit: {
      set: {
        activity: { oneOf: ['export'] },
        'destination.country': { oneOf: ['US', 'CN', 'BR', 'IN', 'EG', 'RU', 'AE', 'MX'] },
        'item.annexIEntries': { oneOf: [['5A001.j'], ['4A005', '4D004'], ['5A004.b'], ['5A001.f', '5D001.e']] },
      },
    },
    outcome: 'authorisation_required',
  },
  {
    kind: 'neverLowers',
    name: 'positive knowledge never lowers the outcome',
    description:
      'Adding a finding of positive knowledge of an Art. 5(1) use (from due diligence or elsewhere) ' +
      "never lowers the outcome's precedence: knowing more about misuse never means less duty (Art. " +
      '5(2), 5(3)).',
    edit: {
      append: 'findings',
      record: { concern: anyConcern, knowledge: { oneOf: ['positive-knowledge'] }, source: anySource },
    },
  },
  {
    kind: 'neverChanges',
    name: 'a mere possibility changes nothing',
    description:
      'A finding that misuse is merely possible is not awareness and not grounds for suspicion ' +
      '(Recommendation (EU) 2024/2659, Section 1.2.6): adding one never changes the outcome or the ' +
      'possible outcomes.',
    edit: {
      append: 'findings',
      record: { concern: anyConcern, knowledge: { oneOf: ['mere-possibility'] }, source: anySource },
    },
  },
];
