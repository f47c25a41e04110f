import fc from 'fast-check';
import { AssessmentError } from '../../errors/AssessmentError';
import { describeValue } from '../../errors/describeValue';
import { readOptions } from '../../errors/readArguments';
import { KNOWLEDGE_LEVELS, PARTY_ROLES } from '../../transaction/transactionSchema';
import { OUTCOMES, UNDECIDED_OUTCOME, type Outcome } from '../../types/outcome';
import type { AttributeValue, CatalogueDefinition, OutcomeDefinition, RulesetDocument } from '../../types/ruleset';
import { refuseArgument } from '../kitArguments';
import { rulesArbitrary } from './conditionArbitrary';
import { filtersArbitrary, generatedFacts } from './generatedFacts';
import {
  CAPABILITIES,
  CITE,
  COUNTRIES,
  END_USER_CATEGORIES,
  END_USER_TYPES,
  MEMBER_STATES,
  RED_FLAGS,
  RULE_POSITIONS,
} from './generatedVocabulary';

/** Options for `rulesetArbitrary`. */
export interface RulesetArbitraryOptions {
  /**
   * Only rulesets that are monotone by construction in red flags and knowledge (what `checkMonotonicity` checks):
   * rules read the facts that red flags and findings make (and those lists) only through comparisons that more can
   * only make true (`contains`, `greaterThan`, `atLeast`, …), or, under an odd number of `not`s, only false; named
   * conditions do not read them; and every rule decides an outcome of no lower precedence than the fallback's.
   */
  readonly monotone?: boolean;
  /** At most this many rules. Default 6. */
  readonly maxRules?: number;
}

/** An attribute left out of an entry (as opposed to `null`, recorded as not known). */
const LEFT_OUT = Symbol('left out');

/**
 * Valid base rulesets within the schema, for property tests of the library itself (and of tools built on it):
 * every kind of derivation, over records with fields that may be unknown and over catalogue attributes that may be
 * `null` or left out; catalogues with whole weights; a knowledge scale and a scale of party roles in a random order;
 * numeric and level thresholds; named conditions; rules with three-valued conditions (`all`, `any`, `not`, every
 * operator), rules that decide `insufficient_information` with `ask` markers, outcomes with random precedences that
 * carry duties, and notes. Every document compiles (a property test checks it); `transactionSpace` gives transactions
 * for each.
 *
 * @example
 * fc.assert(fc.property(rulesetArbitrary(), (document) => { compileRuleset(document); }));
 */
export function rulesetArbitrary(options: RulesetArbitraryOptions = {}): fc.Arbitrary<RulesetDocument> {
  const { monotone: given, maxRules } = readOptions<RulesetArbitraryOptions>(
    options,
    { monotone: 'boolean', maxRules: 'any' },
    (issue, cause) => new AssessmentError(issue, { cause }),
  );
  if (maxRules !== undefined && !(Number.isSafeInteger(maxRules) && maxRules >= 1))
    throw refuseArgument(
      ['options', 'maxRules'],
      `options.maxRules must be a whole number from 1, not ${describeValue(maxRules)}.`,
    );
  const monotone = given === true;
  return fc
    .record({
      outcomes: outcomesArbitrary(),
      fallbackPick: fc.nat(),
      catalogues: cataloguesArbitrary(),
      roles: fc.shuffledSubarray([...PARTY_ROLES], { minLength: PARTY_ROLES.length }),
      filters: filtersArbitrary(),
      score: fc.oneof(fc.integer({ min: 0, max: 8 }), fc.constantFrom(1.5, 2.5)),
      level: fc.constantFrom(...KNOWLEDGE_LEVELS),
    })
    .map(({ outcomes, fallbackPick, catalogues, roles, filters, score, level }) => {
      const decided = Object.keys(outcomes).filter((outcome) => outcome !== UNDECIDED_OUTCOME) as Outcome[];
      const lowest = [...decided].sort((a, b) => precedenceOf(outcomes, a) - precedenceOf(outcomes, b))[0] as Outcome;
      const fallback = monotone ? lowest : (decided[fallbackPick % decided.length] as Outcome);
      const skeleton: RulesetDocument = {
        id: 'generated',
        version: '1.0.0',
        kind: 'base',
        title: 'A generated ruleset',
        validity: { from: '2021-09-09', to: null },
        sources: { reg: { title: 'Test regulation', instrument: 'Regulation (EU) 2021/821', binding: true } },
        outcomes,
        duties: dutiesOf(outcomes),
        undecided: UNDECIDED_OUTCOME,
        fallback: { id: 'nothing-applies', outcome: fallback, summary: 'No rule holds.', citation: CITE },
        scales: {
          knowledge: scale(['no-finding', ...KNOWLEDGE_LEVELS]),
          role: scale(['no-party', ...roles]),
        },
        catalogues,
        thresholds: {
          score: { title: 'Score', value: score, citation: CITE },
          level: { title: 'Knowledge', value: level, scale: 'knowledge', citation: CITE },
        },
        facts: generatedFacts(filters),
      };
      return skeleton;
    })
    .chain((skeleton) =>
      rulesArbitrary(skeleton, { monotone, maxRules: maxRules ?? 6 }).map((parts) => ({
        ...skeleton,
        ...parts,
      })),
    );
}

