import type { IssueArea } from './area';

/** The codes of overlays that cannot be composed with their base: each code's fields beyond `path`, `code` and `message`. */
export interface OverlayIssuePayloads {
  overlay_conflict: { readonly overlay: string };
  overlay_mismatch: { readonly overlay: string };
  overlay_outside_validity: Record<never, never>;
  overlay_not_gated: { readonly memberStates: readonly string[] };
  overlay_lowers_base: { readonly outcome: string };
}

const COMPOSE = 'compile/composeOverlays';
const RULES = 'compile/checks/checkOverlayRules';

/** How the codes of overlays are documented. */
export const OVERLAY_ISSUES: IssueArea<OverlayIssuePayloads> = {
  title: 'Overlays',
  reportedBy:
    '`RulesetError` from `compileRuleset(base, { overlays })` and from a registry composing what is registered; ' +
    'paths start at `overlays/<index>`.',
  codes: {
    overlay_conflict: {
      means:
        'The overlay (`overlay` is its id) redefines something the base or an earlier overlay defines differently.',
      raisedIn: [COMPOSE],
      example: ['overlays', 0, 'facts', 'destination.memberState'],
      fix: 'Overlays only add: give the new definition its own id, or state only attributes the base leaves null.',
    },
    overlay_mismatch: {
      means: 'The overlay extends another base ruleset than the one given.',
      raisedIn: [COMPOSE],
      example: ['overlays', 0, 'extends'],
      fix: 'Compose it with the base it names in `extends`.',
    },
    overlay_outside_validity: {
      means: 'No day lies within the validity of the base and of every overlay.',
      raisedIn: [COMPOSE],
      example: ['overlays'],
      fix: 'Compose versions whose validity windows overlap.',
    },
    overlay_not_gated: {
      means:
        "An overlay rule or attribute that is not limited to the member states in the overlay's `appliesTo` " +
        '(`memberStates`), so composing it would change answers for exporters elsewhere.',
      raisedIn: [RULES, COMPOSE],
      example: ['overlays', 0, 'rules', 0, 'when'],
      fix: "Test the base's competent member state fact against those member states in the rule's top-level `all`.",
    },
    overlay_lowers_base: {
      means: 'An overlay rule decides an outcome (`outcome`) that imposes nothing, outside any extension point for it.',
      raisedIn: [RULES],
      example: ['overlays', 0, 'rules', 0, 'outcome'],
      fix: 'Decide an outcome that adds duties, or use an extension point the base declares for this outcome.',
    },
  },
};
