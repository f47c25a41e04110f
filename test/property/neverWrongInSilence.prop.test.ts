import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { assessMany, type Assessment, type CompiledRuleset, type Transaction } from '../../src/index';
import {
  completeTransactionArbitrary,
  partialTransactionArbitrary,
  vocabularyOf,
  type TransactionVocabulary,
} from '../../src/testing/arbitraries';
import { UNKNOWABLE_FIELDS, withUnknown, type UnknowableField } from '../../src/testing/withUnknown';
import { CONCERNS, FINDING_SOURCES, KNOWLEDGE_LEVELS } from '../../src/transaction/transactionSchema';
import { SHIPPED_COMPOSITIONS } from '../support/rulesets';
import { runs } from '../support/runs';

const RUNS = runs(1_000);

const assessOne = (transaction: unknown, ruleset: CompiledRuleset): Assessment =>
  assessMany([transaction], { ruleset })[0] as Assessment;

type Fields = Record<string, unknown>;

/**
 * A copy of `transaction` with the dotted `field` set to `value` (its parent object created when absent). A field of the
 * records of a list (`findings.knowledge`) is set in every record; a list that is unknown stays unknown.
 */
function withValue(transaction: Transaction, field: string, value: unknown): Transaction {
  const copy = structuredClone(transaction) as Fields;
  const [head, tail] = field.split('.') as [string, string | undefined];
  const parent = copy[head];
  if (tail === undefined) copy[head] = value;
  else if (Array.isArray(parent)) copy[head] = parent.map((record: Fields) => ({ ...record, [tail]: value }));
  else copy[head] = { ...((parent as Fields | null | undefined) ?? {}), [tail]: value };
  return copy as Transaction;
}

function isKnown(transaction: Transaction, field: string): boolean {
  const [head, tail] = field.split('.') as [string, string | undefined];
  const parent = (transaction as Fields)[head];
  if (tail !== undefined && Array.isArray(parent))
    return parent.every((record: Fields) => record[tail] !== undefined && record[tail] !== null);
  // A field of the records of an unknown list cannot be given a value: it counts as known (nothing to try).
  if (tail !== undefined && (head === 'findings' || head === 'parties')) return true;
  const value = tail === undefined ? parent : (parent as Fields | null | undefined)?.[tail];
  return value !== undefined && value !== null;
}

/**
 * Every value the transaction contract allows for a field, or a representative set where there are too many
 * (lists: empty, each single id, all ids; findings: empty and each of the 18 single findings).
 */
function valuesOf(field: UnknowableField, vocabulary: TransactionVocabulary): readonly unknown[] {
  const lists = (ids: readonly string[]) => [[], ...ids.map((id) => [id]), ...(ids.length > 1 ? [[...ids]] : [])];
  switch (field) {
    case 'exporter.itemsLocatedIn':
      return vocabulary.memberStates.length > 0 ? vocabulary.memberStates : ['DE', 'FR', 'NL'];
    case 'item.annexIEntries':
      return [[], ['5A001.j'], ['4A005', '4D004'], ['5A004.b']];
    case 'item.capabilities':
      return lists(vocabulary.capabilities);
    case 'redFlags':
      return lists(vocabulary.redFlags);
    case 'endUser.name':
      return ['Ministry of the Interior'];
    case 'endUser.type':
      return vocabulary.endUserTypes.length > 0 ? vocabulary.endUserTypes : ['police'];
    case 'parties':
      return [[], [{ role: 'consignee', name: 'Consignee', country: 'AE' }]];
    case 'parties.name':
      return ['Consignee'];
    case 'parties.country':
    case 'endUser.country':
      return ['AE', 'SY', 'DE', 'MC'];
    case 'findings.knowledge':
      return KNOWLEDGE_LEVELS;
    case 'nationalLaw.suspicionRule':
      return [
        { position: 'applies', source: 'National law' },
        { position: 'none', source: 'National law' },
      ];
    case 'findings':
      return [
        [],
        ...CONCERNS.flatMap((concern) =>
          KNOWLEDGE_LEVELS.flatMap((knowledge) => FINDING_SOURCES.map((source) => [{ concern, knowledge, source }])),
        ),
      ];
    default:
      return [true, false];
  }
}

/** A deterministic shuffle (mulberry32) so that a failing order can be replayed from its seed. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same JSON value with every array's entries and every object's keys in another order. */
function reordered(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return shuffled(value, random).map((item) => reordered(item, random));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    shuffled(Object.entries(value), random).map(([key, item]) => [key, reordered(item, random)]),
  );
}

/** What an assessment says, without the trace (which echoes the input, so shows its order). */
function decision({
  outcome,
  possibleOutcomes,
  nextSteps,
  obligations,
  questions,
  competentAuthority,
  notes,
}: Assessment) {
  return { outcome, possibleOutcomes, nextSteps, obligations, questions, competentAuthority, notes };
}