/** The duties generated outcomes may carry. */
const DUTY_IDS = ['duty-a', 'duty-b', 'duty-c'] as const;

/**
 * Three to six outcomes, `insufficient_information` among them, with distinct precedences in a random order, each
 * carrying some of the duties (`DUTY_IDS`), so that certain duties are computed and checked.
 */
function outcomesArbitrary(): fc.Arbitrary<Partial<Record<Outcome, OutcomeDefinition>>> {
  const others = OUTCOMES.filter((outcome) => outcome !== UNDECIDED_OUTCOME);
  return fc
    .shuffledSubarray([...others], { minLength: 2 })
    .chain((chosen) => fc.shuffledSubarray([UNDECIDED_OUTCOME, ...chosen], { minLength: chosen.length + 1 }))
    .chain((ranked) =>
      fc.tuple(
        fc.constant(ranked),
        fc.array(fc.subarray([...DUTY_IDS]), { minLength: ranked.length, maxLength: ranked.length }),
      ),
    )
    .map(([ranked, duties]) =>
      Object.fromEntries(
        ranked.map((outcome, index) => [
          outcome,
          {
            precedence: (index + 1) * 10,
            title: outcome,
            nextSteps: `What ${outcome} asks.`,
            duties: duties[index] as string[],
          },
        ]),
      ),
    );
}

/** The declaration of every duty some outcome carries (a declared duty no outcome carries is refused). */
function dutiesOf(outcomes: Partial<Record<Outcome, OutcomeDefinition>>): NonNullable<RulesetDocument['duties']> {
  const carried = new Set(Object.values(outcomes).flatMap((outcome) => outcome.duties ?? []));
  return Object.fromEntries(
    [...carried].map((id) => [id, { title: `Duty ${id}`, text: `What ${id} asks.`, citation: CITE }]),
  );
}

function precedenceOf(outcomes: Partial<Record<Outcome, OutcomeDefinition>>, outcome: Outcome): number {
  return outcomes[outcome]?.precedence ?? 0;
}

function scale(levels: readonly string[]) {
  return { title: 'Scale', citation: CITE, levels: levels.map((id) => ({ id, label: id })) };
}

/** An attribute value that may be `null` (not known) or left out. */
const attribute = <T extends AttributeValue>(values: fc.Arbitrary<T>, leftOut = true) =>
  fc.oneof(
    { arbitrary: values, weight: 4 },
    { arbitrary: fc.constant(null), weight: 1 },
    ...(leftOut ? [{ arbitrary: fc.constant(LEFT_OUT), weight: 1 }] : []),
  );

const catalogue = (
  ids: readonly string[],
  attributes: Readonly<Record<string, fc.Arbitrary<AttributeValue | typeof LEFT_OUT>>>,
  attributeValues?: Readonly<Record<string, readonly string[]>>,
): fc.Arbitrary<CatalogueDefinition> =>
  fc
    .shuffledSubarray([...ids], { minLength: 1 })
    .chain((chosen) => fc.tuple(...chosen.map(() => fc.record(attributes))).map((values) => ({ chosen, values })))
    .map(({ chosen, values }) => {
      // A derivation must find its attribute on at least one entry: the first entry gets each one left out elsewhere.
      for (const name of Object.keys(attributes))
        if (values.every((entry) => entry[name] === LEFT_OUT)) (values[0] as Record<string, unknown>)[name] = null;
      return {
        title: 'Catalogue',
        citation: CITE,
        ...(attributeValues === undefined ? {} : { attributeValues }),
        entries: chosen.map((id, index) => ({
          id,
          label: id,
          citation: CITE,
          attributes: Object.fromEntries(
            Object.entries(values[index] ?? {}).filter(([, value]) => value !== LEFT_OUT),
          ) as Record<string, AttributeValue>,
        })),
      };
    });

function cataloguesArbitrary(): fc.Arbitrary<Record<string, CatalogueDefinition>> {
  return fc.record({
    countries: catalogue(COUNTRIES, {}),
    memberStates: catalogue(
      MEMBER_STATES,
      { rule: attribute(fc.constantFrom(...RULE_POSITIONS), false) },
      { rule: RULE_POSITIONS },
    ),
    endUserTypes: catalogue(END_USER_TYPES, {
      category: attribute(fc.constantFrom(...END_USER_CATEGORIES)),
      risk: attribute(fc.integer({ min: 0, max: 3 })),
    }),
    redFlags: catalogue(RED_FLAGS, {
      weight: attribute(fc.integer({ min: 0, max: 5 }), false),
      kind: attribute(fc.constantFrom('routing', 'end-use')),
    }),
    capabilities: catalogue(CAPABILITIES, {
      family: attribute(fc.constantFrom('vigilance', 'listed', 'out-of-scope')),
    }),
  });
}
