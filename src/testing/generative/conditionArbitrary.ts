import fc from 'fast-check';
import { derivationInputs } from '../../compile/derivationInputs';
import { allowedValues, createRulesetContext, scaleOf } from '../../compile/rulesetContext';
import { UNDECIDED_OUTCOME, type Outcome } from '../../types/outcome';
import type {
  ConditionDefinition,
  FactConditionDefinition,
  FactType,
  NamedConditionDefinition,
  NoteDefinition,
  OperatorName,
  RuleDefinition,
  RulesetDocument,
  ScalarValue,
} from '../../types/ruleset';
import { CITE, COUNTRIES, END_USER_CATEGORIES, MEMBER_STATES, RULE_POSITIONS } from './generatedVocabulary';

/** A fact a generated condition can compare, with the values worth comparing it with. */
interface Comparable {
  readonly id: string;
  readonly type: FactType;
  readonly values: readonly ScalarValue[];
  /** The threshold it may be compared with, if any (`score` for numbers, `level` for knowledge levels). */
  readonly threshold?: string;
  /** Whether more red flags or findings (a raise) can change it. */
  readonly raisable: boolean;
  readonly derived: boolean;
}

/** Values for the facts whose values the ruleset leaves free (free text, an attribute looked up) or too many. */
const PREFERRED: Readonly<Record<string, readonly ScalarValue[]>> = {
  'exporter.country': [...COUNTRIES, ...MEMBER_STATES, 'US'],
  'destination.country': [...COUNTRIES, ...MEMBER_STATES, 'US'],
  'endUser.country': [...COUNTRIES, ...MEMBER_STATES, 'US'],
  'endUser.name': ['Ministry of the Interior', 'Metro Telecom'],
  'item.annexIEntries': ['5A001.j', '4A005'],
  stateRule: RULE_POSITIONS,
  ruleKnown: RULE_POSITIONS,
  endUserCategory: END_USER_CATEGORIES,
};

type Polarity = 1 | -1;

