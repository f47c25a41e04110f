import { INPUT_FACTS } from '../transaction/inputFacts';
import type { TruthValue } from '../types/assessment';
import type {
  ConditionDefinition,
  FactConditionDefinition,
  NamedConditionDefinition,
  ScalarValue,
} from '../types/ruleset';
import { allowedValues, type RulesetContext } from './rulesetContext';

/** The truth values a condition can take, as a range in the order false < unknown < true. */
export interface TruthRange {
  readonly lowest: TruthValue;
  readonly highest: TruthValue;
}

const RANK: Readonly<Record<TruthValue, number>> = { false: 0, unknown: 1, true: 2 };
const BY_RANK: readonly TruthValue[] = ['false', 'unknown', 'true'];
const lower = (a: TruthValue, b: TruthValue) => (RANK[a] <= RANK[b] ? a : b);
const higher = (a: TruthValue, b: TruthValue) => (RANK[a] >= RANK[b] ? a : b);

/**
 * What a condition can evaluate to over every transaction and every value of the ruleset's data, with every `ask`
 * comparison false when `askFalse` is set: conjunction takes the lower bounds, disjunction the higher, negation flips
 * the range. A comparison that holds for every value its fact can take (`in` with all of them, "is not empty" on free
 * text) can be true or unknown, never false; `notIn` with all of them never true. Any other comparison can be anything.
 *
 * The range is sound, not tight: the condition never takes a value outside it. So a condition whose highest value is
 * `unknown` never holds; it can only stay open while a fact it reads is unanswered.
 */
export function conditionRange(
  context: RulesetContext,
  node: ConditionDefinition,
  options: { readonly askFalse: boolean },
): TruthRange {
  if ('all' in node || 'any' in node) {
    const children = ('all' in node ? node.all : node.any).map((child) => conditionRange(context, child, options));
    const combine = 'all' in node ? lower : higher;
    return {
      lowest: children.map((child) => child.lowest).reduce(combine),
      highest: children.map((child) => child.highest).reduce(combine),
    };
  }
  if ('not' in node) {
    const { lowest, highest } = conditionRange(context, node.not, options);
    return { lowest: BY_RANK[2 - RANK[highest]] as TruthValue, highest: BY_RANK[2 - RANK[lowest]] as TruthValue };
  }
  if ('condition' in node) {
    const named = context.document.conditions ?? {};
    return Object.hasOwn(named, node.condition)
      ? conditionRange(context, (named[node.condition] as NamedConditionDefinition).when, options)
      : { lowest: 'false', highest: 'true' };
  }
  if (options.askFalse && node.ask === true) return { lowest: 'false', highest: 'false' };
  if ((node.operator === 'in' || node.operator === 'notIn') && coversEveryValue(context, node)) {
    return node.operator === 'in' ? { lowest: 'unknown', highest: 'true' } : { lowest: 'false', highest: 'unknown' };
  }
  // A free-text field is never empty (the transaction refuses an empty text), so "is not empty" holds once it is given.
  if (node.operator === 'notEqual' && node.value === '' && isFreeText(context, node.fact))
    return { lowest: 'unknown', highest: 'true' };
  return { lowest: 'false', highest: 'true' };
}

/** Whether a fact is a free-text transaction field: a string input fact with no fixed values and no catalogue. */
function isFreeText(context: RulesetContext, factId: string): boolean {
  const fact = context.facts.get(factId);
  const input = INPUT_FACTS.get(factId);
  return (
    fact !== undefined &&
    fact.derive === undefined &&
    fact.answers?.catalogue === undefined &&
    input?.type === 'string' &&
    input.values === undefined
  );
}

/**
 * Whether a comparison's list holds every value its fact can take once known: both booleans for a boolean fact, every
 * allowed value for a transaction field (the transaction refuses any other). Not for a derived string fact: its
 * allowed values are those its catalogue's entries have, and an attribute the ruleset's data leaves `null` (not known)
 * may turn out to be another.
 */
function coversEveryValue(context: RulesetContext, node: FactConditionDefinition): boolean {
  if (!Array.isArray(node.value)) return false;
  const fact = context.facts.get(node.fact);
  if (fact === undefined) return false;
  const listed = node.value as readonly ScalarValue[];
  if (fact.type === 'boolean') return listed.includes(true) && listed.includes(false);
  const domain = fact.derive === undefined ? allowedValues(context, node.fact) : undefined;
  return domain !== undefined && domain.length > 0 && domain.every((value) => listed.includes(value));
}
