export { assess } from './assess';
export { assessMany } from './assessMany';
export { compileRuleset } from './compileRuleset';
export { listRulesets, loadRuleset } from './loadRuleset';
export { createRulesetRegistry } from './rulesets/registry';
export { replay } from './replay';
export { lintRuleset } from './lintRuleset';
export { generateSigningKeys, parseRulesetSignature, signingKeyId, signRuleset, SigningError } from './integrity/signatures';
export { AssessmentError } from './errors/AssessmentError';
export { RulesetError } from './errors/RulesetError';
export { TransactionError } from './errors/TransactionError';
export { formatPath } from './errors/issue';
export { formatReport } from './formatReport';
export { OUTCOMES } from './types/outcome';
export { transactionSchema } from './transaction/transactionSchema';

export type { AssessOptions } from './evaluate/prepareAssessment';
export type { ReportFormat, ReportOptions } from './formatReport';
export type { CompileOptions, CompiledRuleset } from './compileRuleset';
export type { LoadOptions, RulesetSummary } from './loadRuleset';
export type { RegisterOptions, RegistryOptions, RulesetComposition, RulesetRegistry } from './rulesets/registry';
export type { ReplayOptions, ReplayResult } from './replay';
export type { LintOptions, LintScenario } from './lintRuleset';
export type { RulesetSignature, SigningErrorCode, SigningKeyPair } from './integrity/signatures';
export type { AssessmentErrorCode } from './errors/AssessmentError';
export type { Issue, IssuePath } from './errors/issue';
export type { Outcome } from './types/outcome';
export type { Citation, CitationConfidence } from './types/citation';
export type { ParsedTransaction, Transaction } from './transaction/transactionSchema';
export type {
  Assessment,
  AssessmentNote,
  CompetentAuthority,
  ConditionTrace,
  FactConditionTrace,
  FactRecord,
  FactValue,
  GroupConditionTrace,
  NamedConditionTrace,
  NotConditionTrace,
  Obligation,
  Question,
  RulesetReference,
  TraceStep,
  TruthValue,
} from './types/assessment';
export type * from './types/ruleset';
