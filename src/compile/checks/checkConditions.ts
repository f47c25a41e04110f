import type { Issue, IssuePath } from '../../errors/issue';
import { OPERATOR_SPECS } from '../../model/operators';
import type { FactConditionDefinition, ScalarValue } from '../../types/ruleset';
import { conditionRange } from '../conditionRange';
import {
  allowedValues,
  conditionRoots,
  isFactCondition,
  scaleOf,
  walkCondition,
  type RulesetContext,
} from '../rulesetContext';
import { findReferenceCycles, namedConditionReferences } from './conditionGraph';

/**
 * Every comparison must read a declared fact with an operator that fits its type, against values the fact can hold;
 * named conditions must exist and not refer to themselves; `ask` markers must make sense.
 */
export function checkConditions(context: RulesetContext): Issue[] {
  const issues: Issue[] = [];
  const named = context.document.conditions ?? {};
  for (const root of conditionRoots(context.document)) {
    for (const { node, path } of walkCondition(root.node, root.path)) {
      if ('condition' in node && !Object.hasOwn(named, node.condition)) {
        issues.push({
          path: [...path, 'condition'],
          code: 'undeclared_condition',
          condition: node.condition,
          message: `The named condition "${node.condition}" is not declared in "conditions".`,
        });
      }
      if (isFactCondition(node)) issues.push(...checkComparison(context, node, path));
    }
  }
  const cycles = checkNamedConditionCycles(context);
  return [...issues, ...cycles, ...(cycles.length === 0 ? checkAskMarkers(context) : [])];
}

function checkComparison(context: RulesetContext, node: FactConditionDefinition, path: IssuePath): Issue[] {
  const fact = context.facts.get(node.fact);
  if (fact === undefined)
    return [
      {
        path: [...path, 'fact'],
        code: 'undeclared_fact',
        fact: node.fact,
        message: `The fact "${node.fact}" is not declared in "facts".`,
      },
    ];
  const spec = OPERATOR_SPECS[node.operator];
  if (!spec.factTypes.includes(fact.type)) {
    return [
      {
        path: [...path, 'operator'],
        code: 'operator_type_mismatch',
        fact: node.fact,
        operator: node.operator,
        message:
          `"${node.operator}" does not apply to "${node.fact}", a ${fact.type} fact (it applies to ` +
          `${spec.factTypes.join(', ')} facts).`,
      },
    ];
  }
  let values: readonly ScalarValue[];
  if (typeof node.value === 'object' && !Array.isArray(node.value)) {
    const thresholdId = (node.value as { threshold: string }).threshold;
    const thresholds = context.document.thresholds ?? {};
    const threshold = Object.hasOwn(thresholds, thresholdId) ? thresholds[thresholdId] : undefined;
    if (threshold === undefined)
      return [
        {
          path: [...path, 'value', 'threshold'],
          code: 'undeclared_threshold',
          threshold: thresholdId,
          message: `The threshold "${thresholdId}" is not declared in "thresholds".`,
        },
      ];
    if (spec.value === 'many')
      return [
        {
          path: [...path, 'value'],
          code: 'value_type_mismatch',
          fact: node.fact,
          message: `"${node.operator}" compares with a list of values, not a threshold.`,
        },
      ];
    if (threshold.scale !== undefined && threshold.scale !== scaleOf(context, node.fact)) {
      return [
        {
          path: [...path, 'value', 'threshold'],
          code: 'value_type_mismatch',
          fact: node.fact,
          message:
            `The threshold "${thresholdId}" is a level of the scale "${threshold.scale}", which ` +
            `"${node.fact}" does not use.`,
        },
      ];
    }
    values = [threshold.value];
  } else if (Array.isArray(node.value) !== (spec.value === 'many')) {
    return [
      {
        path: [...path, 'value'],
        code: 'value_type_mismatch',
        fact: node.fact,
        message:
          spec.value === 'many'
            ? `"${node.operator}" compares with a list of values.`
            : `"${node.operator}" compares with a single value, not a list.`,
      },
    ];
  } else {
    values = Array.isArray(node.value) ? (node.value as readonly ScalarValue[]) : [node.value as ScalarValue];
  }
  const issues: Issue[] = [];
  const elementType = fact.type === 'boolean' ? 'boolean' : fact.type === 'number' ? 'number' : 'string';
  const allowed =
    fact.type === 'level'
      ? context.scaleLevels.get(scaleOf(context, node.fact) ?? '')
      : allowedValues(context, node.fact);
  values.forEach((value, index) => {
    const at = Array.isArray(node.value) ? [...path, 'value', index] : [...path, 'value'];
    if (typeof value !== elementType) {
      issues.push({
        path: at,
        code: 'value_type_mismatch',
        fact: node.fact,
        message:
          `"${node.fact}" holds ${elementType === 'string' ? 'strings' : `${elementType}s`}; ` +
          `${JSON.stringify(value)} can never match.`,
      });
    } else if (allowed !== undefined && !allowed.includes(value as string)) {
      issues.push({
        path: at,
        code: 'unknown_value',
        fact: node.fact,
        message:
          `"${node.fact}" never holds ` +
          `${JSON.stringify(value)}.${allowed.length <= 20 ? ` Its values: ${allowed.join(', ')}.` : ''}`,
      });
    }
  });
  return issues;
}

function checkNamedConditionCycles(context: RulesetContext): Issue[] {
  return findReferenceCycles(namedConditionReferences(context.document)).map((trail) => ({
    path: ['conditions', trail[trail.length - 1] as string],
    code: 'condition_cycle',
    cycle: trail,
    message: `Named conditions refer to each other in a cycle: ${trail.join(' → ')}.`,
  }));
}

/**
 * A rule that decides the `undecided` outcome must say what to ask: with every `ask` comparison false, it must not be
 * able to hold. Then, whenever it holds, at least one `ask` comparison is not false and becomes a question. (Parts of
 * such a rule that can only be unknown or false, such as "this element is not one of true or false" while it is
 * unanswered, never make it hold; they keep it open, and their facts are asked while it is contested.)
 * A rule with another outcome never lists questions, so `ask` in it has no effect and is refused.
 */
function checkAskMarkers(context: RulesetContext): Issue[] {
  const { document } = context;
  const issues: Issue[] = [];
  (document.rules ?? []).forEach((rule, index) => {
    const path = ['rules', index];
    if (rule.outcome === document.undecided) {
      if (conditionRange(context, rule.when, { askFalse: true }).highest === 'true') {
        issues.push({
          path: [...path, 'when'],
          code: 'missing_ask',
          message:
            `The rule decides "${rule.outcome}" but can hold without any "ask" condition that is not ` +
            `false, so it could leave the exporter with no question to answer. Mark the conditions that ` +
            `say what is missing with "ask": true.`,
        });
      }
      return;
    }
    for (const { node, path: at } of walkCondition(rule.when, [...path, 'when'])) {
      if (isFactCondition(node) && node.ask === true) {
        issues.push({
          path: [...at, 'ask'],
          code: 'ask_without_effect',
          message: `"ask" only has an effect in rules that decide "${document.undecided ?? 'the undecided outcome'}".`,
        });
      }
    }
  });
  return issues;
}
