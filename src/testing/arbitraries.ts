import fc from 'fast-check';
import { describeValue } from '../errors/describeValue';
import { COUNTRY_CODES } from '../transaction/countryCodes';
import {
  ACTIVITIES,
  CONCERNS,
  FINDING_SOURCES,
  KNOWLEDGE_LEVELS,
  NATIONAL_RULE_POSITIONS,
  PARTY_ROLES,
  type Transaction,
} from '../transaction/transactionSchema';
import type { CompiledRuleset } from '../types/compiledRuleset';
import { readDateOption, readRuleset, readShaped, refuseArgument, vocabularySchema } from './kitArguments';
import { UNKNOWABLE_FIELDS, withUnknown, type UnknowableField } from './withUnknown';

/** The ids a ruleset's catalogues offer for each catalogue-bound transaction field (empty when the ruleset has none). */
export interface TransactionVocabulary {
  readonly memberStates: readonly string[];
  readonly capabilities: readonly string[];
  readonly endUserTypes: readonly string[];
  readonly redFlags: readonly string[];
  /** The seriousness indicators a finding may name (`findings[].indicators`); absent or empty when none are bound. */
  readonly indicators?: readonly string[];
  /** The seriousness factors a finding may name (`findings[].factors`); absent or empty when none are bound. */
  readonly factors?: readonly string[];
}

/** Reads from a compiled ruleset the ids its catalogues allow in transactions. */
export function vocabularyOf(ruleset: CompiledRuleset): TransactionVocabulary {
  const { facts = {}, catalogues = {} } = readRuleset(ruleset).document;
  const entries = (catalogue: string | undefined) =>
    catalogue === undefined ? [] : (catalogues[catalogue]?.entries ?? []).map((entry) => entry.id);
  const ids = (field: string) => entries(facts[field]?.answers?.catalogue);
  const recordIds = (field: string) => entries(facts['findings']?.answers?.fields?.[field]);
  return {
    memberStates: ids('exporter.itemsLocatedIn'),
    capabilities: ids('item.capabilities'),
    endUserTypes: ids('endUser.type'),
    redFlags: ids('redFlags'),
    indicators: recordIds('indicators'),
    factors: recordIds('factors'),
  };
}

/**
 * The ids that transactions valid under every one of the rulesets may use: for each field, the ids all the rulesets
 * that bind it to a catalogue share (a ruleset that does not bind the field accepts any well-formed id).
 */
export function sharedVocabulary(...rulesets: readonly CompiledRuleset[]): TransactionVocabulary {
  const vocabularies = rulesets.map((ruleset, index) => vocabularyOf(readRuleset(ruleset, ['rulesets', index])));
  const shared = (field: keyof TransactionVocabulary) =>
    vocabularies
      .map((vocabulary) => vocabulary[field] ?? [])
      .filter((ids) => ids.length > 0)
      .reduce<readonly string[] | undefined>(
        (common, ids) => (common === undefined ? ids : common.filter((id) => ids.includes(id))),
        undefined,
      ) ?? [];
  return {
    memberStates: shared('memberStates'),
    capabilities: shared('capabilities'),
    endUserTypes: shared('endUserTypes'),
    redFlags: shared('redFlags'),
    indicators: shared('indicators'),
    factors: shared('factors'),
  };
}

/**
 * The entries of the catalogue a ruleset binds to a transaction field (e.g. `redFlags`), as an arbitrary of one id.
 * @throws {AssessmentError} `invalid_argument` when the ruleset binds no catalogue with entries to that field.
 */
export function catalogueEntryArbitrary(
  ruleset: CompiledRuleset,
  field: keyof TransactionVocabulary,
): fc.Arbitrary<string> {
  const vocabulary = vocabularyOf(ruleset);
  const ids = typeof field === 'string' && Object.hasOwn(vocabulary, field) ? (vocabulary[field] ?? []) : [];
  if (ids.length === 0)
    throw refuseArgument(
      ['field'],
      `The ruleset "${ruleset.id}" ${ruleset.version} binds no catalogue to ${typeof field === 'string' ? field : describeValue(field)}.`,
    );
  return fc.constantFrom(...ids);
}

const NON_MEMBER_COUNTRIES = ['US', 'CN', 'BR', 'IN', 'RU', 'TR', 'AE', 'CH', 'NO', 'GB', 'XK', 'EG', 'MX'] as const;
/**
 * Codes whose customs status a country list gets wrong (Monaco, the outermost regions, Åland and the Canary Islands
 * are inside the Union's customs territory; Ceuta and Melilla, the Faroe Islands, Greenland and the overseas countries
 * and territories are outside) and countries under EU restrictive measures.
 */
const SPECIAL_TERRITORIES = ['MC', 'RE', 'GP', 'AX', 'IC', 'EA', 'FO', 'GL', 'NC', 'SM', 'SY', 'IR'] as const;

// Cross-shrinking lets a rare value shrink back to the common one, so counterexamples keep only what matters.
const weighted = <T>(common: T, rare: fc.Arbitrary<T>, commonWeight = 3) =>
  fc.oneof(
    { withCrossShrink: true },
    { arbitrary: fc.constant(common), weight: commonWeight },
    { arbitrary: rare, weight: 1 },
  );
const subset = (ids: readonly string[], maxLength: number) =>
  ids.length === 0 ? fc.constant<string[]>([]) : fc.uniqueArray(fc.constantFrom(...ids), { maxLength });