describe.each(SHIPPED_COMPOSITIONS)('never wrong in silence: $name', ({ ruleset: load, asOf }) => {
  const ruleset = load();
  const vocabulary = vocabularyOf(ruleset);
  const memberStates = new Set(vocabulary.memberStates);
  const withGuidelines = ruleset.version.startsWith('2.');

  /*
   * "Decisive" facts, from the law and the brief, for an export to a destination outside the EU of an item that may
   * be a cyber-surveillance item (no Art. 2(20) element is false). Each can, by itself, turn the answer into an
   * obligation or a referral, so while it is unknown the answer cannot be no_obligation:
   * - the Annex I classification: a listed item needs an authorisation (Art. 3(1));
   * - the authority's notice (Art. 5(1));
   * - what is known of the intended use (findings): positive knowledge obliges notification (Art. 5(2)); grounds
   *   for suspicion matter under national Art. 5(3) rules;
   * and, once the guidelines apply (Recommendation (EU) 2024/2659, the 2.0.0 ruleset):
   * - each Art. 2(20) element: an unknown element leaves due-diligence step 3.1 outstanding (brief §4.2, §5 row 3);
   * - each of the four due-diligence steps (Gl §3.1–3.4): a step not known to be done is outstanding;
   * - the red flags (Gl §3): they can require enhanced due diligence;
   * - the end user's identity: an unidentified end user is an outstanding step (brief §5 row 3; the transaction
   *   contract reads an absent `endUser` as unidentified).
   * Before the guidelines (1.0.0), the elements, steps and red flags decide nothing by themselves: with no notice
   * and nothing known of misuse, no Article 5 duty arises whatever the item is. The exceptions the issue allows
   * (a definition element false, an activity out of scope) are excluded by construction.
   */
  const DECISIVE: readonly string[] = [
    'item.annexIEntries',
    'exporter.informedByAuthority',
    'findings',
    ...(withGuidelines
      ? [
          'item.speciallyDesigned',
          'item.covertSurveillance',
          'item.naturalPersons',
          'item.dataProcessing',
          'item.ictSystems',
          'dueDiligence.itemReview',
          'dueDiligence.capabilityReview',
          'dueDiligence.stakeholderReview',
          'dueDiligence.mitigationPlan',
          'redFlags',
          'endUser',
        ]
      : []),
  ];
  const ELEMENTS = [
    'item.speciallyDesigned',
    'item.covertSurveillance',
    'item.naturalPersons',
    'item.dataProcessing',
    'item.ictSystems',
  ] as const;

  const possibleCyberSurveillanceExport = fc
    .tuple(
      completeTransactionArbitrary(vocabulary, { date: asOf }),
      fc.constantFrom('US', 'CN', 'BR', 'IN', 'EG', 'RU', 'AE', 'MX'),
      fc.subarray([...ELEMENTS]),
    )
    .map(([transaction, destination, unknownElements]) => {
      let result = withValue(withValue(transaction, 'activity', 'export'), 'destination.country', destination);
      // A dual-use item (not on a military list), so that it may be a cyber-surveillance item.
      result = withValue(result, 'item.militaryList', false);
      for (const element of ELEMENTS)
        result = withValue(result, element, unknownElements.includes(element) ? null : true);
      return result;
    });

  test('with any decisive fact unknown, an export of a possible cyber-surveillance item is never no_obligation', () => {
    expect([...memberStates]).not.toContain('US');
    fc.assert(
      fc.property(
        possibleCyberSurveillanceExport,
        fc.subarray([...DECISIVE], { minLength: 1 }),
        fc.boolean(),
        (transaction, unknown, useNull) => {
          let partial = transaction;
          for (const field of unknown)
            partial =
              field === 'endUser'
                ? withValue(partial, 'endUser', useNull ? null : undefined)
                : withUnknown(partial, [field as UnknowableField], useNull);
          const assessment = assessOne(partial, ruleset);
          expect(assessment.outcome, `unknown: ${unknown.join(', ')}`).not.toBe('no_obligation');
          expect(assessment.possibleOutcomes.length > 1 || assessment.outcome !== 'no_obligation').toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  test(
    'no_obligation with a fact unknown means no value of that fact could change it (any fact, any ' + 'transaction)',
    () => {
      fc.assert(
        fc.property(partialTransactionArbitrary(vocabulary, { date: asOf }), ({ partial }) => {
          if (assessOne(partial, ruleset).outcome !== 'no_obligation') return;
          for (const field of UNKNOWABLE_FIELDS) {
            if (isKnown(partial, field)) continue;
            for (const value of valuesOf(field, vocabulary)) {
              expect(
                assessOne(withValue(partial, field, value), ruleset).outcome,
                `${field} = ${JSON.stringify(value)}`,
              ).toBe('no_obligation');
            }
          }
        }),
        { numRuns: RUNS },
      );
    },
  );

  test('dropping any single known fact never turns another outcome into no_obligation', () => {
    fc.assert(
      fc.property(partialTransactionArbitrary(vocabulary, { date: asOf }), fc.boolean(), ({ partial }, useNull) => {
        if (assessOne(partial, ruleset).outcome === 'no_obligation') return;
        for (const field of UNKNOWABLE_FIELDS) {
          if (!isKnown(partial, field)) continue;
          expect(assessOne(withUnknown(partial, [field], useNull), ruleset).outcome, `dropping ${field}`).not.toBe(
            'no_obligation',
          );
        }
      }),
      { numRuns: RUNS },
    );
  });

  test(
    'the decision never depends on the order of array entries (findings, red flags, capabilities, ' +
      'parties) or of object keys',
    () => {
      fc.assert(
        fc.property(partialTransactionArbitrary(vocabulary, { date: asOf }), fc.integer(), ({ partial }, seed) => {
          const [original, shuffledCopy] = assessMany([partial, reordered(partial, randomFrom(seed))], { ruleset }) as [
            Assessment,
            Assessment,
          ];
          expect(decision(shuffledCopy)).toEqual(decision(original));
        }),
        { numRuns: RUNS },
      );
    },
  );
});
