import type { IssuePath } from '../issuePath';
import type { IssueArea, IssueCodeDoc } from './area';

/**
 * The codes of ids and references in a ruleset document (each id declared once, each reference to a declared id, no
 * cycles): each code's fields beyond `path`, `code` and `message`.
 */
export interface ReferenceIssuePayloads {
  duplicate_id: { readonly id: string; readonly first: IssuePath };
  undeclared_fact: { readonly fact: string };
  undeclared_outcome: { readonly outcome: string };
  undeclared_condition: { readonly condition: string };
  undeclared_threshold: { readonly threshold: string };
  undeclared_scale: { readonly scale: string };
  undeclared_source: { readonly source: string };
  undeclared_catalogue: { readonly catalogue: string };
  undeclared_catalogue_entry: { readonly catalogue: string; readonly entry: string };
  undeclared_attribute: { readonly attribute: string };
  undeclared_duty: { readonly duty: string };
  undeclared_extension_point: { readonly extensionPoint: string };
  unknown_input_fact: { readonly fact: string };
  unused_duty: { readonly duty: string };
  condition_cycle: { readonly cycle: readonly string[] };
  derivation_cycle: { readonly cycle: readonly string[] };
}

const checks = (name: string) => `compile/checks/${name}`;

const undeclared = (what: string, section: string, raisedIn: readonly string[], example: IssuePath): IssueCodeDoc => ({
  means: `A reference to a ${what} that \`${section}\` does not declare.`,
  raisedIn,
  example,
  fix: `Declare it in \`${section}\`, or correct the reference (ids are case-sensitive).`,
});

/** How the codes of ids and references are documented. */
export const REFERENCE_ISSUES: IssueArea<ReferenceIssuePayloads> = {
  title: 'Ruleset documents: ids and references',
  reportedBy:
    '`RulesetError` from `compileRuleset` and `createRulesetRegistry().register`: semantic checks on a document the ' +
    'schema accepts. An issue in an overlay has a path under `overlays/<index>`.',
  codes: {
    duplicate_id: {
      means: 'A rule, note, catalogue entry or scale level id used twice (`first` is the path of the first use).',
      raisedIn: [checks('checkUniqueIds')],
      example: ['rules', 4, 'id'],
      fix: 'Give each its own id; traces and citations name them.',
    },
    undeclared_fact: undeclared(
      'fact',
      'facts',
      [checks('checkConditions'), checks('checkFacts'), checks('checkAuthority')],
      ['rules', 0, 'when', 'fact'],
    ),
    undeclared_outcome: undeclared('outcome', 'outcomes', [checks('checkOutcomes')], ['rules', 0, 'outcome']),
    undeclared_condition: undeclared(
      'named condition',
      'conditions',
      [checks('checkConditions')],
      ['rules', 0, 'when', 'condition'],
    ),
    undeclared_threshold: undeclared(
      'threshold',
      'thresholds',
      [checks('checkConditions')],
      ['rules', 0, 'when', 'value', 'threshold'],
    ),
    undeclared_scale: undeclared(
      'scale',
      'scales',
      [checks('checkThresholds'), checks('checkFacts')],
      ['thresholds', 'aware', 'scale'],
    ),
    undeclared_source: undeclared('source', 'sources', [checks('checkCitations')], ['rules', 0, 'citation', 'source']),
    undeclared_catalogue: undeclared(
      'catalogue',
      'catalogues',
      [checks('checkFacts'), checks('checkAnswers'), checks('checkAuthority'), 'compile/composeOverlays'],
      ['facts', 'redFlags', 'answers', 'catalogue'],
    ),
    undeclared_catalogue_entry: {
      means: 'An overlay states an attribute of a catalogue entry the catalogue does not have.',
      raisedIn: ['compile/composeOverlays'],
      example: ['overlays', 0, 'attributes', 0, 'entry'],
      fix: 'Correct the entry id, or add the entry to the catalogue.',
    },
    undeclared_attribute: {
      means: 'An attribute no entry of the catalogue has (or, from an overlay, one the base does not record as null).',
      raisedIn: [
        checks('checkFacts'),
        checks('checkAuthority'),
        checks('checkCatalogueAttributes'),
        'compile/composeOverlays',
      ],
      example: ['facts', 'destination.memberState', 'derive', 'attribute'],
      fix: 'Correct the attribute name, or add the attribute to the catalogue entries.',
    },
    undeclared_duty: undeclared(
      'duty',
      'duties',
      [checks('checkDuties')],
      ['outcomes', 'authorisation_required', 'duties', 0],
    ),
    undeclared_extension_point: {
      means: 'An overlay rule names an extension point the base ruleset does not declare.',
      raisedIn: [checks('checkOverlayRules')],
      example: ['overlays', 0, 'rules', 0, 'extensionPoint'],
      fix: "Use one of the base's `extensionPoints`, or leave `extensionPoint` out and decide an outcome that adds duties.",
    },
    unknown_input_fact: {
      means: 'A fact without `derive` whose id is not a transaction field.',
      raisedIn: [checks('checkFacts')],
      example: ['facts', 'item.specialyDesigned'],
      fix: 'Name input facts by their transaction path (e.g. `item.speciallyDesigned`), or add `derive`.',
    },
    unused_duty: {
      means: 'A duty is declared but no outcome carries it.',
      raisedIn: [checks('checkDuties')],
      example: ['duties', 'notify'],
      fix: "List it in an outcome's `duties`, or remove it.",
    },
    condition_cycle: {
      means: 'Named conditions refer to each other in a cycle (`cycle` lists it).',
      raisedIn: [checks('checkConditions')],
      example: ['conditions', 'aware'],
      fix: 'Break the cycle: one of the conditions must not refer back.',
    },
    derivation_cycle: {
      means: 'Derived facts depend on each other in a cycle (`cycle` lists it).',
      raisedIn: [checks('checkFacts')],
      example: ['facts', 'destination.memberState', 'derive'],
      fix: 'Break the cycle: one of the facts must not read the other.',
    },
  },
};