/** Operators by fact type; for a fact a raise can change, in a monotone ruleset, those of its polarity only. */
const OPERATORS: Readonly<Record<Exclude<FactType, 'records'>, readonly OperatorName[]>> = {
  boolean: ['equal', 'notEqual', 'in', 'notIn'],
  string: ['equal', 'notEqual', 'in', 'notIn'],
  number: ['equal', 'notEqual', 'in', 'notIn', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive'],
  list: ['contains', 'doesNotContain', 'containsAny', 'containsNone'],
  level: ['equal', 'notEqual', 'in', 'notIn', 'atLeast', 'below'],
};
const RAISING: Readonly<Record<Polarity, readonly OperatorName[]>> = {
  1: ['contains', 'containsAny', 'greaterThan', 'greaterThanInclusive', 'atLeast'],
  [-1]: ['doesNotContain', 'containsNone', 'lessThan', 'lessThanInclusive', 'below'],
};
const MANY: readonly OperatorName[] = ['in', 'notIn', 'containsAny', 'containsNone'];

/**
 * The named conditions, rules and notes of a generated ruleset, over the facts, catalogues, scales and thresholds of
 * its skeleton (see `rulesetArbitrary`).
 */
export function rulesArbitrary(
  skeleton: RulesetDocument,
  options: { readonly monotone: boolean; readonly maxRules: number },
): fc.Arbitrary<Pick<RulesetDocument, 'conditions' | 'rules' | 'notes'>> {
  const comparables = comparablesOf(skeleton);
  const { monotone } = options;
  const steady = comparables.filter((fact) => !fact.raisable);
  const precedence = (outcome: Outcome) => skeleton.outcomes?.[outcome]?.precedence ?? 0;
  const fallback = skeleton.fallback?.outcome as Outcome;
  const outcomes = (Object.keys(skeleton.outcomes ?? {}) as Outcome[]).filter(
    (outcome) => !monotone || precedence(outcome) >= precedence(fallback),
  );
  return fc.integer({ min: 0, max: 2 }).chain((namedCount) => {
    const names = Array.from({ length: namedCount }, (_, index) => `named-${index}`);
    // A named condition reads only what a raise leaves alone in a monotone ruleset: it may be used under `not`.
    const named = fc.tuple(
      ...names.map((_, index) => tree(monotone ? steady : comparables, names.slice(0, index), 2, 1, false)),
    );
    type Rule = { readonly outcome: Outcome; readonly when: ConditionDefinition };
    const rule = fc
      .record({ outcome: fc.constantFrom(...outcomes), when: tree(comparables, names, 3, 1, monotone) })
      .chain(({ outcome, when }): fc.Arbitrary<Rule> =>
        // A rule deciding insufficient_information says what to ask: it cannot hold while its `ask` part is false.
        outcome === UNDECIDED_OUTCOME
          ? comparison(comparables, 1, monotone).map((asked) => ({
              outcome,
              when: { all: [when, { ...asked, ask: true }] },
            }))
          : fc.constant({ outcome, when }),
      );
    return fc
      .record({
        named,
        rules: fc.array(rule, { minLength: 1, maxLength: options.maxRules }),
        notes: fc.array(tree(comparables, names, 2, 1, false), { maxLength: 2 }),
      })
      .map(({ named: whens, rules, notes }) => ({
        ...(names.length === 0
          ? {}
          : {
              conditions: Object.fromEntries(
                names.map((name, index): [string, NamedConditionDefinition] => [
                  name,
                  { title: name, citation: CITE, when: whens[index] as ConditionDefinition },
                ]),
              ),
            }),
        rules: rules.map((rule, index): RuleDefinition => ({
          id: `rule-${index}`,
          title: `Rule ${index}`,
          summary: `Rule ${index} holds.`,
          outcome: rule.outcome,
          citation: CITE,
          when: rule.when as ConditionDefinition,
        })),
        ...(notes.length === 0
          ? {}
          : {
              notes: notes.map((when, index): NoteDefinition => ({
                id: `note-${index}`,
                text: `Note ${index}.`,
                citation: CITE,
                when,
              })),
            }),
      }));
  });
}

/** A condition tree of at most `depth` levels of groups; `monotone` keeps comparisons of raisable facts to `polarity`. */
function tree(
  comparables: readonly Comparable[],
  names: readonly string[],
  depth: number,
  polarity: Polarity,
  monotone: boolean,
): fc.Arbitrary<ConditionDefinition> {
  const leaf: fc.Arbitrary<ConditionDefinition> =
    names.length === 0
      ? comparison(comparables, polarity, monotone)
      : fc.oneof(
          { arbitrary: comparison(comparables, polarity, monotone), weight: 4 },
          { arbitrary: fc.constantFrom(...names).map((condition) => ({ condition })), weight: 1 },
        );
  if (depth === 0) return leaf;
  const child = (sign: Polarity) => tree(comparables, names, depth - 1, sign, monotone);
  return fc.oneof(
    { arbitrary: leaf, weight: 3 },
    { arbitrary: fc.array(child(polarity), { minLength: 1, maxLength: 3 }).map((all) => ({ all })), weight: 2 },
    { arbitrary: fc.array(child(polarity), { minLength: 1, maxLength: 3 }).map((any) => ({ any })), weight: 2 },
    { arbitrary: child(polarity === 1 ? -1 : 1).map((not) => ({ not })), weight: 1 },
  );
}

/** A comparison the compiler accepts: an operator that fits the fact, against values the fact can hold. */
function comparison(
  comparables: readonly Comparable[],
  polarity: Polarity,
  monotone: boolean,
): fc.Arbitrary<FactConditionDefinition> {
  // Derived facts three times as often as input facts: they are where the ruleset's data and records meet. In a
  // monotone ruleset, what a raise changes three times as often again: it is what the ruleset is monotone in.
  const facts = fc.oneof(
    ...comparables.map((fact) => ({
      arbitrary: fc.constant(fact),
      weight: (fact.derived ? 3 : 1) * (monotone && fact.raisable ? 3 : 1),
    })),
  );
  return facts.chain((fact) => {
    const operators = OPERATORS[fact.type as Exclude<FactType, 'records'>].filter(
      (operator) => !(monotone && fact.raisable) || RAISING[polarity].includes(operator),
    );
    return fc.constantFrom(...operators).chain((operator): fc.Arbitrary<FactConditionDefinition> => {
      if (MANY.includes(operator))
        return fc.subarray([...fact.values], { minLength: 1 }).map((value) => ({ fact: fact.id, operator, value }));
      const one = fc.constantFrom(...fact.values);
      const value =
        fact.threshold === undefined || (fact.type === 'level' && (operator === 'equal' || operator === 'notEqual'))
          ? one
          : fc.oneof(one, fc.constant({ threshold: fact.threshold }));
      return value.map((chosen) => ({ fact: fact.id, operator, value: chosen }));
    });
  });
}

/** The facts of the skeleton a condition can compare (not records), each with values it can hold. */
function comparablesOf(skeleton: RulesetDocument): Comparable[] {
  const context = createRulesetContext(skeleton);
  const facts = skeleton.facts ?? {};
  const raisable = (id: string, depth = 0): boolean => {
    if (id === 'redFlags' || id === 'findings') return true;
    const derive = facts[id]?.derive;
    return derive !== undefined && depth < 10 && derivationInputs(derive).some((input) => raisable(input, depth + 1));
  };
  return Object.entries(facts).flatMap(([id, fact]): Comparable[] => {
    if (fact.type === 'records') return [];
    const allowed =
      fact.type === 'level' ? context.scaleLevels.get(scaleOf(context, id) ?? '') : allowedValues(context, id);
    const values: readonly ScalarValue[] =
      fact.type === 'boolean'
        ? [true, false]
        : fact.type === 'number'
          ? [0, 1, 2, 3, 5]
          : (PREFERRED[id]?.filter((value) => allowed === undefined || allowed.includes(value as string)) ??
            allowed ??
            []);
    if (values.length === 0) return [];
    const threshold =
      fact.type === 'number'
        ? 'score'
        : fact.type === 'level' && scaleOf(context, id) === 'knowledge'
          ? 'level'
          : undefined;
    return [
      {
        id,
        type: fact.type,
        values,
        raisable: raisable(id),
        derived: fact.derive !== undefined,
        ...(threshold === undefined ? {} : { threshold }),
      },
    ];
  });
}
