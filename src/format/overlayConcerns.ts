import type { Assessment, ConditionTrace, RulesetReference } from '../types/assessment';
import type { OverlayScope } from '../types/compiledRuleset';

/**
 * Whether a composed overlay concerns the exporter: `yes`, `no`, or `may` when it cannot be told (whose exporters the
 * overlay concerns, or the exporter's competent member state, is not known). Unknown is not false: `may` is shown.
 */
export type OverlayConcern = 'yes' | 'no' | 'may';

/** A composed overlay as a report names it: whether it concerns this exporter, and why, in a few words. */
export interface OverlayInReport {
  readonly overlay: RulesetReference['overlays'][number];
  readonly concerns: OverlayConcern;
  /** E.g. `concerns exporters in DE`, or `composed for replay; concerns exporters in DE, not FR`. */
  readonly note: string;
}

/**
 * Each overlay the assessment's ruleset composes, in order, with whether it concerns this exporter. Every overlay rule
 * is limited to the member states in the overlay's `appliesTo` (the compiler checks it), so an overlay concerns the
 * exporter when the competent member state is one of them: the assessment's competent authority's, else the value of
 * the base's member-state fact as the trace shows it. An overlay without `appliesTo` concerns every exporter.
 *
 * @param assessment - The assessment the report is of.
 * @param scopes - `overlayScopes` of the ruleset it was made with, when at hand; an overlay they do not name (by
 * sha256) may concern the exporter.
 * @param memberStateFact - The base's `authority.memberStateFact`, when the ruleset is at hand.
 */
export function overlaysInReport(
  assessment: Assessment,
  scopes: readonly OverlayScope[] | undefined,
  memberStateFact: string | undefined,
): OverlayInReport[] {
  const memberState = competentMemberState(assessment, memberStateFact);
  return assessment.ruleset.overlays.map((overlay) => {
    const scope = scopes?.find((candidate) => candidate.id === overlay.id && candidate.sha256 === overlay.sha256);
    if (scope === undefined)
      return {
        overlay,
        concerns: 'may',
        note: 'may concern this exporter: whose exporters it concerns is not known without the ruleset it was composed in',
      };
    if (scope.appliesTo === undefined) return { overlay, concerns: 'yes', note: 'concerns every exporter' };
    const states = scope.appliesTo.memberStates.join(', ');
    if (memberState === undefined)
      return {
        overlay,
        concerns: 'may',
        note: `may concern this exporter: concerns exporters in ${states}, and the competent member state is not known yet`,
      };
    return scope.appliesTo.memberStates.includes(memberState)
      ? { overlay, concerns: 'yes', note: `concerns exporters in ${states}` }
      : { overlay, concerns: 'no', note: `composed for replay; concerns exporters in ${states}, not ${memberState}` };
  });
}

/** The competent member state: the competent authority's, else the member-state fact's value wherever the trace tests it. */
function competentMemberState(assessment: Assessment, memberStateFact: string | undefined): string | undefined {
  if (assessment.competentAuthority !== undefined) return assessment.competentAuthority.memberState;
  if (memberStateFact === undefined) return undefined;
  for (const step of assessment.trace) {
    const found = valueTested(step.conditions, memberStateFact);
    if (found !== undefined) return found;
  }
  return undefined;
}

function valueTested(condition: ConditionTrace, fact: string): string | undefined {
  switch (condition.type) {
    case 'fact':
      return condition.fact === fact && typeof condition.actual === 'string' ? condition.actual : undefined;
    case 'all':
    case 'any':
      for (const child of condition.conditions) {
        const found = valueTested(child, fact);
        if (found !== undefined) return found;
      }
      return undefined;
    case 'not':
    case 'named':
      return valueTested(condition.condition, fact);
  }
}