/**
 * Transactions with every field known, drawn so that the interesting cases are common: mostly exports of
 * cyber-surveillance items from member states to third countries, with findings, red flags and due-diligence steps varied.
 * Pass a `date` to pin the transactions to the ruleset version in force on it.
 */
export function completeTransactionArbitrary(
  vocabulary: TransactionVocabulary,
  options: { readonly date?: string } = {},
): fc.Arbitrary<Transaction> {
  readShaped(vocabulary, vocabularySchema, ['vocabulary'], 'a vocabulary (vocabularyOf)');
  const { date } = readDateOption(options);
  const memberStates = vocabulary.memberStates.length > 0 ? vocabulary.memberStates : ['DE', 'FR', 'NL'];
  const anyCountry = fc.constantFrom(...COUNTRY_CODES);
  const exporterCountry = fc.oneof(
    { arbitrary: fc.constantFrom(...memberStates), weight: 5 },
    { arbitrary: fc.constantFrom(...NON_MEMBER_COUNTRIES), weight: 1 },
  );
  const destination = fc.oneof(
    { arbitrary: fc.constantFrom(...NON_MEMBER_COUNTRIES), weight: 5 },
    { arbitrary: fc.constantFrom(...memberStates), weight: 1 },
    { arbitrary: fc.constantFrom(...SPECIAL_TERRITORIES), weight: 1 },
    { arbitrary: anyCountry, weight: 1 },
  );
  const element = weighted(true, fc.constant(false), 6);
  const finding = fc.record({
    concern: fc.constantFrom(...CONCERNS),
    knowledge: fc.constantFrom(...KNOWLEDGE_LEVELS),
    source: fc.constantFrom(...FINDING_SOURCES),
    ...(vocabulary.indicators === undefined || vocabulary.indicators.length === 0
      ? {}
      : { indicators: subset(vocabulary.indicators, 2) }),
    ...(vocabulary.factors === undefined || vocabulary.factors.length === 0
      ? {}
      : { factors: subset(vocabulary.factors, 2) }),
  });
  return fc.record({
    ...(date === undefined ? {} : { date: fc.constant(date) }),
    activity: weighted<(typeof ACTIVITIES)[number]>('export', fc.constantFrom(...ACTIVITIES), 6),
    exporter: fc.record({
      country: exporterCountry,
      itemsLocatedIn: fc.constantFrom(...memberStates),
      informedByAuthority: weighted(false, fc.constant(true), 8),
    }),
    destination: fc.record({
      country: destination,
      outsideCustomsTerritory: weighted(false, fc.constant(true), 8),
    }),
    item: fc.record({
      annexIEntries: weighted<string[]>([], fc.constantFrom(['5A001.j'], ['4A005', '4D004'], ['5A004.b']), 6),
      speciallyDesigned: element,
      covertSurveillance: element,
      naturalPersons: element,
      dataProcessing: element,
      ictSystems: element,
      militaryList: weighted(false, fc.constant(true), 10),
      capabilities: subset(vocabulary.capabilities, 3),
    }),
    endUser: fc.record({
      name: fc.constantFrom('Ministry of the Interior', 'Metro Telecom', 'Retail Group plc'),
      ...(vocabulary.endUserTypes.length === 0 ? {} : { type: fc.constantFrom(...vocabulary.endUserTypes) }),
      country: fc.oneof({ arbitrary: destination, weight: 6 }, { arbitrary: anyCountry, weight: 1 }),
    }),
    parties: fc.array(
      fc.record({
        role: fc.constantFrom(...PARTY_ROLES),
        name: fc.constantFrom('Distributor A', 'Reseller B'),
        country: anyCountry,
      }),
      { maxLength: 2 },
    ),
    redFlags: weighted<string[]>([], subset(vocabulary.redFlags, 3), 2),
    findings: weighted<{ concern: string; knowledge: string; source: string }[]>(
      [],
      fc.array(finding, { minLength: 1, maxLength: 3 }),
      1,
    ),
    nationalLaw: fc.record({
      suspicionRule: fc.record({
        position: fc.constantFrom(...NATIONAL_RULE_POSITIONS),
        source: fc.constantFrom('Letter of the competent authority, 3 March 2025', 'National export-control act'),
      }),
    }),
    dueDiligence: fc.record({
      itemReview: weighted(true, fc.constant(false), 6),
      capabilityReview: weighted(true, fc.constant(false), 6),
      stakeholderReview: weighted(true, fc.constant(false), 6),
      mitigationPlan: weighted(true, fc.constant(false), 6),
      endUseStatementObtained: fc.boolean(),
    }),
  }) as fc.Arbitrary<Transaction>;
}

/**
 * A complete transaction and a copy of it with some fields unknown (at most `maxUnknown` of them, when given), so the
 * complete one is a completion of the partial one: what a property needs to check that answering questions never
 * leads outside `possibleOutcomes`.
 */
export function partialTransactionArbitrary(
  vocabulary: TransactionVocabulary,
  options: { readonly date?: string; readonly maxUnknown?: number } = {},
): fc.Arbitrary<{
  readonly complete: Transaction;
  readonly partial: Transaction;
  readonly unknown: readonly UnknowableField[];
}> {
  const { date, maxUnknown } = readDateOption(options);
  const unknownFields = fc.subarray([...UNKNOWABLE_FIELDS], maxUnknown === undefined ? {} : { maxLength: maxUnknown });
  return fc
    .tuple(completeTransactionArbitrary(vocabulary, date === undefined ? {} : { date }), unknownFields, fc.boolean())
    .map(([complete, unknown, useNull]) => ({ complete, partial: withUnknown(complete, unknown, useNull), unknown }));
}
