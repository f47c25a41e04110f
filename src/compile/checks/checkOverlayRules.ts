import type { Issue } from '../../errors/issue';
import type { ConditionDefinition, RulesetDocument } from '../../types/ruleset';

/** The sections only a base ruleset declares: the meaning and ranking of outcomes, and what an overlay may do. */
const BASE_ONLY = ['outcomes', 'undecided', 'fallback', 'authority', 'duties', 'extensionPoints'] as const;

/**
 * An overlay may not silently defeat its base (issue 19, D11):
 * - it names the member states it concerns (`appliesTo`), and each of its rules tests the base's competent member
 *   state (`authority.memberStateFact`) against them, as the condition itself or a part of its top-level `all`, so that
 *   composing it never changes an answer for exporters elsewhere;
 * - its rules may add obligations: decide an outcome that involves the authority, or the base's undecided outcome.
 *   Deciding an outcome that imposes nothing (for Article 5: no obligation, not applicable) could lower or replace what
 *   the base decides, so a rule may do that only through an extension point the base declares for that outcome
 *   (`extensionPoint`), which every trace then shows on the rule's step.
 * The overlay's attributes are checked where they are composed (`composeOverlays`).
 */
export function checkOverlayRules(base: RulesetDocument, overlays: readonly RulesetDocument[]): Issue[] {
  const issues: Issue[] = [];
  overlays.forEach((overlay, index) => {
    const at = ['overlays', index] as const;
    const memberStates = overlay.appliesTo?.memberStates;
    const gateFact = base.authority?.memberStateFact;
    const rules = overlay.rules ?? [];
    for (const section of BASE_ONLY) {
      if (overlay[section] !== undefined)
        issues.push({
          path: [...at, section],
          code: 'invalid_section',
          section,
          message: `"${section}" belongs to the base ruleset; an overlay only adds rules, notes, facts, data and attributes.`,
        });
    }
    if (memberStates === undefined && (rules.length > 0 || (overlay.attributes ?? []).length > 0)) {
      issues.push({
        path: [...at, 'appliesTo'],
        code: 'missing_property',
        property: 'appliesTo',
        message:
          `The overlay "${overlay.id}" adds rules or attributes, so it must name the member states whose ` +
          `exporters it concerns in "appliesTo".`,
      });
    }
    rules.forEach((rule, ruleIndex) => {
      const path = [...at, 'rules', ruleIndex];
      if (memberStates !== undefined && !isGated(rule.when, gateFact, memberStates)) {
        issues.push({
          path: [...path, 'when'],
          code: 'overlay_not_gated',
          memberStates,
          message:
            gateFact === undefined
              ? `The base ruleset "${base.id}" names no competent member state ("authority"), so an overlay rule ` +
                `cannot be limited to the member states in "appliesTo".`
              : `The rule must test "${gateFact}" against the overlay's member states (${memberStates.join(', ')}): ` +
                `as its condition, or as a part of its top-level "all", with "equal" or "in" and only those ` +
                `member states. Otherwise composing the overlay changes answers for exporters elsewhere.`,
        });
      }
      const point = rule.extensionPoint === undefined ? undefined : base.extensionPoints?.[rule.extensionPoint];
      if (rule.extensionPoint !== undefined && point === undefined) {
        issues.push({
          path: [...path, 'extensionPoint'],
          code: 'undeclared_extension_point',
          extensionPoint: rule.extensionPoint,
          message: `The base ruleset "${base.id}" declares no extension point "${rule.extensionPoint}".`,
        });
      } else if (point !== undefined && !point.outcomes.includes(rule.outcome)) {
        issues.push({
          path: [...path, 'outcome'],
          code: 'overlay_lowers_base',
          outcome: rule.outcome,
          message:
            `The extension point "${rule.extensionPoint ?? ''}" lets overlay rules decide ` +
            `${point.outcomes.join(', ')}, not ${rule.outcome}.`,
        });
      } else if (point === undefined && !imposesSomething(base, rule.outcome)) {
        issues.push({
          path: [...path, 'outcome'],
          code: 'overlay_lowers_base',
          outcome: rule.outcome,
          message:
            `An overlay rule may add obligations (an outcome that involves the authority, or "${base.undecided ?? ''}"); ` +
            `"${rule.outcome}" imposes nothing and could lower or replace what the base decides. Use an extension ` +
            `point the base declares for it ("extensionPoint"), if there is one.`,
        });
      }
    });
  });
  return issues;
}

/** Whether deciding an outcome asks something of the exporter: it involves the authority, or it is the undecided outcome. */
function imposesSomething(base: RulesetDocument, outcome: string): boolean {
  return (
    base.outcomes?.[outcome as keyof typeof base.outcomes]?.involvesAuthority === true || base.undecided === outcome
  );
}

/** Whether a condition is false for every known member state outside `memberStates`. */
function isGated(
  condition: ConditionDefinition,
  gateFact: string | undefined,
  memberStates: readonly string[],
): boolean {
  if (gateFact === undefined) return false;
  const gates = (part: ConditionDefinition) => {
    if (!('fact' in part) || part.fact !== gateFact) return false;
    const { operator, value } = part;
    if (operator === 'equal') return typeof value === 'string' && memberStates.includes(value);
    if (operator === 'in')
      return Array.isArray(value) && value.every((entry) => typeof entry === 'string' && memberStates.includes(entry));
    return false;
  };
  return gates(condition) || ('all' in condition && condition.all.some(gates));
}
