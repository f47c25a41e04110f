import type {
  ACTIVITIES,
  CONCERNS,
  FINDING_SOURCES,
  KNOWLEDGE_LEVELS,
  NATIONAL_RULE_POSITIONS,
  PARTY_ROLES,
  ParsedTransaction,
} from './transactionSchema';

type Labels<T extends readonly string[]> = Readonly<Record<T[number], string>>;

/**
 * Readable English labels of the values the transaction contract itself fixes (country codes aside: a form names
 * countries in its own language). A ruleset's catalogue or scale with the same ids labels them first.
 */
export const CONTRACT_VALUE_LABELS: Readonly<Record<string, string>> = {
  ...({
    export: 'Export',
    'intra-eu-transfer': 'Intra-EU transfer',
    brokering: 'Brokering',
    'technical-assistance': 'Technical assistance',
    transit: 'Transit',
  } satisfies Labels<typeof ACTIVITIES>),
  ...({
    'internal-repression': 'Internal repression',
    'serious-human-rights-violations': 'Serious violations of human rights',
    'serious-ihl-violations': 'Serious violations of international humanitarian law',
  } satisfies Labels<typeof CONCERNS>),
  ...({
    'mere-possibility': 'Mere possibility',
    'grounds-for-suspicion': 'Grounds for suspicion',
    'positive-knowledge': 'Positive knowledge',
  } satisfies Labels<typeof KNOWLEDGE_LEVELS>),
  ...({ 'due-diligence': 'Due diligence', other: 'Another source' } satisfies Labels<typeof FINDING_SOURCES>),
  ...({
    consignee: 'Consignee',
    distributor: 'Distributor',
    reseller: 'Reseller',
    purchaser: 'Purchaser',
    intermediary: 'Intermediary',
  } satisfies Labels<typeof PARTY_ROLES>),
  ...({
    applies: 'A national rule applies',
    none: 'No national rule',
  } satisfies Labels<typeof NATIONAL_RULE_POSITIONS>),
};

/**
 * What a value of the contract means, in plain words, where its label alone does not say (a statement of national
 * law): a form shows it beside the choice. A ruleset's catalogue or scale with the same ids describes them first.
 */
export const CONTRACT_VALUE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  ...({
    applies:
      'The competent member state requires an authorisation when the exporter has grounds for suspecting such a ' +
      'use, even without positive knowledge (a national rule under Art. 5(3)).',
    none: 'The competent member state has no such rule: grounds for suspicion alone need no authorisation under its law.',
  } satisfies Labels<typeof NATIONAL_RULE_POSITIONS>),
};

type RecordOf<K extends 'findings' | 'parties'> = NonNullable<ParsedTransaction[K]>[number];

/**
 * Readable English labels of the fields of the contract's records and statements, by dotted path without list
 * indexes (`findings.knowledge`): what a form calls them.
 */
export const CONTRACT_FIELD_LABELS: Readonly<Record<string, string>> = {
  ...prefixed('findings', {
    concern: 'Concern',
    knowledge: 'How strongly it is known',
    source: 'Where it was found',
    indicators: 'Seriousness indicators that support it',
    factors: 'Seriousness factors weighed',
    note: 'Note',
  } satisfies Record<keyof RecordOf<'findings'>, string>),
  ...prefixed('parties', { role: 'Role', name: 'Name', country: 'Country' } satisfies Record<
    keyof RecordOf<'parties'>,
    string
  >),
  'nationalLaw.suspicionRule.source': 'Source of this statement',
};

function prefixed(prefix: string, labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).map(([name, label]) => [`${prefix}.${name}`, label]));
}
