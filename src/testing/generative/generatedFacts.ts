import fc from 'fast-check';
import { CONCERNS, FINDING_SOURCES, PARTY_ROLES } from '../../transaction/transactionSchema';
import type { Derivation, FactDefinition } from '../../types/ruleset';
import { CITE, COUNTRIES } from './generatedVocabulary';

/** The record filters of the derivations over records: each may be absent. */
export interface Filters {
  readonly knowledge: Readonly<Record<string, readonly string[]>> | undefined;
  readonly dueDiligenceConcerns: readonly string[] | undefined;
  readonly roleCountries: readonly string[] | undefined;
  readonly listedRoles: readonly string[] | undefined;
  readonly namedRoles: readonly string[] | undefined;
  readonly namedFields: readonly ('name' | 'country')[];
  /** The order in which the competent member state is looked for: where the items are first, or the exporter. */
  readonly itemsFirst: boolean;
}

export function filtersArbitrary(): fc.Arbitrary<Filters> {
  const some = <T>(values: readonly T[]) => fc.option(fc.subarray([...values], { minLength: 1 }), { nil: undefined });
  return fc.record({
    knowledge: fc.option(
      fc.record(
        {
          concern: fc.subarray([...CONCERNS], { minLength: 1 }),
          source: fc.subarray([...FINDING_SOURCES], { minLength: 1 }),
        },
        { requiredKeys: [] },
      ),
      { nil: undefined },
    ),
    dueDiligenceConcerns: some(CONCERNS),
    roleCountries: some([...COUNTRIES, 'DE', 'US']),
    listedRoles: some(PARTY_ROLES),
    namedRoles: some(PARTY_ROLES),
    namedFields: fc.subarray(['name', 'country'] as const, { minLength: 1 }),
    itemsFirst: fc.boolean(),
  });
}

/** Every input fact the generated rules may read, and a derived fact of every kind. */
export function generatedFacts(filters: Filters): Record<string, FactDefinition> {
  const memberOrder = filters.itemsFirst
    ? ['exporter.itemsLocatedIn', 'exporter.country']
    : ['exporter.country', 'exporter.itemsLocatedIn'];
  const fact = (type: FactDefinition['type'], more: Partial<FactDefinition> = {}): FactDefinition => ({
    title: 'Fact',
    prompt: 'What is it?',
    type,
    citation: CITE,
    ...more,
  });
  const derived = (type: FactDefinition['type'], derive: Derivation) => fact(type, { derive });
  const where = (filter: Readonly<Record<string, readonly string[] | undefined>>) => {
    const given = Object.entries(filter).filter(
      (entry): entry is [string, readonly string[]] => entry[1] !== undefined,
    );
    return given.length === 0 ? {} : { where: Object.fromEntries(given) };
  };
  return {
    activity: fact('string'),
    'exporter.country': fact('string'),
    'exporter.itemsLocatedIn': fact('string', { answers: { catalogue: 'memberStates' } }),
    'exporter.informedByAuthority': fact('boolean'),
    'destination.country': fact('string'),
    'item.speciallyDesigned': fact('boolean'),
    'item.covertSurveillance': fact('boolean'),
    'item.annexIEntries': fact('list'),
    'item.capabilities': fact('list', { answers: { catalogue: 'capabilities' } }),
    'endUser.name': fact('string'),
    'endUser.type': fact('string', { answers: { catalogue: 'endUserTypes' } }),
    'endUser.country': fact('string'),
    parties: fact('records'),
    redFlags: fact('list', { answers: { catalogue: 'redFlags' } }),
    findings: fact('records'),
    'nationalLaw.suspicionRule.position': fact('string'),
    'dueDiligence.itemReview': fact('boolean'),
    destinationListed: derived('boolean', { kind: 'memberOf', of: 'destination.country', catalogue: 'countries' }),
    competentState: derived('string', {
      kind: 'firstMemberOf',
      of: memberOrder,
      catalogue: 'memberStates',
    }),
    competentStateRule: derived('string', {
      kind: 'firstMemberOf',
      of: memberOrder,
      catalogue: 'memberStates',
      attribute: 'rule',
    }),
    stateRule: derived('string', {
      kind: 'lookup',
      key: 'competentState',
      catalogue: 'memberStates',
      attribute: 'rule',
    }),
    ruleKnown: derived('string', { kind: 'firstKnown', of: ['stateRule', 'nationalLaw.suspicionRule.position'] }),
    endUserCategory: derived('string', {
      kind: 'lookup',
      key: 'endUser.type',
      catalogue: 'endUserTypes',
      attribute: 'category',
    }),
    endUserRisk: derived('number', {
      kind: 'lookup',
      key: 'endUser.type',
      catalogue: 'endUserTypes',
      attribute: 'risk',
    }),
    annexCount: derived('number', { kind: 'count', of: 'item.annexIEntries' }),
    partyCount: derived('number', { kind: 'count', of: 'parties' }),
    findingCount: derived('number', { kind: 'count', of: 'findings' }),
    flagScore: derived('number', { kind: 'sum', of: 'redFlags', catalogue: 'redFlags', attribute: 'weight' }),
    flagKinds: derived('list', { kind: 'collect', of: 'redFlags', catalogue: 'redFlags', attribute: 'kind' }),
    capabilityFamilies: derived('list', {
      kind: 'collect',
      of: 'item.capabilities',
      catalogue: 'capabilities',
      attribute: 'family',
    }),
    knowledge: derived('level', {
      kind: 'maxLevel',
      of: 'findings',
      field: 'knowledge',
      scale: 'knowledge',
      ...(filters.knowledge === undefined ? {} : where(filters.knowledge)),
    }),
    knowledgeFromDueDiligence: derived('level', {
      kind: 'maxLevel',
      of: 'findings',
      field: 'knowledge',
      scale: 'knowledge',
      ...where({ source: ['due-diligence'], concern: filters.dueDiligenceConcerns }),
    }),
    strongestKnowledge: derived('level', { kind: 'firstKnown', of: ['knowledge', 'knowledgeFromDueDiligence'] }),
    strongestRole: derived('level', {
      kind: 'maxLevel',
      of: 'parties',
      field: 'role',
      scale: 'role',
      ...where({ country: filters.roleCountries }),
    }),
    partyListed: derived('boolean', {
      kind: 'anyRecordIn',
      of: 'parties',
      field: 'country',
      catalogue: 'countries',
      ...where({ role: filters.listedRoles }),
    }),
    partiesNamed: derived('boolean', {
      kind: 'recordsComplete',
      of: 'parties',
      fields: filters.namedFields,
      ...where({ role: filters.namedRoles }),
    }),
  };
}
