/**
 * `dual-use-rules/testing`: a property-test kit for rulesets, built on fast-check. Generate transactions for any
 * ruleset, check the invariants every ruleset (and every Article 5 ruleset) must keep, check soundness of
 * `possibleOutcomes`, monotonicity and order independence over transactions (and data) generated from the ruleset
 * itself, generate whole valid rulesets, and compare two rulesets by the transactions whose outcome changes. Node.js
 * and test runners only; the main entry does not import it.
 *
 * @module dual-use-rules/testing
 */
export {
  catalogueEntryArbitrary,
  completeTransactionArbitrary,
  partialTransactionArbitrary,
  sharedVocabulary,
  vocabularyOf,
} from './arbitraries';
export { UNKNOWABLE_FIELDS, withUnknown } from './withUnknown';
export { ARTICLE_5_INVARIANTS, ARTICLE_5_RULESET_IDS } from './article5Invariants';
export { checkInvariants, defaultInvariants } from './checkInvariants';
export { declaredInvariants, parseInvariants } from './declaredInvariants';
export { InvariantViolation } from './InvariantViolation';
export { GENERAL_INVARIANTS, QUESTIONS_ANSWERABLE } from './invariants';
export { diffRulesets } from './diff/diffRulesets';
export { checkExpectedChanges, parseExpectedChanges } from './diff/expectedChanges';
export { formatRulesetDiff } from './diff/formatRulesetDiff';
export { staticDiff } from './diff/staticDiff';
export { checkScenario, isVersionOrCorrection } from './scenarios/checkScenario';
export { parseScenarioFile } from './scenarios/scenarioFile';
export {
  checkMonotonicity,
  checkOrderIndependence,
  checkSoundness,
  PropertyViolation,
} from './generative/checkSoundness';
export { dataCompletions } from './generative/dataCompletions';
export { loweringFailure, orderFailure, soundnessFailure } from './generative/properties';
export { rulesetArbitrary } from './generative/rulesetArbitrary';
export { transactionSpace } from './generative/transactionSpace';

export type { TransactionVocabulary } from './arbitraries';
export type { UnknowableField } from './withUnknown';
export type { CheckInvariantsOptions, InvariantReport } from './checkInvariants';
export type { InvariantsFile } from './declaredInvariants';
export type { Invariant, InvariantBase, JsonValue, TransactionEdit, ValueChoice } from './invariants';
export type { DiffOptions, OutcomeChange, RuleDifference, RulesetDiff } from './diff/diffRulesets';
export type { ExpectationCheck, ExpectedChange, ExpectedChanges } from './diff/expectedChanges';
export type { RulesetSection, StaticChange } from './diff/staticDiff';
export type { ScenarioMismatch } from './scenarios/checkScenario';
export type { Scenario, ScenarioExpectation } from './scenarios/scenarioFile';
export type { PropertyCheckOptions, PropertyReport } from './generative/checkSoundness';
export type { Raise } from './generative/raises';
export type { RulesetArbitraryOptions } from './generative/rulesetArbitrary';
export type { FieldSlot, RecordsSlot } from './generative/slots';
export type { TransactionSpace, TransactionSpaceOptions } from './generative/transactionSpace';
